import { availableParallelism, freemem } from 'node:os';
import type { Identity } from '../../../../shared/domain/benchmark';
import type { Measurement, WorkerBenchmark, WorkerContext } from '../../worker/types';
import { MemoryParamsSchema, MIB, parseParams } from './params';
import { ThreadPool } from './thread-pool';

/** Changes whenever the copy loop changes. */
export const MEMORY_WORKLOAD_ID = 'typedarray-set-copy-v1';

/** At most this share of free memory is used, so the test never pushes the machine into swap. */
export const MEMORY_MAX_FREE_FRACTION = 0.25;
const PAGE_BYTES = 4096;

/** Per-thread sizing of the copy test. */
export interface MemoryPlan {
  /** Bytes of each thread's source buffer (its destination is the same size). */
  bufferBytes: number;
  /** Source + destination over all threads. */
  totalBytes: number;
  /** True when free memory capped the requested size. */
  isReduced: boolean;
}

/**
 * Splits the working set (source + destination over all threads) across threads, capped at 25 % of free memory,
 * page-aligned, at least one page per buffer.
 * @param requestedBytes requested working set, bytes. @param freeBytes free memory now, bytes.
 */
export function planMemory(requestedBytes: number, threads: number, freeBytes: number): MemoryPlan {
  const cap = Math.floor(freeBytes * MEMORY_MAX_FREE_FRACTION);
  const total = Math.min(requestedBytes, cap);
  const perBuffer = Math.floor(total / (2 * threads) / PAGE_BYTES) * PAGE_BYTES;
  const bufferBytes = Math.max(PAGE_BYTES, perBuffer);
  return { bufferBytes, totalBytes: bufferBytes * 2 * threads, isReduced: total < requestedBytes };
}

/**
 * Thread script: allocates and touches its own source and destination (so page faults happen in setup, not in the
 * timed copies), then on each message copies source → destination `passes` times with TypedArray.set (a memmove in
 * V8) and checks a few pages arrived.
 */
export const MEMORY_THREAD_SCRIPT = `
const { parentPort, workerData } = require('node:worker_threads');
const bytes = workerData.bufferBytes;
const src = new Uint8Array(bytes);
const dst = new Uint8Array(bytes);
for (let i = 0; i < bytes; i += 4096) src[i] = ((i / 4096) ^ 0x5a) & 255;
dst.fill(1);
parentPort.on('message', (message) => {
  const t0 = performance.now();
  for (let p = 0; p < message.passes; p++) dst.set(src);
  const ms = performance.now() - t0;
  const last = bytes - 4096;
  const mid = Math.floor(bytes / 8192) * 4096;
  if (dst[0] !== src[0] || dst[mid] !== src[mid] || dst[last] !== src[last]) {
    parentPort.postMessage({ type: 'error', message: 'result verification failed: copied pages differ from the source' });
    return;
  }
  parentPort.postMessage({ type: 'done', ms });
});
parentPort.postMessage({ type: 'ready' });
`;

interface MemoryState {
  pool: ThreadPool<{ ms: number }>;
  plan: MemoryPlan;
  passes: number;
  requestedThreads: number;
}

/** GB/s (10^9 bytes/s) under the STREAM "copy" convention: each copied byte counts twice (one read, one write). */
export function copyGBps(copiedBytes: number, ms: number): number {
  return (2 * copiedBytes) / 1e9 / (ms / 1e3);
}

/**
 * `system.memory`: copy bandwidth on all cores. Each thread copies its own buffer `passes` times at the same moment;
 * the value is 2 × bytes copied over all threads / wall time from the start signal to the last report (STREAM
 * "copy" counting, GB/s = 10^9 bytes/s). `singleThreadGBps` copies the same total bytes on one thread.
 */
export const memoryBenchmark: WorkerBenchmark<MemoryState> = {
  async setup(ctx: WorkerContext): Promise<MemoryState> {
    const params = parseParams(MemoryParamsSchema, ctx.job.params);
    const threads = params.threads === 0 ? availableParallelism() : params.threads;
    const plan = planMemory(params.totalMiB * MIB, threads, freemem());
    ctx.reportPhase(`allocating ${Math.round(plan.totalBytes / MIB)} MiB on ${threads} threads`);
    const pool = await ThreadPool.start<{ ms: number }>(MEMORY_THREAD_SCRIPT, threads, () => ({
      bufferBytes: plan.bufferBytes,
    }));
    return { pool, plan, passes: params.passes, requestedThreads: params.threads };
  },

  async measure(state: MemoryState, ctx: WorkerContext): Promise<Measurement> {
    const threads = state.pool.size;
    const copied = state.plan.bufferBytes * state.passes * threads;
    ctx.reportPhase('single thread');
    const single = await state.pool.run(1, { passes: state.passes * threads });
    ctx.signal.throwIfAborted();
    ctx.reportPhase(`all cores (${threads} threads)`);
    const all = await state.pool.run(threads, { passes: state.passes });
    const allCoresGBps = copyGBps(copied, all.wallMs);
    return {
      value: allCoresGBps,
      metrics: { allCoresGBps, singleThreadGBps: copyGBps(copied, single.reports[0]!.ms) },
      workUnits: 4 * copied,
    };
  },

  async teardown(state: MemoryState): Promise<void> {
    await state.pool.close();
  },

  identity(state: MemoryState): Identity {
    return {
      workload: MEMORY_WORKLOAD_ID,
      bufferMiBPerThread: state.plan.bufferBytes / MIB,
      passes: state.passes,
      threads: state.requestedThreads === 0 ? 'all' : state.requestedThreads,
      countsBytes: 'read+write',
      engine: 'node',
      nodeVersion: process.versions.node,
    };
  },

  metricUnits: { allCoresGBps: 'GB/s', singleThreadGBps: 'GB/s' },

  notes(state: MemoryState): string[] {
    const total = Math.round(state.plan.totalBytes / MIB);
    const notes = [`${state.pool.size} threads, ${total} MiB working set; GB/s counts read + write (STREAM copy)`];
    if (state.plan.isReduced) notes.push(`working set reduced to ${total} MiB (25 % of free memory)`);
    return notes;
  },
};
