import type { Token } from 'node-llama-cpp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../../../test/helpers/temp-dir';
import type { WorkerBenchmark, WorkerContext } from '../../worker/types';
import type { LlamaSession } from './session';
import { benchmarks } from './worker';
import { banTokens, endOfGenerationTokens, GEN_TOKENS, runGeneration } from './workload';

/** The identity keys the comparison joins on (brief: these exact names). */
const IDENTITY_KEYS = [
  'engine', 'engineVersion', 'bindingVersion', 'backend', 'modelKey', 'quant', 'isSynthetic', 'modelSha256',
  'batchSize', 'ubatchSize', 'threads', 'gpuLayers', 'flashAttention', 'paramsCount', 'modelBytes',
];

const temp = makeTempDir('rigmark-llamacpp-worker-');
afterAll(() => temp.cleanup());

function contextFor(benchmarkId: string): WorkerContext & { phases: string[] } {
  const phases: string[] = [];
  return {
    job: {
      type: 'job',
      benchmarkId,
      params: { model: 'synthetic:tiny', backend: 'cpu', threads: 1, gpuLayers: 'max', flashAttention: false, batchSize: 2048, ubatchSize: 512 },
      repetitions: { warmups: 0, planned: 1, max: 2, cvThreshold: 0.035 },
      scratchDir: temp.dir,
      dataDir: temp.dir,
    },
    reportPhase: (phase) => phases.push(phase),
    signal: new AbortController().signal,
    phases,
  };
}

type StateWithSession = { session: LlamaSession };

/**
 * Runs setup, two repetitions and teardown in-process (a valid model cannot abort the process). One thread: llama.cpp
 * threads spin-wait, so on a shared 2-core CI box two threads can stall for whole scheduler slices.
 */
async function runInProcess(id: string, extra?: (state: StateWithSession) => Promise<void>) {
  const bench = benchmarks[id] as unknown as WorkerBenchmark<StateWithSession>;
  const ctx = contextFor(id);
  const state = await bench.setup(ctx);
  try {
    const samples = [await bench.measure(state, ctx, 0), await bench.measure(state, ctx, 1)];
    await extra?.(state);
    return { samples, identity: bench.identity(state, ctx), notes: bench.notes?.(state) ?? [], phases: ctx.phases, units: bench.metricUnits };
  } finally {
    await bench.teardown?.(state);
  }
}

describe('llamacpp worker on the tiny synthetic model (CPU)', () => {
  let pp: Awaited<ReturnType<typeof runInProcess>>;
  let tg: Awaited<ReturnType<typeof runInProcess>>;
  let generated: Token[] = [];
  let eogTokens: Token[] = [];
  let bannedRun: { banned: Token | null; generated: Token[] } = { banned: null, generated: [] };

  beforeAll(async () => {
    pp = await runInProcess('llamacpp.pp512');
    tg = await runInProcess('llamacpp.tg128', async ({ session }) => {
      const eog = endOfGenerationTokens(session.model);
      eogTokens = eog;
      const start = session.model.tokens.bos ?? (0 as Token);
      const run = await runGeneration(session.sequence, start, GEN_TOKENS, banTokens(session.model, eog), (t) => eog.includes(t));
      generated = run.generated;
      // Ban the greedy choice of the first step as well: the ban must move greedy decoding off it.
      const first = run.generated[0] ?? (0 as Token);
      const again = await runGeneration(session.sequence, start, GEN_TOKENS, banTokens(session.model, [...eog, first]), () => false);
      bannedRun = { banned: first, generated: again.generated };
    });
  });

  it('measures finite, positive pp512 and tg128 rates', () => {
    for (const run of [pp, tg]) {
      for (const s of run.samples) {
        expect(Number.isFinite(s.value)).toBe(true);
        expect(s.value).toBeGreaterThan(0);
      }
    }
  });

  it('counts the tokens of the timed region as work units', () => {
    expect(pp.samples.map((s) => s.workUnits)).toEqual([512, 512]);
    expect(tg.samples.map((s) => s.workUnits)).toEqual([128, 128]);
  });

  it("reports llama.cpp's own counters and the load time per repetition", () => {
    for (const s of [...pp.samples, ...tg.samples]) {
      expect(s.metrics?.llamaPerfTokensPerSec).toBeGreaterThan(0);
      expect(s.metrics?.loadMs).toBeGreaterThan(0);
      expect(s.metrics?.vramUsedMiB).toBeUndefined();
    }
    expect(pp.units).toMatchObject({ llamaPerfTokensPerSec: 'tokens/s', loadMs: 'ms' });
  });

  it('generates exactly 128 tokens with no end-of-generation token', () => {
    expect(eogTokens).toContain(2 as Token); // the synthetic SPM vocabulary's </s>
    expect(generated).toHaveLength(128);
    expect(generated.some((t) => eogTokens.includes(t))).toBe(false);
  });

  it('bans tokens through the logit bias it passes to llama.cpp', () => {
    expect(bannedRun.generated).toHaveLength(128);
    expect(bannedRun.generated[0]).not.toBe(bannedRun.banned);
  });

  it('records the full workload identity', () => {
    for (const run of [pp, tg]) {
      for (const key of IDENTITY_KEYS) expect(run.identity, key).toHaveProperty(key);
      expect(run.identity).toMatchObject({
        engine: 'llama.cpp', bindingVersion: 'node-llama-cpp 3.21.1', backend: 'cpu', modelKey: 'tiny', quant: 'Q4_0',
        isSynthetic: true, modelSha256: 'synthetic', threads: 1, gpuLayers: 0, flashAttention: false, batchSize: 2048, ubatchSize: 512,
        paramsCount: 3_410_176,
      });
      expect(run.identity.engineVersion).toMatch(/\S/);
    }
    expect(pp.identity).toMatchObject({ promptTokens: 512 });
    expect(pp.identity).not.toHaveProperty('genTokens');
    expect(tg.identity).toMatchObject({ genTokens: 128 });
  });

  it('reports the model generation and loading phases', () => {
    expect(pp.phases).toEqual(expect.arrayContaining(['generating model', 'reading model', 'loading model']));
    expect(tg.notes.join('\n')).toMatch(/end-of-generation tokens banned: 2/);
  });
});
