import { describe, expect, it } from 'vitest';
import { rtx4090Snapshot } from '../../../test/fixtures/hardware/snapshots';
import type { Result } from '../../shared/domain/results';
import { computeStats } from '../bench/stats';
import { cardSpecs } from '../reference';
import { physicalLimitOf } from './physical-limits';

function result(benchmarkId: string, median: number, identity: Result['identity']): Result {
  return {
    id: 1, runId: 1, benchmarkId, title: benchmarkId, category: 'llm', status: 'passed', unit: 'x', higherIsBetter: true,
    identity, identityHash: '', reason: null, stderrTail: null, startedAt: null, finishedAt: null,
    stats: computeStats([median]), metrics: {}, samples: [], telemetry: null,
  };
}

describe('physical limits of a result on this machine\'s GPU', () => {
  const snapshot = rtx4090Snapshot();
  const specs = cardSpecs('rtx-4090');

  it('sets generation against spec bandwidth ÷ model bytes, and bandwidth kernels against the spec', () => {
    const bw = specs.memoryBandwidthGBps!.value;
    const tg = physicalLimitOf(result('llamacpp.tg128', 100, { backend: 'cuda', modelBytes: 4e9 }), snapshot)!;
    expect(tg.cardKey).toBe('rtx-4090');
    expect(tg.limit).toBeCloseTo((bw * 1e9) / 4e9, 6);
    expect(tg.pctOfLimit).toBeCloseTo((100 / ((bw * 1e9) / 4e9)) * 100, 6);
    const copy = physicalLimitOf(result('gpu.bandwidth', bw / 2, { isSoftwareAdapter: false }), snapshot)!;
    expect(copy.pctOfLimit).toBeCloseTo(50, 6);
    expect(copy.specSource).toMatch(/https?:\/\//);
  });

  it('never sets a software adapter, the CPU backend or an unknown GPU against a card\'s peak', () => {
    expect(physicalLimitOf(result('gpu.bandwidth', 1, { isSoftwareAdapter: true }), snapshot)).toBeNull();
    expect(physicalLimitOf(result('llamacpp.tg128', 10, { backend: 'cpu', modelBytes: 4e9 }), snapshot)).toBeNull();
    const unknown = rtx4090Snapshot({ gpus: [{ ...snapshot.gpus[0]!, name: 'Mystery GPU 9000' }] });
    expect(physicalLimitOf(result('llamacpp.tg128', 10, { backend: 'cuda', modelBytes: 4e9 }), unknown)).toBeNull();
    expect(physicalLimitOf(result('system.cpu', 10, {}), snapshot)).toBeNull();
  });
});
