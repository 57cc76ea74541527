import { truncateSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { rtx4090Snapshot } from '../../../../test/fixtures/hardware/snapshots';
import { makeTempDir } from '../../../../test/helpers/temp-dir';
import type { ResultStatus } from '../../../shared/domain/benchmark';
import type { SystemSnapshot } from '../../../shared/domain/system';
import { hashSnapshot } from '../../hardware/snapshot-hash';
import { ensureSyntheticModel, syntheticModelFileBytes } from '../../models/synthetic/generate';
import { createStore, type Store } from '../../store/store';
import type { AvailabilityContext, BenchmarkDefinition } from '../definition';
import { planRun } from '../planner';
import { createLearnedEstimator, learnedPlanOptions } from './learned-estimator';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).reverse().forEach((c) => c()));

function openStore(): { store: Store; dataDir: string } {
  const tmp = makeTempDir('rigmark-estimates-');
  const store = createStore(join(tmp.dir, 'rigmark.db'));
  cleanups.push(tmp.cleanup, () => store.close());
  return { store, dataDir: tmp.dir };
}

function def(id: string, over: Partial<BenchmarkDefinition> = {}): BenchmarkDefinition {
  return {
    id, family: 'llm', title: id, description: id, category: 'llm', unit: 't/s', higherIsBetter: true, defaultRepetitions: 5,
    warmups: 1, timeoutMs: 60_000, suites: ['quick'], estimatedMs: 45_000, checkAvailability: async () => ({ isAvailable: true }),
    ...over,
  };
}

interface PastRun {
  snapshot: SystemSnapshot;
  benchmarkId?: string;
  params: Record<string, unknown>;
  setupMs: number;
  warmupsMs?: number[];
  repetitionsMs: number[];
  gapMs?: number;
  tailMs?: number;
  status?: ResultStatus;
  importHash?: string;
}

let clock = Date.parse('2026-03-01T10:00:00.000Z');

/** Stores a finished run of one instance the way the runner does: start, samples (taken_at at their end), finish. */
function storePastRun(store: Store, run: PastRun): void {
  const iso = (ms: number) => new Date(ms).toISOString();
  const started = (clock += 3_600_000);
  const systemId = store.systems.upsert(run.snapshot, hashSnapshot(run.snapshot));
  const runId = store.runs.create({ systemId, suite: 'quick', request: {}, appVersion: 'test', pid: process.pid, startedAt: iso(started), importHash: run.importHash ?? null });
  const resultId = store.results.insert({
    runId, ordinal: 0, benchmarkId: run.benchmarkId ?? 'llm.pp', title: 'llm.pp', category: 'llm', unit: 't/s', higherIsBetter: true,
    status: 'pending', params: run.params, reason: null, estimatedMs: 0,
  });
  store.results.start(resultId, iso(started));
  let t = started + run.setupMs;
  const samples = [...(run.warmupsMs ?? []).map((d) => ({ d, isWarmup: true })), ...run.repetitionsMs.map((d) => ({ d, isWarmup: false }))];
  for (const [index, s] of samples.entries()) {
    if (index > 0) t += run.gapMs ?? 0;
    t += s.d;
    store.results.insertSample({ resultId, index, isWarmup: s.isWarmup, value: 1, metrics: {}, durationMs: s.d, workUnits: null, takenAt: iso(t) });
  }
  store.results.finish(resultId, { status: run.status ?? 'passed', reason: null, stderrTail: null, at: iso(t + (run.tailMs ?? 0)) });
  store.runs.finish(runId, 'completed', iso(t + (run.tailMs ?? 0)));
}

