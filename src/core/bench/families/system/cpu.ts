import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import type { Identity } from '../../../../shared/domain/benchmark';
import type { Measurement, WorkerBenchmark, WorkerContext } from '../../worker/types';
import { CPU_THREAD_SCRIPT, CPU_WORKLOAD_ID, makeCpuWorkloadData, type CpuPassReport } from './cpu-workload';
import { CpuParamsSchema, MIB, parseParams } from './params';
import { ThreadPool } from './thread-pool';

interface CpuState {
  pool: ThreadPool<CpuPassReport>;
  bufferBytes: number;
  /** The `threads` param as given: 0 means one per logical core. */
  requestedThreads: number;
  expectedDigest: string;
}

/** MB/s (10^6 bytes per second) for `bytes` processed in `ms` milliseconds. */
export function toMBps(bytes: number, ms: number): number {
  return bytes / 1e6 / (ms / 1e3);
}

/**
 * Checks that every thread hashed the same bytes and compressed them to the same size.
 * @throws Error starting with 'result verification failed' otherwise.
 */
export function checkCpuReports(reports: CpuPassReport[], expectedDigest: string): void {
  const first = reports[0];
  if (first === undefined) throw new Error('result verification failed: no thread reported');
  for (const [i, r] of reports.entries()) {
    if (r.digest !== expectedDigest) {
      throw new Error(`result verification failed: thread ${i} SHA-256 ${r.digest} ≠ expected ${expectedDigest}`);
    }
    if (r.packedBytes !== first.packedBytes || r.packedBytes <= 0) {
      throw new Error(`result verification failed: thread ${i} deflated to ${r.packedBytes} bytes, thread 0 to ${first.packedBytes}`);
    }
  }
}

/**
 * `system.cpu`. One pass = SHA-256 then deflate (level 6) of the whole buffer; throughput counts the buffer's bytes
 * once per pass (the input rate of "hash and compress"), in MB/s (10^6 bytes/s).
 * - `singleThreadMBps`: one thread, bufferBytes / (sha256 time + deflate time), timed inside the thread.
 * - `sha256MBps`, `deflateMBps`: the two stages of that single-thread pass separately.
 * - `allCoresMBps` (the primary value): every thread runs one pass at once; threads × bufferBytes / wall time from
 *   the start signal to the last thread's report.
 * The single-thread pass also runs in a worker thread (the pool's first), so both figures share one code path.
 */
export const cpuBenchmark: WorkerBenchmark<CpuState> = {
  async setup(ctx: WorkerContext): Promise<CpuState> {
    const params = parseParams(CpuParamsSchema, ctx.job.params);
    const threads = params.threads === 0 ? availableParallelism() : params.threads;
    const bufferBytes = params.bufferMiB * MIB;
    ctx.reportPhase('generating workload data');
    const data = makeCpuWorkloadData(bufferBytes);
    const expectedDigest = createHash('sha256').update(data).digest('hex');
    ctx.reportPhase(`starting ${threads} threads`);
    const pool = await ThreadPool.start<CpuPassReport>(CPU_THREAD_SCRIPT, threads, () => ({ shared: data.buffer }));
    return { pool, bufferBytes, requestedThreads: params.threads, expectedDigest };
  },

  async measure(state: CpuState, ctx: WorkerContext): Promise<Measurement> {
    ctx.reportPhase('single thread');
    const single = await state.pool.run(1);
    checkCpuReports(single.reports, state.expectedDigest);
    const one = single.reports[0]!;
    ctx.signal.throwIfAborted();
    ctx.reportPhase(`all cores (${state.pool.size} threads)`);
    const all = await state.pool.run(state.pool.size);
    checkCpuReports(all.reports, state.expectedDigest);
    const allCoresMBps = toMBps(state.bufferBytes * state.pool.size, all.wallMs);
    return {
      value: allCoresMBps,
      metrics: {
        singleThreadMBps: toMBps(state.bufferBytes, one.sha256Ms + one.deflateMs),
        allCoresMBps,
        sha256MBps: toMBps(state.bufferBytes, one.sha256Ms),
        deflateMBps: toMBps(state.bufferBytes, one.deflateMs),
      },
      workUnits: state.bufferBytes * (state.pool.size + 1),
    };
  },

  async teardown(state: CpuState): Promise<void> {
    await state.pool.close();
  },

  identity(state: CpuState): Identity {
    return {
      workload: CPU_WORKLOAD_ID,
      bufferMiB: state.bufferBytes / MIB,
      // 'all' rather than the count: the workload is "every logical core", whatever the machine has.
      threads: state.requestedThreads === 0 ? 'all' : state.requestedThreads,
      engine: 'node',
      nodeVersion: process.versions.node,
      opensslVersion: process.versions.openssl ?? null,
      zlibVersion: process.versions.zlib ?? null,
    };
  },

  metricUnits: { singleThreadMBps: 'MB/s', allCoresMBps: 'MB/s', sha256MBps: 'MB/s', deflateMBps: 'MB/s' },

  notes(state: CpuState): string[] {
    return [
      `all-cores run used ${state.pool.size} threads; MB/s counts each buffer byte once per SHA-256 + deflate pass`,
    ];
  },
};
