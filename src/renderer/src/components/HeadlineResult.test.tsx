// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Headline } from '../../../shared/domain/headline';
import { createFakeApi } from '../test/fake-api';
import { runDetail, runSummary, systemWithoutGpu } from '../test/fixtures';
import { renderApp } from '../test/render-app';

afterEach(cleanup);

const matched: Headline = {
  runId: 7,
  score: { value: 12.34, benchmarkCount: 2, referenceCardKey: 'rtx-3090', reason: null },
  cards: [
    { cardKey: 'a100', displayName: 'NVIDIA A100', geomeanRatio: 0.0025, benchmarkCount: 2, benchmarkIds: ['llamacpp.pp512', 'llamacpp.tg128'], closeCount: 0, reason: null },
    { cardKey: 'rtx-4090', displayName: 'NVIDIA GeForce RTX 4090', geomeanRatio: 0.0021, benchmarkCount: 2, benchmarkIds: ['llamacpp.pp512', 'llamacpp.tg128'], closeCount: 0, reason: null },
  ],
  reasons: [],
  misses: [],
  uncomparableIds: [],
  suggestion: null,
  rule: 'geometric mean',
};

const NO_FIGURES = "none of this run's benchmarks has published figures to compare with (CPU, memory and disk tests have none)";
const SUGGESTION = 'synthetic Llama 3 8B Q4_K_M has figures for A100 and RTX 4090 (llama.cpp prompt processing and text generation): run the quick suite';

const unmatched: Headline = {
  ...matched,
  score: { value: null, benchmarkCount: 0, referenceCardKey: 'rtx-3090', reason: 'no benchmark has a rtx-3090 figure' },
  cards: matched.cards.map((c) => ({ ...c, geomeanRatio: null, benchmarkCount: 0, benchmarkIds: [], reason: NO_FIGURES })),
  reasons: [NO_FIGURES],
  uncomparableIds: ['system.cpu'],
  suggestion: {
    model: 'synthetic:llama-3-8b-q4_k_m',
    label: 'synthetic Llama 3 8B Q4_K_M',
    benchmarkIds: ['llamacpp.pp512', 'llamacpp.tg128'],
    cardKeys: ['a100', 'rtx-4090'],
    action: 'run the quick suite',
    text: SUGGESTION,
  },
};

function apiWith(headline: Headline) {
  return createFakeApi({
    'system:get': () => systemWithoutGpu,
    'runs:list': () => [runSummary],
    'runs:get': () => runDetail,
    'runs:headline': () => headline,
  });
}

describe('HeadlineResult', () => {
  it('shows the score and each card as so many times slower on Run detail, every one a link into Compare for that run', async () => {
    renderApp(apiWith(matched), '/results/7');
    const region = await screen.findByRole('region', { name: 'Headline result' });
    const score = within(region).getByRole('link', { name: /Rigmark Score/ });
    expect(score.textContent).toBe('Rigmark Score12.32 benchmarks');
    const a100 = within(region).getByRole('link', { name: /vs A100/ });
    expect(a100.textContent).toBe('vs A100400× slower');
    expect(within(region).getByRole('link', { name: /vs RTX 4090/ }).textContent).toBe('vs RTX 4090476× slower');
    expect(region.textContent).not.toMatch(/×0\.|\(1\//);
    for (const link of within(region).getAllByRole('link')) expect(link.getAttribute('href')).toBe('#/compare/7');
    expect(within(region).getByText(/Ratios over 2 benchmarks each\./)).toBeTruthy();
  });

  it('says on This machine in words why nothing compares and which model would, naming no benchmark id', async () => {
    renderApp(apiWith(unmatched), '/machine');
    const region = await screen.findByRole('region', { name: 'Headline result' });
    expect(within(region).getByRole('link', { name: /vs A100/ }).textContent).toBe('vs A100—');
    expect(within(region).getByText("None of this run's benchmarks has published figures to compare with (CPU, memory and disk tests have none).")).toBeTruthy();
    expect(within(region).getByText('Synthetic Llama 3 8B Q4_K_M has figures for A100 and RTX 4090 (llama.cpp prompt processing and text generation): run the quick suite.')).toBeTruthy();
    expect(region.textContent).not.toMatch(/system\.cpu|pp512|`/);
  });

  it('heads the Results page with the latest run', async () => {
    renderApp(apiWith(matched), '/results');
    const region = await screen.findByRole('region', { name: 'Headline of the latest run' });
    expect(within(region).getByRole('link', { name: /vs A100/ }).getAttribute('href')).toBe('#/compare/7');
  });
});