const here = rtx4090Snapshot();
const ctxOf = (dataDir: string, snapshot: SystemSnapshot = here): AvailabilityContext => ({ snapshot, dataDir, settings: {}, params: {} });
const PARAMS = { model: '/models/a.gguf', threads: 8 };
/** Setup 5 s, one 2 s warm-up, counted 1.0/1.2/1.1 s (median 1.1 s), 0.1 s between samples, 0.5 s teardown. */
const TYPICAL = { setupMs: 5000, warmupsMs: [2000], repetitionsMs: [1000, 1200, 1100], gapMs: 100, tailMs: 500 };
/** For 1 warm-up + 3 planned: 5000 + 2000 + 3 × 1100 + 3 × 100 + 500. */
const TYPICAL_ESTIMATE = 5000 + 2000 + 3 * 1100 + 3 * 100 + 500;

async function planEstimates(store: Store, dataDir: string, defs: BenchmarkDefinition[], params: Record<string, unknown> = PARAMS, snapshot = here) {
  const items = await planRun({ suite: 'quick' }, defs, { ...ctxOf(dataDir, snapshot), params }, learnedPlanOptions(store));
  return items.map((i) => i.estimatedMs);
}

describe('learned estimator (real SQLite store)', () => {
  it('without history, an instance gets its definition figure', async () => {
    const { store, dataDir } = openStore();
    expect(await planEstimates(store, dataDir, [def('llm.pp')])).toEqual([45_000]);
  });

  it('with history on this machine, it learns setup + warm-ups + repetitions + gaps + teardown', async () => {
    const { store, dataDir } = openStore();
    storePastRun(store, { snapshot: here, params: PARAMS, ...TYPICAL });
    expect(await planEstimates(store, dataDir, [def('llm.pp')])).toEqual([TYPICAL_ESTIMATE]);
  });

  it('matches params whatever their key order, and scales with the planned repetitions', async () => {
    const { store, dataDir } = openStore();
    storePastRun(store, { snapshot: here, params: { threads: 8, model: '/models/a.gguf' }, ...TYPICAL });
    const items = await planRun({ benchmarkIds: ['llm.pp'], repetitions: 5 }, [def('llm.pp')], { ...ctxOf(dataDir), params: PARAMS }, learnedPlanOptions(store));
    expect(items[0]?.estimatedMs).toBe(5000 + 2000 + 5 * 1100 + 5 * 100 + 500);
  });

  it('expects the extra repetitions a noisy workload needed before, up to the policy maximum', async () => {
    const { store, dataDir } = openStore();
    storePastRun(store, { snapshot: here, params: PARAMS, ...TYPICAL, repetitionsMs: [1000, 1200, 1100, 1100, 1300, 900] });
    // Quick suite: 3 planned, at most 6 — the 6 it needed before are expected again.
    expect(await planEstimates(store, dataDir, [def('llm.pp')])).toEqual([5000 + 2000 + 6 * 1100 + 6 * 100 + 500]);
    // 2 planned: at most 4.
    const items = await planRun({ benchmarkIds: ['llm.pp'], repetitions: 2 }, [def('llm.pp')], { ...ctxOf(dataDir), params: PARAMS }, learnedPlanOptions(store));
    expect(items[0]?.estimatedMs).toBe(5000 + 2000 + 4 * 1100 + 4 * 100 + 500);
  });

  it('takes the shortest setup of the last five runs (a first run may have generated its model)', async () => {
    const { store, dataDir } = openStore();
    storePastRun(store, { snapshot: here, params: PARAMS, ...TYPICAL, setupMs: 65_000 });
    storePastRun(store, { snapshot: here, params: PARAMS, ...TYPICAL });
    storePastRun(store, { snapshot: here, params: PARAMS, ...TYPICAL, setupMs: 6000 });
    expect(await planEstimates(store, dataDir, [def('llm.pp')])).toEqual([TYPICAL_ESTIMATE]);
  });

  it('ignores imported runs, runs of another machine, other params, other benchmarks and failed results', async () => {
    const { store, dataDir } = openStore();
    const slow = { ...TYPICAL, setupMs: 90_000 };
    storePastRun(store, { snapshot: here, params: PARAMS, ...slow, importHash: 'a'.repeat(64) });
    storePastRun(store, { snapshot: rtx4090Snapshot({ cpu: { ...here.cpu, model: 'Another CPU' } }), params: PARAMS, ...slow });
    storePastRun(store, { snapshot: here, params: { ...PARAMS, threads: 4 }, ...slow });
    storePastRun(store, { snapshot: here, benchmarkId: 'llm.tg', params: PARAMS, ...slow });
    storePastRun(store, { snapshot: here, params: PARAMS, ...slow, status: 'failed' });
    expect(await planEstimates(store, dataDir, [def('llm.pp')])).toEqual([45_000]);
    storePastRun(store, { snapshot: here, params: PARAMS, ...TYPICAL });
    expect(await planEstimates(store, dataDir, [def('llm.pp')])).toEqual([TYPICAL_ESTIMATE]);
  });

  it('an unstable result counts: its timing is as real as a passed one', async () => {
    const { store, dataDir } = openStore();
    storePastRun(store, { snapshot: here, params: PARAMS, ...TYPICAL, status: 'unstable' });
    expect(await planEstimates(store, dataDir, [def('llm.pp')])).toEqual([TYPICAL_ESTIMATE]);
  });
});

