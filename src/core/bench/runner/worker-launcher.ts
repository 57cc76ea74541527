import type { WorkerJob } from '../../../shared/worker-protocol';

export interface WorkerExit {
  code: number | null;
  signal: string | null;
}

/** A running worker process, whatever started it. */
export interface WorkerHandle {
  readonly pid: number | undefined;
  send(job: WorkerJob): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (exit: WorkerExit) => void): void;
  /** Kills the process (SIGKILL): a benchmark stuck in native code ignores anything gentler. */
  kill(): void;
  /** The last few KiB of the worker's stderr, for a crash report. */
  stderrTail(): string;
}

/**
 * Starts benchmark workers. `child_process.fork` under Node (CLI, web mode, tests); Electron's `utilityProcess.fork`
 * in the desktop app (src/main/utility-launcher.ts). One interface so the runner does not care which.
 */
export interface WorkerLauncher {
  /** `env` adds variables a benchmark needs at process start (e.g. libuv's pool size for llama.cpp). */
  launch(options?: LaunchOptions): WorkerHandle;
}

export interface LaunchOptions {
  env?: Readonly<Record<string, string>>;
}

/** Keeps the last `limit` characters of a stream's text. */
export function createTailBuffer(limit = 4096): { push(chunk: string): void; text(): string } {
  let text = '';
  return {
    push(chunk) {
      text = (text + chunk).slice(-limit);
    },
    text: () => text,
  };
}
