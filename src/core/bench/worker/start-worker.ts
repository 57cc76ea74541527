/**
 * The body of a benchmark worker process (`child_process.fork` under Node, `utilityProcess.fork` under
 * Electron). It runs exactly one job and exits. Native code (llama.cpp, Dawn) may abort this process on bad input:
 * that is why it is a process of its own — the parent records the crash and goes on.
 */
import { rmSync } from 'node:fs';
import { WorkerJobSchema, type WorkerMessage } from '../../../shared/worker-protocol';
import type { FamilyWorkerModule } from '../definition';
import { familyOf } from './family-loaders';
import { runHarness } from './harness';
import type { WorkerBenchmark } from './types';

interface ParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

/** Electron's utility process talks through `process.parentPort`; a Node fork through `process.send`. */
function channel(): { send(m: WorkerMessage): Promise<void>; onMessage(cb: (m: unknown) => void): void } {
  const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
  if (parentPort) {
    return {
      send: async (m) => parentPort.postMessage(m),
      onMessage: (cb) => parentPort.on('message', (e) => cb(e.data)),
    };
  }
  if (!process.send) throw new Error('worker entry must be started with an IPC channel');
  return {
    // Resolves once Node has handed the message to the channel, so the last one is flushed before exit.
    send: (m) => new Promise<void>((resolve) => process.send?.(m, undefined, undefined, () => resolve())),
    onMessage: (cb) => process.on('message', cb),
  };
}

/** Serves one job with the given family loaders (tests start it with their own fixture families). */
export function startWorker(loaders: Record<string, () => Promise<FamilyWorkerModule>>): void {
  const io = channel();
  const controller = new AbortController();
  let scratchDir: string | null = null;
  // If the parent dies (SIGKILL on the CLI), the IPC channel closes: remove scratch files and leave.
  process.on('disconnect', () => {
    if (scratchDir) rmSync(scratchDir, { recursive: true, force: true });
    process.exit(1);
  });
  process.on('SIGTERM', () => controller.abort());
  let lastSend: Promise<void> = Promise.resolve();
  const send = (m: WorkerMessage): void => {
    lastSend = io.send(m);
  };
  io.onMessage(async (raw) => {
    const parsed = WorkerJobSchema.safeParse(raw);
    if (!parsed.success) {
      send({ type: 'error', code: 'BAD_JOB', message: `invalid job: ${parsed.error.message}` });
      await lastSend;
      process.exit(2);
    }
    const job = parsed.data;
    scratchDir = job.scratchDir;
    const load = loaders[familyOf(job.benchmarkId)];
    const mod = load ? await load() : undefined;
    const benchmark = mod?.benchmarks[job.benchmarkId] as WorkerBenchmark<unknown> | undefined;
    if (!benchmark) {
      send({ type: 'error', code: 'UNKNOWN_BENCHMARK', message: `no worker implementation for ${job.benchmarkId}` });
    } else {
      await runHarness(benchmark, job, send, controller.signal);
    }
    // Native addons (Dawn, llama.cpp) can keep the event loop alive; the job is done, so leave explicitly —
    // after the last message has been handed to the channel.
    await lastSend;
    process.exit(0);
  });
  send({ type: 'ready' });
}