describe('synthetic model generation in the estimate', () => {
  const RATE = 1e6; // 1 MB/s: the tiny shape's ~2 MB takes a couple of seconds, easy to tell apart
  const SYNTHETIC = { model: 'synthetic:tiny' };
  const defs = [def('llm.pp'), def('llm.tg', { estimatedMs: 60_000 })];

  it('a missing synthetic model adds its generation once, to the first instance that uses it', async () => {
    const { store, dataDir } = openStore();
    const estimator = createLearnedEstimator(store, { generationBytesPerSec: RATE });
    const items = await planRun({ suite: 'quick' }, defs, { ...ctxOf(dataDir), params: SYNTHETIC }, { estimate: estimator.estimate });
    const generationMs = (syntheticModelFileBytes('tiny') / RATE) * 1000;
    expect(generationMs).toBeGreaterThan(1000);
    expect(items.map((i) => i.estimatedMs)).toEqual([45_000 + generationMs, 60_000]);
    expect(estimator.generations()).toEqual([
      { model: 'synthetic:tiny', displayName: 'Tiny test model', bytes: syntheticModelFileBytes('tiny'), generationMs, benchmarkId: 'llm.pp', title: 'llm.pp' },
    ]);
  });

  it('an unavailable first instance does not take the charge; the next available one does', async () => {
    const { store, dataDir } = openStore();
    const absent = def('llm.pp', { checkAvailability: async () => ({ isAvailable: false, reason: 'no' }) });
    const items = await planRun({ suite: 'quick' }, [absent, defs[1]!], { ...ctxOf(dataDir), params: SYNTHETIC }, learnedPlanOptions(store, { generationBytesPerSec: RATE }));
    expect(items.map((i) => i.estimatedMs)).toEqual([0, 60_000 + (syntheticModelFileBytes('tiny') / RATE) * 1000]);
  });

  it('a model already generated adds nothing', async () => {
    const { store, dataDir } = openStore();
    await ensureSyntheticModel('tiny', join(dataDir, 'models'));
    const items = await planRun({ suite: 'quick' }, defs, { ...ctxOf(dataDir), params: SYNTHETIC }, learnedPlanOptions(store, { generationBytesPerSec: RATE }));
    expect(items.map((i) => i.estimatedMs)).toEqual([45_000, 60_000]);
  });

  it('a truncated copy is not ready: generation is added', async () => {
    const { store, dataDir } = openStore();
    const { path } = await ensureSyntheticModel('tiny', join(dataDir, 'models'));
    truncateSync(path, 1000);
    const items = await planRun({ suite: 'quick' }, defs, { ...ctxOf(dataDir), params: SYNTHETIC }, learnedPlanOptions(store, { generationBytesPerSec: RATE }));
    expect(items[0]?.estimatedMs).toBeGreaterThan(45_000);
  });
});
