import type { ForkOptions, UtilityProcess } from 'electron';
import { cleanEnv } from '../core/bench/runner/fork-launcher';
import { createTailBuffer } from '../core/bench/runner/worker-launcher';
import type { WorkerExit, WorkerHandle, WorkerLauncher } from '../core/bench/runner/worker-launcher';
import type { WorkerJob } from '../shared/worker-protocol';

/** Electron's `utilityProcess.fork`, injected so the launcher can be tested with the stand-in. */
export type ForkUtility = (modulePath: string, args: string[], options: ForkOptions) => UtilityProcess;

/** Sends the strongest kill there is to `pid`; injected for tests. */
export type KillPid = (pid: number) => void;

const killWithSigkill: KillPid = (pid) => process.kill(pid, 'SIGKILL');

/**
 * Launches benchmark workers as Electron utility processes (DESIGN.md "Data flow of a run" step 3): a crash in
 * native code (llama.cpp, Dawn) kills only the worker. The worker entry talks over `process.parentPort`
 * (src/core/bench/worker/start-worker.ts).
 */
export function createUtilityLauncher(options: {
  entry: string;
  fork: ForkUtility;
  env?: NodeJS.ProcessEnv;
  killPid?: KillPid;
}): WorkerLauncher {
  return {
    launch: (launchOptions = {}) =>
      launchOne(options.entry, options.fork, { ...cleanEnv(options.env ?? process.env), ...launchOptions.env }, options.killPid ?? killWithSigkill),
  };
}

function launchOne(entry: string, fork: ForkUtility, env: NodeJS.ProcessEnv, killPid: KillPid): WorkerHandle {
  const child = fork(entry, [], { env, stdio: 'pipe', serviceName: 'Rigmark benchmark worker' });
  const tail = createTailBuffer();
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => tail.push(chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => tail.push(chunk));
  let hasExited = false;
  child.on('exit', () => (hasExited = true));
  child.on('error', (type, location) => tail.push(`\n[utility process] ${type} at ${location}`));
  // Messages posted before the process exists are held until it has spawned.
  let pending: WorkerJob[] | null = [];
  child.once('spawn', () => {
    for (const job of pending ?? []) child.postMessage(job);
    pending = null;
  });
  return {
    get pid() {
      return child.pid;
    },
    send(job) {
      if (hasExited) return;
      if (pending) pending.push(job);
      else child.postMessage(job);
    },
    onMessage: (listener) => child.on('message', (message: unknown) => listener(message)),
    // A utility process has no signal in its exit report; the code is what waitpid / GetExitCodeProcess gave.
    onExit: (listener: (exit: WorkerExit) => void) => child.on('exit', (code) => listener({ code, signal: null })),
    kill() {
      if (hasExited) return;
      // `UtilityProcess.kill()` sends SIGTERM, which the worker catches to abort cleanly — so a worker stuck in
      // native code would never die. SIGKILL by pid, as the fork launcher does; kill() only if there is no pid yet.
      if (child.pid === undefined) child.kill();
      else {
        try {
          killPid(child.pid);
        } catch {
          child.kill();
        }
      }
    },
    stderrTail: () => tail.text(),
  };
}
