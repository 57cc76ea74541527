import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LocalResult } from '../../shared/domain/compare';
import { loadReference } from '../reference/load-reference';
import { compareRunToCards, nearestCard } from './run-comparison';
import { rigmarkScore } from './score';
import { makeCard, makeDataset, makeLocal, makeRecord } from './test-fixtures';
import { upgradeGain } from './upgrade-gain';

const dataset = loadReference();

const ollamaGptOss = (median: number): LocalResult => ({
  benchmarkId: 'ollama.generate',
  category: 'llm',
  unit: 'tokens/s',
  higherIsBetter: true,
  median,
  status: 'passed',
  identity: { engine: 'ollama', engineVersion: '0.12.0', modelKey: 'gpt-oss-20b', quant: 'MXFP4', concurrency: 1 },
});

describe('compareRunToCards', () => {
  const results = [
    makeLocal({ median: 150 }),
    makeLocal({
      benchmarkId: 'llamacpp.pp512',
      median: 5000,
      identity: { engine: 'llama.cpp', backend: 'cuda', modelKey: 'llama-2-7b', quant: 'Q4_0', promptTokens: 512, flashAttention: false },
    }),
    ollamaGptOss(165),
    makeLocal({ median: null, status: 'failed' }),
  ];
  const run = compareRunToCards(results, ['rtx-3090', 'rtx-4090', 'a100'], dataset);

  it('gives each benchmark a cell per card with the picked figure, its source and the ratio', () => {
    const tg = run.rows[0];
    expect(tg?.cards.map((c) => c.cardKey)).toEqual(['rtx-3090', 'rtx-4090', 'a100']);
    const vs3090 = tg?.cards[0];
    expect(vs3090).toMatchObject({ picked: { match: 'exact', figure: { value: 158.16 } }, isWin: false });
    expect(vs3090?.ratio).toBeCloseTo(150 / 158.16, 12);
    expect(vs3090?.picked?.figure.sourceUrl).toBe('https://github.com/ggml-org/llama.cpp/discussions/15013');
    expect(vs3090?.alternatives[0]).toMatchObject({ match: 'close', figure: { value: 121.82 } });
    expect(tg?.cards[2]).toMatchObject({ picked: null, ratio: null, reason: 'no published figure for this workload' });
  });

  it('compares a local Ollama run with the fleet figures as a labelled close match', () => {
    const [, vs4090, vsA100] = run.rows[2]?.cards ?? [];
    expect(vs4090).toMatchObject({ picked: { match: 'close', figure: { value: 183 } } });
    expect(vs4090?.picked?.labels).toContain('quantisation not stated by source');
    expect(vsA100?.deltaPct).toBeCloseTo(10, 9);
  });

  it('skips results that did not pass, with the reason in every cell', () => {
    expect(run.rows[3]).toMatchObject({ skippedReason: 'status failed' });
    expect(run.rows[3]?.cards.every((c) => c.reason === 'status failed')).toBe(true);
  });

  it('summarises categories as median ratio and "wins X of N"', () => {
    const llm3090 = run.categories.find((c) => c.category === 'llm' && c.cardKey === 'rtx-3090');
    expect(llm3090).toMatchObject({ wins: 0, total: 2 });
    const llmA100 = run.categories.find((c) => c.category === 'llm' && c.cardKey === 'a100');
    expect(llmA100).toMatchObject({ wins: 1, total: 1 });
  });

  it('scores against the RTX 3090 with the count of benchmarks that entered', () => {
    expect(run.score.benchmarkCount).toBe(2);
    const expected = 100 * Math.sqrt((150 / 158.16) * (5000 / 5174.69));
    expect(run.score.value).toBeCloseTo(expected, 9);
    expect(run.score.formula).toMatch(/geometric mean/);
  });

  it('suggests the nearest card', () => {
    expect(run.nearestCard).not.toBeNull();
    expect(run.nearestCard?.benchmarkCount).toBeGreaterThan(0);
  });
});

