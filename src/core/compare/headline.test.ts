import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { LocalResult } from '../../shared/domain/compare';
import type { ReferenceDataset } from '../../shared/domain/reference';
import { loadReference } from '../reference/load-reference';
import { parseUserReference } from '../reference/user-file';
import { runHeadline, type HeadlineOptions } from './headline';
import type { ModelCandidate } from './headline-suggestion';
import { compareRunToCards } from './run-comparison';
import { makeDataset, makeLocal, makeRecord } from './test-fixtures';

const bundled = loadReference();
const tinyText = readFileSync(fileURLToPath(new URL('../../../test/fixtures/reference/tiny-llamacpp.json', import.meta.url)), 'utf8');
const tiny = parseUserReference('tiny.json', tinyText, bundled);
const withTiny: ReferenceDataset = { ...bundled, records: [...bundled.records, ...tiny.records] };

const CANDIDATES: ModelCandidate[] = [
  { model: 'synthetic:llama-3.2-1b-q4_0', label: 'synthetic Llama 3.2 1B Q4_0', modelKey: 'llama-3.2-1b', quant: 'Q4_0', action: 'run the quick suite', isInQuickSuite: true },
  { model: 'synthetic:llama-2-7b-q4_0', label: 'synthetic Llama 2 7B Q4_0', modelKey: 'llama-2-7b', quant: 'Q4_0', action: 'run the full suite', isInQuickSuite: false },
  { model: 'synthetic:llama-3-8b-q4_k_m', label: 'synthetic Llama 3 8B Q4_K_M', modelKey: 'llama-3-8b', quant: 'Q4_K_M', action: 'run the full suite', isInQuickSuite: false },
];
const OPTIONS: HeadlineOptions = {
  runId: 7,
  cardKeys: ['a100', 'rtx-4090'],
  candidates: CANDIDATES,
  candidateBenchmarks: [
    { id: 'llamacpp.pp512', category: 'llm', unit: 'tokens/s', higherIsBetter: true },
    { id: 'llamacpp.tg128', category: 'llm', unit: 'tokens/s', higherIsBetter: true },
  ],
};

function llama(benchmarkId: 'llamacpp.pp512' | 'llamacpp.tg128', modelKey: string, median: number, extra: Partial<LocalResult> = {}): LocalResult {
  const lengths: Record<string, number> = benchmarkId === 'llamacpp.pp512' ? { promptTokens: 512 } : { genTokens: 128 };
  return makeLocal({
    benchmarkId,
    median,
    identity: { engine: 'llama.cpp', backend: 'cpu', modelKey, quant: 'MOSTLY_Q4_0', isSynthetic: true, flashAttention: false, threads: 2, ...lengths },
    ...extra,
  });
}

