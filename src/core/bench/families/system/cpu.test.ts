import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkCpuReports, cpuBenchmark, toMBps } from './cpu';
import { makeCpuWorkloadData, type CpuPassReport } from './cpu-workload';
import { makeWorkerContext } from '../../../../../test/helpers/worker-context';

describe('system.cpu', () => {
  it('measures finite positive MB/s single-thread, per stage and on all threads', async () => {
    const ctx = makeWorkerContext('system.cpu', { bufferMiB: 1, threads: 2 }, { scratchDir: '/nonexistent' });
    const state = await cpuBenchmark.setup(ctx);
    try {
      const m = await cpuBenchmark.measure(state, ctx, 0);
      expect(m.value).toBeGreaterThan(0);
      expect(Number.isFinite(m.value)).toBe(true);
      for (const key of ['singleThreadMBps', 'allCoresMBps', 'sha256MBps', 'deflateMBps']) {
        expect(m.metrics?.[key], key).toBeGreaterThan(0);
        expect(Number.isFinite(m.metrics?.[key])).toBe(true);
      }
      expect(m.metrics?.['allCoresMBps']).toBe(m.value);
      // The pass rate can never exceed the slower of its two stages.
      expect(m.metrics!['singleThreadMBps']!).toBeLessThan(m.metrics!['deflateMBps']!);
      expect(cpuBenchmark.identity(state, ctx)).toMatchObject({ bufferMiB: 1, threads: 2, workload: expect.any(String) });
      expect(Object.keys(cpuBenchmark.metricUnits ?? {})).toEqual(Object.keys(m.metrics ?? {}));
      expect(ctx.phases).toContain('single thread');
    } finally {
      await cpuBenchmark.teardown?.(state);
    }
  });

  it('records threads as "all" when the all-cores run uses every logical core', async () => {
    const ctx = makeWorkerContext('system.cpu', { bufferMiB: 1 }, { scratchDir: '/nonexistent' });
    const state = await cpuBenchmark.setup(ctx);
    try {
      expect(cpuBenchmark.identity(state, ctx)['threads']).toBe('all');
      expect(cpuBenchmark.notes?.(state)[0]).toMatch(/threads/);
    } finally {
      await cpuBenchmark.teardown?.(state);
    }
  });

  it('rejects invalid params with the field name', async () => {
    const ctx = makeWorkerContext('system.cpu', { bufferMiB: 0 }, { scratchDir: '/nonexistent' });
    await expect(cpuBenchmark.setup(ctx)).rejects.toThrow(/invalid params: bufferMiB/);
  });
});

describe('cpu workload data', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const a = makeCpuWorkloadData(64 * 1024, 7);
    expect(Buffer.from(a).equals(Buffer.from(makeCpuWorkloadData(64 * 1024, 7)))).toBe(true);
    expect(Buffer.from(a).equals(Buffer.from(makeCpuWorkloadData(64 * 1024, 8)))).toBe(false);
  });

  it('is text-like: deflate shrinks it, but not to almost nothing', () => {
    const data = makeCpuWorkloadData(1024 * 1024);
    const ratio = data.length / deflateSync(data, { level: 6 }).length;
    expect(ratio).toBeGreaterThan(2);
    expect(ratio).toBeLessThan(10);
  });
});

describe('checkCpuReports', () => {
  const ok: CpuPassReport = { type: 'done', sha256Ms: 1, deflateMs: 2, digest: 'abc', packedBytes: 10 };

  it('accepts identical reports', () => {
    expect(() => checkCpuReports([ok, { ...ok }], 'abc')).not.toThrow();
  });

  it('rejects a thread whose digest or compressed size differs', () => {
    expect(() => checkCpuReports([ok, { ...ok, digest: 'abd' }], 'abc')).toThrow(/result verification failed: thread 1/);
    expect(() => checkCpuReports([ok, { ...ok, packedBytes: 11 }], 'abc')).toThrow(/result verification failed/);
    expect(() => checkCpuReports([], 'abc')).toThrow(/no thread reported/);
  });

  it('converts bytes and milliseconds to decimal MB/s', () => {
    expect(toMBps(2_000_000, 500)).toBe(4);
  });
});
