import { describe, expect, it } from 'vitest';
import { loadReference } from '../reference/load-reference';
import { compareCards } from './compare-cards';
import { formatDeltaPct } from './ratio';
import { makeDataset, makeRecord } from './test-fixtures';

const TROOPER = {
  title: 'A100 vs RTX 4090 - GPU Benchmark Comparison (Trooper.AI)',
  url: 'https://james19.trooper.ai/benchmarks-compare-A100-with-RTX-4090',
};

describe('compareCards with the Trooper fleet figures (A100 vs RTX 4090)', () => {
  const comparison = compareCards('a100', 'rtx-4090', loadReference());
  const row = (id: string) => comparison.rows.find((r) => r.sourceBenchmarkId === id);

  it.each([
    ['trooper_vllm_qwen3_4b', '+17.0 %', 826, 706],
    ['trooper_ollama_gpt_oss_20b', '−18.0 %', 150, 183],
    ['trooper_image_sd35_large', '+286.7 %', 15, 58],
    ['trooper_vision_llava_1_5_7b', '+30.0 %', 282, 217],
  ])('%s: A100 vs RTX 4090 is %s, with source title and URL', (id, delta, refValue, vsValue) => {
    const r = row(id);
    expect(r).toBeDefined();
    expect(formatDeltaPct(r?.deltaPct ?? null)).toBe(delta);
    expect(r).toMatchObject({
      isSameSource: true,
      ref: { value: refValue, sourceTitle: TROOPER.title, sourceUrl: TROOPER.url },
      vs: { value: vsValue, sourceTitle: TROOPER.title, sourceUrl: TROOPER.url },
    });
  });

  it('inverts s/image (lower is better): 58 / 15', () => {
    expect(row('trooper_image_sd35_large')?.ratio).toBeCloseTo(58 / 15, 12);
    expect(row('trooper_image_sd35_large')?.higherIsBetter).toBe(false);
  });

  it('pairs the vision figures although the two records word their settings differently', () => {
    expect(row('trooper_vision_llava_1_5_7b')?.deltaPct).toBeCloseTo(29.954, 3);
  });

  it('summarises per category and never pairs vendor specs', () => {
    expect(comparison.categories.find((c) => c.category === 'image')).toMatchObject({ refWins: 1, total: 1 });
    expect(comparison.rows.some((r) => r.sourceBenchmarkId.startsWith('spec_'))).toBe(false);
    expect(comparison.pairingRule).toMatch(/source benchmark id/);
  });

  it('is antisymmetric: swapping the cards inverts each ratio', () => {
    const swapped = compareCards('rtx-4090', 'a100', loadReference());
    for (const r of comparison.rows) {
      const other = swapped.rows.find((s) => s.sourceBenchmarkId === r.sourceBenchmarkId);
      expect((other?.ratio ?? 0) * (r.ratio ?? 0)).toBeCloseTo(1, 9);
    }
  });
});

describe('compareCards pairing', () => {
  it('prefers figures from a shared source over newer figures from different sources', () => {
    const shared = { sourceUrl: 'https://a.example', sourceTitle: 'A' };
    const dataset = makeDataset([
      makeRecord({ gpuKey: 'x', value: 200, ...shared, publishedOn: '2024-01' }),
      makeRecord({ gpuKey: 'x', value: 300, sourceUrl: 'https://b.example', publishedOn: '2026-01' }),
      makeRecord({ gpuKey: 'y', value: 100, ...shared, publishedOn: '2024-01' }),
    ]);
    const [row] = compareCards('x', 'y', dataset).rows;
    expect(row).toMatchObject({ ratio: 2, isSameSource: true });
    expect(row?.labels).toContain('1 other figure(s) for this workload');
  });

  it('labels pairs from different sources and different backends', () => {
    const dataset = makeDataset([
      makeRecord({ gpuKey: 'x', value: 50, sourceUrl: 'https://a.example', workload: { backend: 'metal' } }),
      makeRecord({ gpuKey: 'y', value: 100, sourceUrl: 'https://b.example' }),
    ]);
    const [row] = compareCards('x', 'y', dataset).rows;
    expect(row?.deltaPct).toBe(-50);
    expect(row?.labels).toEqual(expect.arrayContaining(['different sources', 'backend metal vs cuda']));
  });

  it('returns no rows for cards without common workloads', () => {
    expect(compareCards('a100', 'apple-m1-8-core', makeDataset([])).rows).toEqual([]);
  });
});
