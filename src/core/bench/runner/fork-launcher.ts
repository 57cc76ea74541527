import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createTailBuffer, type LaunchOptions, type WorkerHandle, type WorkerLauncher } from './worker-launcher';

/** The worker entry next to this source tree (run through tsx), unless a built one is named. */
export const SOURCE_WORKER_ENTRY = fileURLToPath(new URL('../worker/entry.ts', import.meta.url));

/**
 * Variables a benchmark child must not inherit: debugger and loader flags of the parent would change what is
 * measured (fiddle-core cleans its child env the same way).
 */
const DROPPED_ENV = ['NODE_OPTIONS', 'ELECTRON_RUN_AS_NODE', 'NODE_INSPECT_RESUME_ON_START', 'VSCODE_INSPECTOR_OPTIONS'];

export function cleanEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...env };
  for (const key of DROPPED_ENV) delete out[key];
  return out;
}

/** Launches workers with `child_process.fork`; TypeScript entries run through tsx. */
export function createForkLauncher(options: { entry?: string; env?: NodeJS.ProcessEnv } = {}): WorkerLauncher {
  const entry = options.entry ?? SOURCE_WORKER_ENTRY;
  // An absolute loader URL, so a worker starts whatever the current directory is.
  const execArgv = entry.endsWith('.ts') ? ['--import', tsxLoaderUrl()] : [];
  return {
    launch(launchOptions: LaunchOptions = {}): WorkerHandle {
      const child = fork(entry, [], {
        execArgv,
        env: { ...cleanEnv(options.env ?? process.env), ...launchOptions.env },
        stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
        serialization: 'json',
      });
      const tail = createTailBuffer();
      child.stderr?.setEncoding('utf8').on('data', (c: string) => tail.push(c));
      child.stdout?.setEncoding('utf8').on('data', (c: string) => tail.push(c));
      // A send to a worker that already died emits 'error' on the child; the exit handler reports it.
      child.on('error', (e) => tail.push(`\n[launcher] ${e.message}`));
      return {
        pid: child.pid,
        send: (job) => {
          if (child.connected) child.send(job);
        },
        onMessage: (listener) => child.on('message', listener),
        onExit: (listener) => child.on('exit', (code, signal) => listener({ code, signal })),
        kill: () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
        },
        stderrTail: () => tail.text(),
      };
    },
  };
}

function tsxLoaderUrl(): string {
  return pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
}
