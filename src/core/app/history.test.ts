import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { rtx4090Snapshot } from '../../../test/fixtures/hardware/snapshots';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import type { Identity } from '../../shared/domain/benchmark';
import { hashSnapshot } from '../hardware/snapshot-hash';
import { createStore } from '../store/store';
import type { Store } from '../store/store';
import { historyOf, workloadKeyOf } from './history';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).reverse().forEach((c) => c()));

function openStore(): Store {
  const tmp = makeTempDir('rigmark-history-');
  const store = createStore(join(tmp.dir, 'rigmark.db'));
  cleanups.push(tmp.cleanup, () => store.close());
  return store;
}

const LLAMA_8B: Identity = { engine: 'llama.cpp', backend: 'cpu', modelKey: 'llama-3-8b', quant: 'Q4_K_M', isSynthetic: true, promptTokens: 512 };
const LLAMA_1B: Identity = { ...LLAMA_8B, modelKey: 'llama-3.2-1b', quant: 'Q4_0' };

/** Stores one run of `llamacpp.pp512` the way the runner does: the result, its identity, a warm-up and samples. */
function storeRun(store: Store, startedAt: string, identity: Identity, values: number[]): number {
  const snapshot = rtx4090Snapshot();
  const systemId = store.systems.upsert(snapshot, hashSnapshot(snapshot));
  const runId = store.runs.create({ systemId, suite: 'quick', request: {}, appVersion: 'test', pid: process.pid, startedAt });
  const resultId = store.results.insert({
    runId, ordinal: 0, benchmarkId: 'llamacpp.pp512', title: 'llama.cpp prompt processing (pp512)', category: 'llm', unit: 'tokens/s',
    higherIsBetter: true, status: 'pending', params: {}, reason: null, estimatedMs: 0,
  });
  store.results.setIdentity(resultId, identity, `hash-${String(identity.modelKey)}`, {}, []);
  [999, ...values].forEach((value, index) => {
    store.results.insertSample({ resultId, index, isWarmup: index === 0, value, metrics: {}, durationMs: 1000, workUnits: 512, takenAt: startedAt });
  });
  store.results.finish(resultId, { status: 'passed', reason: null, stderrTail: null, at: startedAt });
  return runId;
}

describe('historyOf', () => {
  it('gives two results of one benchmark id on different models distinct workload keys, with their identity', () => {
    const store = openStore();
    const first = storeRun(store, '2026-03-01T10:00:00.000Z', LLAMA_1B, [410, 400, 420]);
    const second = storeRun(store, '2026-03-01T10:05:00.000Z', LLAMA_8B, [95, 100, 105]);
    const points = historyOf(store, 'llamacpp.pp512', 100);
    // Newest first; the median leaves out the warm-up (999).
    expect(points.map((p) => [p.runId, p.identity.modelKey, p.median])).toEqual([
      [second, 'llama-3-8b', 100],
      [first, 'llama-3.2-1b', 410],
    ]);
    expect(points[0]?.workloadKey).not.toBe(points[1]?.workloadKey);
    expect(points[0]).toMatchObject({ title: 'llama.cpp prompt processing (pp512)', unit: 'tokens/s', identity: LLAMA_8B });
  });

  it('gives results of the same workload one key across runs, whatever else their identity says', () => {
    const store = openStore();
    storeRun(store, '2026-03-01T10:00:00.000Z', LLAMA_8B, [100]);
    storeRun(store, '2026-03-02T10:00:00.000Z', { ...LLAMA_8B, engineVersion: 'b5000', threads: 8 }, [101]);
    const keys = new Set(historyOf(store, 'llamacpp.pp512', 100).map((p) => p.workloadKey));
    expect(keys.size).toBe(1);
  });

  it('tells workloads apart by backend, quantisation and whether the model is synthetic', () => {
    const base = workloadKeyOf('llamacpp.pp512', LLAMA_8B);
    expect(workloadKeyOf('llamacpp.pp512', { ...LLAMA_8B, backend: 'cuda' })).not.toBe(base);
    expect(workloadKeyOf('llamacpp.pp512', { ...LLAMA_8B, quant: 'F16' })).not.toBe(base);
    expect(workloadKeyOf('llamacpp.pp512', { ...LLAMA_8B, isSynthetic: false })).not.toBe(base);
    expect(workloadKeyOf('llamacpp.tg128', LLAMA_8B)).not.toBe(base);
  });
});
