import { describe, expect, it } from 'vitest';
import type { Headline, HeadlineCard } from '../domain/headline';
import { formatHeadline, formatRatio, formatScore, headlineParts } from './headline';

function card(cardKey: string, displayName: string, geomeanRatio: number | null, benchmarkCount: number, reason: string | null = null): HeadlineCard {
  return { cardKey, displayName, geomeanRatio, benchmarkCount, benchmarkIds: [], closeCount: 0, reason };
}

function headline(overrides: Partial<Headline> = {}): Headline {
  return {
    runId: 3,
    score: { value: 12.34, benchmarkCount: 2, referenceCardKey: 'rtx-3090', reason: null },
    cards: [card('a100', 'NVIDIA A100', 0.0025, 2), card('rtx-4090', 'NVIDIA GeForce RTX 4090', 0.0021, 2)],
    reasons: [],
    misses: [],
    uncomparableIds: [],
    suggestion: null,
    rule: 'rule',
    ...overrides,
  };
}

describe('formatRatio', () => {
  it('keeps two decimals from 0.1 up and adds the fraction below, where decimals stop being readable', () => {
    expect(formatRatio(1.234)).toBe('×1.23');
    expect(formatRatio(0.42)).toBe('×0.42');
    expect(formatRatio(0.0025)).toBe('×0.0025 (1/400)');
    expect(formatRatio(0.0021)).toBe('×0.0021 (1/480)');
    expect(formatRatio(0.0000031)).toBe('×0.0000031 (1/320,000)');
    expect(formatRatio(23.46)).toBe('×23.5');
    expect(formatRatio(1234)).toBe('×1,234');
  });

  it('shows a dash for no ratio, zero, negative or non-finite values', () => {
    for (const value of [null, undefined, 0, -1, Number.NaN, Number.POSITIVE_INFINITY]) expect(formatRatio(value)).toBe('—');
  });
});

describe('formatScore', () => {
  it('rounds by size so small scores keep two significant digits', () => {
    expect(formatScore(123.4)).toBe('123');
    expect(formatScore(12.34)).toBe('12.3');
    expect(formatScore(0.2468)).toBe('0.25');
    expect(formatScore(null)).toBe('—');
  });
});

describe('formatHeadline', () => {
  it('says the score, each card and the shared count once', () => {
    expect(formatHeadline(headline())).toBe(
      'Rigmark Score 12.3 (2 benchmarks) · vs A100 ×0.0025 (1/400) · vs RTX 4090 ×0.0021 (1/480) — 2 benchmarks each',
    );
  });

  it('gives each card its own count when the counts differ, and a dash for a card without a ratio', () => {
    const mixed = headline({ cards: [card('a100', 'NVIDIA A100', 0.42, 1), card('rtx-4090', 'NVIDIA GeForce RTX 4090', null, 0, 'no RTX 4090 figure for x')] });
    expect(formatHeadline(mixed)).toBe('Rigmark Score 12.3 (2 benchmarks) · vs A100 ×0.42 (1 benchmark) · vs RTX 4090 —');
    const differing = headline({ cards: [card('a100', 'NVIDIA A100', 0.42, 1), card('rtx-4090', 'NVIDIA GeForce RTX 4090', 0.37, 2)] });
    expect(formatHeadline(differing)).toBe('Rigmark Score 12.3 (2 benchmarks) · vs A100 ×0.42 (1 benchmark) · vs RTX 4090 ×0.37 (2 benchmarks)');
  });

  it('lists why nothing compares and what would, once each, as sentences', () => {
    const reason = 'no A100 or RTX 4090 figure for llama.cpp · synthetic llama-3.2-1b Q4_0 · cpu (llamacpp.pp512)';
    const none = headline({
      score: { value: null, benchmarkCount: 0, referenceCardKey: 'rtx-3090', reason: 'no benchmark of this run has a figure for the RTX 3090' },
      cards: [card('a100', 'NVIDIA A100', null, 0, 'per card'), card('rtx-4090', 'NVIDIA GeForce RTX 4090', null, 0, 'per card')],
      reasons: [reason],
      suggestion: { model: 'synthetic:llama-3-8b-q4_k_m', label: 'x', benchmarkIds: [], cardKeys: [], action: 'run the quick suite', text: 'synthetic Llama 3 8B Q4_K_M on llama.cpp pp512/tg128 has figures for A100 and RTX 4090: run the quick suite' },
    });
    expect(formatHeadline(none)).toBe('Rigmark Score — (0 benchmarks) · vs A100 — · vs RTX 4090 —');
    expect(headlineParts(none).notes).toEqual([
      'No Rigmark Score: no benchmark of this run has a figure for the RTX 3090.',
      'No A100 or RTX 4090 figure for llama.cpp · synthetic llama-3.2-1b Q4_0 · cpu (llamacpp.pp512).',
      'Synthetic Llama 3 8B Q4_K_M on llama.cpp pp512/tg128 has figures for A100 and RTX 4090: run the quick suite.',
    ]);
  });
});
