import { Worker } from 'node:worker_threads';

/**
 * A fixed set of `worker_threads` running one inline CommonJS script each.
 *
 * Why inline (`eval: true`) rather than a `.ts` file next to this one: the thread code must run unchanged under
 * tsx, vitest and the bundled Electron build, and a string needs no loader, transpiler or bundler entry.
 *
 * Protocol the script follows: post `{ type: 'ready' }` once prepared (buffers allocated, pages touched); on each
 * message from the pool do one unit of work and post `{ type: 'done', ...report }` or `{ type: 'error', message }`.
 */
export class ThreadPool<Report> {
  private constructor(private readonly workers: Worker[]) {}

  /** Number of threads in the pool. */
  get size(): number {
    return this.workers.length;
  }

  /**
   * Starts `count` threads and waits until every one has posted `ready`.
   * @param workerData called per thread index; its result is structured-cloned into the thread.
   * @throws Error when a thread fails to start or its setup throws (all threads are terminated first).
   */
  static async start<R>(script: string, count: number, workerData: (index: number) => unknown): Promise<ThreadPool<R>> {
    const workers: Worker[] = [];
    try {
      for (let i = 0; i < count; i++) {
        // execArgv: [] so a parent started with `--import tsx` (or vitest's loaders) does not load them per thread.
        workers.push(new Worker(script, { eval: true, workerData: workerData(i), execArgv: [] }));
      }
      await Promise.all(workers.map((w) => nextMessage(w)));
      return new ThreadPool<R>(workers);
    } catch (error) {
      await Promise.all(workers.map((w) => w.terminate()));
      throw error;
    }
  }

  /**
   * Sends `message` to the first `count` threads at once and waits for all their reports.
   * @returns wall time from the first send to the last report (ms) and the reports in thread order.
   */
  async run(count: number, message: unknown = { type: 'go' }): Promise<{ wallMs: number; reports: Report[] }> {
    const active = this.workers.slice(0, Math.max(1, Math.min(count, this.workers.length)));
    // Listeners are attached before any thread is told to start, so no fast report can be missed.
    const pending = active.map((w) => nextMessage(w));
    const startMs = performance.now();
    for (const w of active) w.postMessage(message);
    const reports = await Promise.all(pending);
    return { wallMs: performance.now() - startMs, reports: reports as Report[] };
  }

  /** Terminates every thread; safe to call twice. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** Resolves with the thread's next message; rejects on a reported error, a thrown error or an early exit. */
function nextMessage(worker: Worker): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const cleanup = (): void => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const onMessage = (message: unknown): void => {
      cleanup();
      const record = (typeof message === 'object' && message !== null ? message : {}) as Record<string, unknown>;
      if (record['type'] === 'error') reject(new Error(`worker thread failed: ${String(record['message'])}`));
      else resolve(record);
    };
    const onError = (error: Error): void => {
      cleanup();
      reject(error);
    };
    const onExit = (code: number): void => {
      cleanup();
      reject(new Error(`worker thread exited early with code ${code}`));
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
  });
}
