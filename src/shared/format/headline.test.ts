import { describe, expect, it } from 'vitest';
import type { Headline, HeadlineCard } from '../domain/headline';
import { formatHeadline, formatScore, headlineParts } from './headline';

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

describe('formatScore', () => {
  it('rounds by size so small scores keep two significant digits', () => {
    expect(formatScore(123.4)).toBe('123');
    expect(formatScore(12.34)).toBe('12.3');
    expect(formatScore(0.2468)).toBe('0.25');
    expect(formatScore(null)).toBe('—');
  });
});

describe('formatHeadline', () => {
  it('says the score, each card as so many times slower or faster, and the shared count once', () => {
    expect(formatHeadline(headline())).toBe('Rigmark Score 12.3 (2 benchmarks) · vs A100 400× slower · vs RTX 4090 476× slower — 2 benchmarks each');
  });

  it('says faster above 1 and the same speed where the factor rounds to 1, in the words Compare uses', () => {
    const parts = headlineParts(headline({ cards: [card('a100', 'NVIDIA A100', 1.234, 2), card('rtx-4090', 'NVIDIA GeForce RTX 4090', 1.0004, 2)] }));
    expect(parts.cards.map((c) => `${c.label} ${c.ratioText}`)).toEqual(['vs A100 1.23× faster', 'vs RTX 4090 same speed']);
  });

  it('gives each card its own count when the counts differ, and a dash for a card without a ratio', () => {
    const mixed = headline({ cards: [card('a100', 'NVIDIA A100', 0.42, 1), card('rtx-4090', 'NVIDIA GeForce RTX 4090', null, 0, 'no RTX 4090 figure for x')] });
    expect(formatHeadline(mixed)).toBe('Rigmark Score 12.3 (2 benchmarks) · vs A100 2.38× slower (1 benchmark) · vs RTX 4090 —');
    const differing = headline({ cards: [card('a100', 'NVIDIA A100', 0.42, 1), card('rtx-4090', 'NVIDIA GeForce RTX 4090', 0.37, 2)] });
    expect(formatHeadline(differing)).toBe('Rigmark Score 12.3 (2 benchmarks) · vs A100 2.38× slower (1 benchmark) · vs RTX 4090 2.7× slower (2 benchmarks)');
  });

  it('lists why nothing compares and what would, once each, as sentences without benchmark ids', () => {
    const reason = 'no A100 or RTX 4090 figure for prompt processing of 512 tokens with Llama 3.2 1B Q4_0 (synthetic) on llama.cpp, CPU';
    const none = headline({
      score: { value: null, benchmarkCount: 0, referenceCardKey: 'rtx-3090', reason: 'no benchmark of this run has a figure for the RTX 3090' },
      cards: [card('a100', 'NVIDIA A100', null, 0, 'per card'), card('rtx-4090', 'NVIDIA GeForce RTX 4090', null, 0, 'per card')],
      reasons: [reason],
      suggestion: { model: 'synthetic:llama-3-8b-q4_k_m', label: 'x', benchmarkIds: [], cardKeys: [], action: 'run the quick suite', text: 'synthetic Llama 3 8B Q4_K_M has figures for A100 and RTX 4090 (llama.cpp prompt processing and text generation): run the quick suite' },
    });
    expect(formatHeadline(none)).toBe('Rigmark Score — (0 benchmarks) · vs A100 — · vs RTX 4090 —');
    expect(headlineParts(none).notes).toEqual([
      'No Rigmark Score: no benchmark of this run has a figure for the RTX 3090.',
      'No A100 or RTX 4090 figure for prompt processing of 512 tokens with Llama 3.2 1B Q4_0 (synthetic) on llama.cpp, CPU.',
      'Synthetic Llama 3 8B Q4_K_M has figures for A100 and RTX 4090 (llama.cpp prompt processing and text generation): run the quick suite.',
    ]);
    for (const note of headlineParts(none).notes) expect(note).not.toMatch(/`|llamacpp\.|\(1\//);
  });
});