describe('runHeadline', () => {
  const tinyRun = [llama('llamacpp.pp512', 'tiny', 1500), llama('llamacpp.tg128', 'tiny', 250)];

  it('gives per default card the geometric mean of yours ÷ theirs over the matched benchmarks, with the count', () => {
    const headline = runHeadline(tinyRun, withTiny, OPTIONS);
    const a100 = headline.cards.find((c) => c.cardKey === 'a100');
    const rtx4090 = headline.cards.find((c) => c.cardKey === 'rtx-4090');
    // tiny-llamacpp.json: A100 pp512 60000, tg128 2500; RTX 4090 80000, 3000.
    expect(a100?.geomeanRatio).toBeCloseTo(Math.sqrt((1500 / 60000) * (250 / 2500)), 12);
    expect(rtx4090?.geomeanRatio).toBeCloseTo(Math.sqrt((1500 / 80000) * (250 / 3000)), 12);
    expect(a100).toMatchObject({ benchmarkCount: 2, benchmarkIds: ['llamacpp.pp512', 'llamacpp.tg128'], closeCount: 0, reason: null });
    expect(headline.suggestion).toBeNull();
  });

  it('names a model that would give a Rigmark Score when only the RTX 3090 figure is missing', () => {
    const noTiny3090: ReferenceDataset = { ...withTiny, records: withTiny.records.filter((r) => !(r.gpuKey === 'rtx-3090' && r.workload.modelKey === 'tiny')) };
    const headline = runHeadline(tinyRun, noTiny3090, OPTIONS);
    expect(headline.cards.every((c) => c.geomeanRatio !== null)).toBe(true);
    expect(headline.score.value).toBeNull();
    expect(headline.suggestion?.cardKeys).toContain('rtx-3090');
    expect(headline.suggestion?.text).toMatch(/RTX 3090/);
  });

  it('rests on the ratios Compare shows, and carries the Rigmark Score with its benchmark count', () => {
    const headline = runHeadline(tinyRun, withTiny, OPTIONS);
    const comparison = compareRunToCards(tinyRun, OPTIONS.cardKeys, withTiny);
    const compareRatios = comparison.rows.map((row) => row.cards.find((c) => c.cardKey === 'a100')?.ratio ?? NaN);
    expect(headline.cards[0]?.geomeanRatio).toBeCloseTo(Math.sqrt(compareRatios[0]! * compareRatios[1]!), 12);
    // RTX 3090 (the score's card) in the fixture: 50000 and 2200.
    expect(headline.score).toMatchObject({ benchmarkCount: 2, referenceCardKey: 'rtx-3090', reason: null });
    expect(headline.score.value).toBeCloseTo(100 * Math.sqrt((1500 / 50000) * (250 / 2200)), 9);
  });

  it('inverts lower-is-better units, so a card twice as slow per image gives ×2', () => {
    const dataset = makeDataset([
      makeRecord({ gpuKey: 'a100', unit: 's/image', higherIsBetter: false, value: 4, workload: { rigmarkBenchmarkId: 'image.generate', engine: null, modelKey: 'sdxl', modelShape: 'sdxl', quant: null, genTokens: null } }),
    ]);
    const local = makeLocal({ benchmarkId: 'image.generate', unit: 's/image', higherIsBetter: false, median: 2, identity: { modelKey: 'sdxl' } });
    const headline = runHeadline([local], dataset, { ...OPTIONS, cardKeys: ['a100'] });
    expect(headline.cards[0]?.geomeanRatio).toBeCloseTo(2, 12);
  });

  it('says in words which workload has no figure and names, from the figures, the model that would compare', () => {
    const run = [llama('llamacpp.pp512', 'llama-3.2-1b', 90), llama('llamacpp.tg128', 'llama-3.2-1b', 20)];
    const headline = runHeadline(run, bundled, OPTIONS);
    expect(headline.cards.map((c) => c.geomeanRatio)).toEqual([null, null]);
    const workload = 'prompt processing of 512 tokens or text generation of 128 tokens with Llama 3.2 1B Q4_0 (synthetic) on llama.cpp, CPU';
    expect(headline.cards[0]?.reason).toBe(`no A100 figure for ${workload}`);
    expect(headline.reasons).toEqual([`no A100 or RTX 4090 figure for ${workload}`]);
    expect(headline.misses.map((m) => m.workload)).toEqual(['Llama 3.2 1B Q4_0 (synthetic) on llama.cpp, CPU', 'Llama 3.2 1B Q4_0 (synthetic) on llama.cpp, CPU']);
    expect(headline.score.reason).toBe('no benchmark of this run has a figure for the RTX 3090');
    expect(headline.misses.map((m) => m.benchmarkId)).toEqual(['llamacpp.pp512', 'llamacpp.tg128']);
    expect(headline.suggestion).toMatchObject({
      model: 'synthetic:llama-3-8b-q4_k_m',
      benchmarkIds: ['llamacpp.pp512', 'llamacpp.tg128'],
      cardKeys: ['a100', 'rtx-4090'],
      text: 'synthetic Llama 3 8B Q4_K_M has figures for A100 and RTX 4090 (llama.cpp prompt processing and text generation): run the full suite',
    });
  });

  it('names in words a result that gave no value, and a run whose benchmarks have no published figures at all', () => {
    const failed = runHeadline([llama('llamacpp.tg128', 'tiny', 250, { status: 'failed', median: null })], withTiny, OPTIONS);
    expect(failed.cards[0]?.reason).toBe('text generation of 128 tokens with Tiny Q4_0 (synthetic) on llama.cpp, CPU gave no value to compare (it failed)');
    const system = makeLocal({ benchmarkId: 'system.cpu', category: 'system', unit: 'MB/s', identity: {} });
    const none = runHeadline([system], bundled, OPTIONS);
    expect(none.uncomparableIds).toEqual(['system.cpu']);
    expect(none.cards[1]?.reason).toBe("none of this run's benchmarks has published figures to compare with (CPU, memory and disk tests have none)");
    expect(none.score).toMatchObject({ value: null, benchmarkCount: 0 });
    expect(runHeadline([], bundled, OPTIONS).cards[0]?.reason).toBe('the run has no results');
  });
});
