import { describe, expect, it } from 'vitest';
import type { AvailabilityContext } from '../../definition';
import { definitions } from './definitions';
import { CpuParamsSchema, DiskParamsSchema, MemoryParamsSchema } from './params';
import { benchmarks } from './worker';

const ctx = { dataDir: '/tmp', params: {}, settings: {}, snapshot: {} } as unknown as AvailabilityContext;

describe('system definitions', () => {
  it('declares the four benchmarks with units, suites and 5 repetitions after 1 warm-up', () => {
    expect(definitions.map((d) => [d.id, d.unit])).toEqual([
      ['system.cpu', 'MB/s'],
      ['system.memory', 'GB/s'],
      ['system.disk-write', 'MB/s'],
      ['system.disk-read', 'MB/s'],
    ]);
    for (const d of definitions) {
      expect(d).toMatchObject({ family: 'system', category: 'system', defaultRepetitions: 5, warmups: 1, higherIsBetter: true });
      expect(d.suites).toEqual(['quick', 'full', 'system']);
    }
  });

  it('has a worker implementation for every definition', () => {
    expect(Object.keys(benchmarks).sort()).toEqual(definitions.map((d) => d.id).sort());
  });

  it('gives default params the worker schemas accept unchanged', () => {
    const schemaOf = { 'system.cpu': CpuParamsSchema, 'system.memory': MemoryParamsSchema } as const;
    for (const d of definitions) {
      const params = d.defaultParams?.(ctx) ?? {};
      const schema = schemaOf[d.id as keyof typeof schemaOf] ?? DiskParamsSchema;
      expect(schema.parse(params), d.id).toEqual(params);
    }
  });

  it('cpu and memory are always available', async () => {
    for (const id of ['system.cpu', 'system.memory']) {
      expect(await definitions.find((d) => d.id === id)!.checkAvailability(ctx)).toEqual({ isAvailable: true });
    }
  });
});
