import { describe, expect, it } from 'vitest';
import { makeWorkerContext } from '../../../../../test/helpers/worker-context';
import { copyGBps, memoryBenchmark, planMemory } from './memory';
import { MIB } from './params';

describe('system.memory', () => {
  it('measures finite positive all-core and single-thread copy bandwidth', async () => {
    const ctx = makeWorkerContext('system.memory', { totalMiB: 8, passes: 2, threads: 2 }, { scratchDir: '/nonexistent' });
    const state = await memoryBenchmark.setup(ctx);
    try {
      const m = await memoryBenchmark.measure(state, ctx, 0);
      expect(Number.isFinite(m.value)).toBe(true);
      expect(m.value).toBeGreaterThan(0);
      expect(m.metrics?.['singleThreadGBps']).toBeGreaterThan(0);
      expect(memoryBenchmark.identity(state, ctx)).toMatchObject({
        bufferMiBPerThread: 2,
        passes: 2,
        threads: 2,
        countsBytes: 'read+write',
      });
    } finally {
      await memoryBenchmark.teardown?.(state);
    }
  });
});

describe('planMemory', () => {
  it('splits the working set into a source and a destination per thread', () => {
    expect(planMemory(1024 * MIB, 4, 64 * 1024 * MIB)).toEqual({ bufferBytes: 128 * MIB, totalBytes: 1024 * MIB, isReduced: false });
  });

  it('caps the working set at 25 % of free memory and says so', () => {
    const plan = planMemory(1024 * MIB, 2, 1024 * MIB);
    expect(plan.totalBytes).toBe(256 * MIB);
    expect(plan.isReduced).toBe(true);
  });

  it('keeps buffers page-aligned and at least one page', () => {
    expect(planMemory(10_000_001, 3, 1e12).bufferBytes % 4096).toBe(0);
    expect(planMemory(1, 8, 1e12).bufferBytes).toBe(4096);
  });

  it('counts read + write bytes (STREAM copy) in decimal GB/s', () => {
    expect(copyGBps(1e9, 1000)).toBe(2);
  });
});