describe('rigmarkScore properties', () => {
  const positive = fc.double({ min: 1e-3, max: 1e7, noNaN: true });

  it('scores exactly 100 when every result equals the RTX 3090 figure', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(positive, fc.boolean()), { minLength: 1, maxLength: 6 }), (specs) => {
        const records = specs.map(([value, higher], i) =>
          makeRecord({ value, higherIsBetter: higher, unit: `u${i}`, workload: { modelKey: `m${i}`, modelShape: `m${i}` } }),
        );
        const results = specs.map(([value, higher], i) =>
          makeLocal({ median: value, higherIsBetter: higher, unit: `u${i}`, identity: { engine: 'llama.cpp', modelKey: `m${i}`, quant: 'Q4_0' } }),
        );
        const score = rigmarkScore(results, makeDataset(records));
        expect(score.value).toBe(100);
        expect(score.benchmarkCount).toBe(specs.length);
      }),
    );
  });

  it('never yields NaN or Infinity, whatever the medians and figures', () => {
    const anyValue = fc.oneof(fc.double(), fc.constantFrom(0, -0, -5, 1e308, 5e-324, Number.MAX_VALUE), fc.constant(null));
    fc.assert(
      fc.property(fc.array(fc.tuple(anyValue, fc.double({ noNaN: true }), fc.boolean()), { maxLength: 6 }), (specs) => {
        const records = specs.map(([, ref, higher]) => makeRecord({ value: ref, higherIsBetter: higher }));
        const results = specs.map(([mine, , higher]) => makeLocal({ median: mine, higherIsBetter: higher }));
        const ds = makeDataset(records, [makeCard('rtx-3090')]);
        const score = rigmarkScore(results, ds);
        expect(score.value === null || Number.isFinite(score.value)).toBe(true);
        expect(score.value === null).toBe(score.reason !== null);
        const run = compareRunToCards(results, ['rtx-3090'], ds);
        for (const row of run.rows) {
          for (const cell of row.cards) expect(cell.ratio === null || Number.isFinite(cell.ratio)).toBe(true);
        }
        for (const summary of run.categories) {
          expect(summary.medianRatio === null || Number.isFinite(summary.medianRatio)).toBe(true);
        }
      }),
    );
  });

  it('inverts for lower-is-better units: half the time per image scores 200', () => {
    const record = makeRecord({
      value: 30,
      higherIsBetter: false,
      unit: 's/image',
      workload: {
        rigmarkBenchmarkId: 'image.generate',
        engine: null,
        modelKey: 'sd3.5-large',
        modelShape: 'sd3.5-large',
        quant: null,
        genTokens: null,
        concurrency: null,
      },
    });
    const local = makeLocal({
      benchmarkId: 'image.generate',
      category: 'image',
      unit: 's/image',
      higherIsBetter: false,
      median: 15,
      identity: { engine: 'comfyui', modelKey: 'sd3.5-large' },
    });
    expect(rigmarkScore([local], makeDataset([record])).value).toBeCloseTo(200, 9);
  });

  it('is null with a reason when no benchmark has an RTX 3090 figure', () => {
    const score = rigmarkScore([ollamaGptOss(100)], dataset);
    expect(score).toMatchObject({ value: null, benchmarkCount: 0, reason: 'no benchmark has a rtx-3090 figure' });
  });
});

describe('upgradeGain', () => {
  it('gives the expected change per benchmark and category from yours to the target card', () => {
    const gain = upgradeGain([makeLocal({ median: 93.105 }), ollamaGptOss(150)], 'rtx-4090', dataset);
    expect(gain.rows[0]?.ratio).toBeCloseTo(2, 9);
    expect(gain.rows[1]?.deltaPct).toBeCloseTo(22, 9);
    const llm = gain.categories.find((c) => c.category === 'llm');
    expect(llm).toMatchObject({ count: 2 });
    // Two ratios: their geometric mean, so the run comparison's median (yours ÷ card) is exactly its inverse.
    expect(llm?.medianRatio).toBeCloseTo(Math.sqrt(2 * 1.22), 9);
    expect(gain.displayName).toBe('NVIDIA GeForce RTX 4090');
  });

  it('explains benchmarks without a target figure', () => {
    const gain = upgradeGain([makeLocal()], 'a100', dataset);
    expect(gain.rows[0]).toMatchObject({ ratio: null, reason: 'no published figure for this workload' });
  });
});

describe('nearestCard', () => {
  it('picks the card whose figures are closest to yours, ignoring multi-GPU entries', () => {
    const ds = makeDataset(
      [
        makeRecord({ gpuKey: 'slow', value: 50 }),
        makeRecord({ gpuKey: 'near', value: 105 }),
        makeRecord({ gpuKey: 'pair', value: 100 }),
      ],
      [makeCard('slow'), makeCard('near'), makeCard('pair', { gpuCount: 2 })],
    );
    expect(nearestCard([makeLocal({ median: 100 })], ds)).toMatchObject({ cardKey: 'near', benchmarkCount: 1 });
    expect(nearestCard([], ds)).toBeNull();
  });
});
