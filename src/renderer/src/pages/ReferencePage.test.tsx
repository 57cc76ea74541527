// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CardComparison, FigureRef } from '../../../shared/domain/compare';
import type { CardSummary } from '../../../shared/domain/reference';
import { speedRatioText } from '../../../shared/format/speed-ratio';
import { a100Vs4090, referenceCards } from '../test/compare-fixtures';
import { clickWhenEnabled } from '../test/click-when-enabled';
import { createFakeApi } from '../test/fake-api';
import { renderApp } from '../test/render-app';

// The renderer's only dependency is a RigmarkApi; these tests pass a fake one (test/fake-api.ts) instead of core.

/** The one-line settings summary of a row (its parts are separate spans, so it wraps only between them). */
const summaryOf = (row: HTMLElement): string[] => [...row.querySelectorAll('.settings-summary')].map((el) => el.textContent ?? '');

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const TROOPER_TITLE = 'A100 vs RTX 4090 - GPU Benchmark Comparison (Trooper.AI)';
const TROOPER_URL = 'https://james19.trooper.ai/benchmarks-compare-A100-with-RTX-4090';
const DAI_TITLE = 'GPU-Benchmarks-on-LLM-Inference README (LLaMA 3 llama.cpp results), commit aa72e0e';
const DAI_URL = 'https://github.com/XiongjieDai/GPU-Benchmarks-on-LLM-Inference';
/** The README's settings text as the bundled dataset has it, once per row (≈318 characters). */
const daiSettings = (gpus: string, test: string): string =>
  `llama.cpp llama-bench (README: ./llama-bench -p 512,1024,4096,8192 -n 512,1024,4096,8192 -m ./models/8B-v3/ggml-model-Q4_K_M.gguf); NVIDIA build 'LLAMA_CUBLAS=1 make'; ${gpus}: Ubuntu 22.04.2 LTS, pytorch 2.2.0, py 3.10, cuda 12.1.1; snapshots May 2024; backend CUDA; single GPU; test ${test}`;

/** Llama 3 8B Q4_K_M text generation at four lengths, values as the Dai README publishes them for both cards. */
const DAI_TG: Array<{ tokens: number; a100: number; rtx4090: number }> = [
  { tokens: 512, a100: 140.62, rtx4090: 130.58 },
  { tokens: 1024, a100: 138.31, rtx4090: 127.74 },
  { tokens: 4096, a100: 127.22, rtx4090: 119.44 },
  { tokens: 8192, a100: 117.6, rtx4090: 110.66 },
];

function daiFigure(gpuKey: string, gpu: string, gpuVariant: string, gpus: string, tokens: number, value: number): FigureRef {
  return {
    recordId: `${gpuKey}/llamacpp_llama3_8b_q4_k_m_tg${tokens}/0`,
    gpuKey,
    gpu,
    gpuVariant,
    value,
    unit: 'tokens/s',
    valueAsPublished: String(value),
    settings: daiSettings(gpus, `tg${tokens}`),
    settingsSummary: `tg${tokens} · CUDA · Q4_K_M · llama-bench`,
    sourceTitle: DAI_TITLE,
    sourceUrl: DAI_URL,
    sourceKind: 'primary',
    publishedOn: '2024-05',
    note: 'Average speed in tokens/s as published (llama-bench mean).',
  };
}

/** A100 vs RTX 4090: the four Trooper.AI fleet figures and four Dai README rows, with a well-supported and a thin category. */
const comparison: CardComparison = {
  ...a100Vs4090,
  rows: [
    ...a100Vs4090.rows,
    ...DAI_TG.map(({ tokens, a100, rtx4090 }) => ({
      sourceBenchmarkId: `llamacpp_llama3_8b_q4_k_m_tg${tokens}`,
      rigmarkBenchmarkId: null,
      category: 'llm' as const,
      model: 'Meta Llama 3 8B Q4_K_M (GGUF)',
      metric: 'text generation',
      unit: 'tokens/s',
      higherIsBetter: true,
      ref: daiFigure('a100', 'NVIDIA A100', 'PCIe 80GB', 'NVIDIA Professional GPUs on RunPod', tokens, a100),
      vs: daiFigure('rtx-4090', 'NVIDIA GeForce RTX 4090', '', 'NVIDIA Consumer GPUs on RunPod', tokens, rtx4090),
      isSameSource: true,
      labels: [],
      ratio: a100 / rtx4090,
      deltaPct: (a100 / rtx4090 - 1) * 100,
      reason: null,
    })),
  ],
  categories: [
    { category: 'llm', medianRatio: 1.17, medianDeltaPct: 17, refWins: 12, total: 17 },
    { category: 'image', medianRatio: 3.8667, medianDeltaPct: 286.67, refWins: 1, total: 1 },
  ],
};

const api = (cards: CardSummary[] = referenceCards) =>
  createFakeApi({
    'reference:cards': () => cards,
    'compare:cards': ({ ref, vs }) => (ref === 'a100' && vs === 'rtx-4090' ? comparison : { ...comparison, refKey: ref, vsKey: vs, rows: [], categories: [] }),
  });

const pairTable = () => screen.findByRole('table', { name: 'NVIDIA A100 vs NVIDIA GeForce RTX 4090, per workload' });

describe('Reference page, card vs card', () => {
  it('says each paired workload’s ratio in the words core’s ratio gives, with the ±% beside it', async () => {
    renderApp(api(), '/reference');
    const table = await pairTable();
    // Source benchmark ids are internal: no row shows one (the only code text is each source's address).
    expect([...table.querySelectorAll('code')].every((c) => c.classList.contains('source-url'))).toBe(true);
    for (const row of comparison.rows) {
      const name = row.model === 'Meta Llama 3 8B Q4_K_M (GGUF)' ? new RegExp(`${row.ref.settingsSummary}`) : new RegExp(row.model.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
      const cells = within(table).getByRole('row', { name });
      expect(within(cells).getByText(speedRatioText(row.ratio))).toBeTruthy();
    }
    const sd = within(table).getByRole('row', { name: /sd3\.5-large/ });
    // Lower-is-better: 15 s against 58 s is core's ratio 3.87, said as faster.
    expect(within(sd).getByText('3.87× faster')).toBeTruthy();
    expect(within(sd).getByText('+286.7 %')).toBeTruthy();
    expect(within(sd).getByText('15 s/image')).toBeTruthy();
    expect(within(sd).getByText(/lower is better/)).toBeTruthy();
    const ollama = within(table).getByRole('row', { name: /gpt-oss:20b/ });
    expect(within(ollama).getByText('1.22× slower').className).toContain('delta-slower');
    expect(screen.queryByText(/llamacpp_llama3_8b_q4_k_m_tg512/)).toBeNull();
  });

  it('tells the four Llama 3 8B generation rows apart by their one-line settings, with the full text once per source', async () => {
    renderApp(api(), '/reference');
    const table = await pairTable();
    for (const { tokens } of DAI_TG) {
      const row = within(table).getByRole('row', { name: new RegExp(`tg${tokens} · CUDA · Q4_K_M · llama-bench`) });
      expect(summaryOf(row)).toEqual([`tg${tokens} · CUDA · Q4_K_M · llama-bench`]);
      // The 318-character command is not repeated in the row.
      expect(within(row).queryByText(/LLAMA_CUBLAS/)).toBeNull();
    }
    // Source, address and the settings text appear once, in the group's header, behind a disclosure.
    expect(within(table).getAllByText(DAI_TITLE)).toHaveLength(1);
    expect(within(table).getAllByText(DAI_URL)).toHaveLength(1);
    expect(within(table).getAllByText(TROOPER_TITLE)).toHaveLength(1);
    expect(within(table).getAllByText(TROOPER_URL)).toHaveLength(1);
    const how = within(table).getAllByText('How it was run').map((s) => s.closest('details'));
    expect(how.every((d) => d?.open === false)).toBe(true);
    const daiHow = how.find((d) => d?.textContent?.includes('LLAMA_CUBLAS'));
    // The two cards were run on different RunPod fleets: each side's text is shown, labelled with its card.
    expect(daiHow?.textContent).toContain('A100: llama.cpp llama-bench');
    expect(daiHow?.textContent).toContain('NVIDIA Professional GPUs on RunPod');
    expect(daiHow?.textContent).toContain('RTX 4090: llama.cpp llama-bench');
    expect(daiHow?.textContent).toContain('Each figure adds its own: test tg512 / test tg1024 / test tg4096 / test tg8192');
    expect(within(table).getAllByText('PCIe 80GB')).toHaveLength(4);
  });

  it('headlines each category with the median in words and how many workloads it rests on, a single one marked thin', async () => {
    renderApp(api(), '/reference');
    const categories = await screen.findByRole('list', { name: 'Per category' });
    const llm = within(categories).getByRole('listitem', { name: 'LLM single-user' });
    expect(within(llm).getByText('A100 1.17× faster')).toBeTruthy();
    expect(within(llm).getByText('+17.0 %')).toBeTruthy();
    expect(within(llm).getByText('17 workloads').className).not.toContain('evidence-thin');
    expect(llm.className).not.toContain('is-thin');
    const image = within(categories).getByRole('listitem', { name: 'Image' });
    expect(within(image).getByText('A100 3.87× faster')).toBeTruthy();
    expect(within(image).getByText('1 workload · thin evidence').className).toContain('evidence-thin');
    expect(image.className).toContain('is-thin');
  });

  it('draws the ratios as a chart whose text alternative names every paired workload', async () => {
    renderApp(api(), '/reference');
    await pairTable();
    // jsdom has no ResizeObserver, so EChart shows its text alternative instead of drawing (Chromium draws: e2e).
    const label = screen.getByText(/NVIDIA A100 against NVIDIA GeForce RTX 4090, per workload/).textContent ?? '';
    // Each bar is the A100's ratio over the RTX 4090, so the words name the A100.
    expect(label).toContain('Qwen/Qwen3-4B (throughput): A100 1.17× faster (+17.0\u00a0%)');
    expect(label).toContain('gpt-oss:20b (generation speed): A100 1.22× slower (\u221218.0\u00a0%)');
    expect(label).toContain('sd3.5-large (time per image): A100 3.87× faster (+286.7\u00a0%)');
    expect(label).toContain('Meta Llama 3 8B Q4_K_M (GGUF) (text generation · tg4096 · CUDA · Q4_K_M · llama-bench)');
  });

  it('compares the cards the user picks and can swap them', async () => {
    const fake = api();
    renderApp(fake, '/reference');
    await pairTable();
    fireEvent.change(screen.getByLabelText('Compared with'), { target: { value: 'rtx-3090' } });
    await vi.waitFor(() => expect(fake.callsTo('compare:cards')).toContainEqual({ ref: 'a100', vs: 'rtx-3090' }));
    expect(await screen.findByText('These two cards share no published workload.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Swap' }));
    await vi.waitFor(() => expect(fake.callsTo('compare:cards')).toContainEqual({ ref: 'rtx-3090', vs: 'a100' }));
  });

  it('asks core to export the card pair on screen as Markdown and CSV', async () => {
    Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:fake'), revokeObjectURL: vi.fn() });
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    const fake = api();
    renderApp(fake, '/reference');
    const group = await screen.findByRole('group', { name: 'Export card comparison' });
    await clickWhenEnabled(within(group).getByRole('button', { name: 'Markdown' }));
    await vi.waitFor(() => expect(clicked).toEqual(['rigmark-a100-vs-rtx-4090.md']));
    // The buttons stay disabled until the Markdown export's state has rendered; a click before that would be dropped.
    await clickWhenEnabled(within(group).getByRole('button', { name: 'CSV' }));
    await vi.waitFor(() => expect(clicked).toEqual(['rigmark-a100-vs-rtx-4090.md', 'rigmark-a100-vs-rtx-4090.csv']));
    expect(fake.callsTo('compare:export')).toEqual([
      { kind: 'cards', ref: 'a100', vs: 'rtx-4090', format: 'md' },
      { kind: 'cards', ref: 'a100', vs: 'rtx-4090', format: 'csv' },
    ]);
  });
});

describe('Reference page, all cards', () => {
  it('lists every card with its figure count and headline specs, filterable, each linking to its own page', async () => {
    renderApp(api(), '/reference');
    const table = await screen.findByRole('table', { name: 'Reference cards' });
    const a100 = within(table).getByRole('row', { name: /NVIDIA A100/ });
    expect(within(a100).getByText('90')).toBeTruthy();
    expect(within(a100).getByText('2,039 GB/s')).toBeTruthy();
    expect(within(a100).getByRole('link', { name: 'NVIDIA A100' }).getAttribute('href')).toBe('#/reference/a100');
    fireEvent.change(screen.getByLabelText('Find a card'), { target: { value: 'radeon' } });
    expect(within(table).getAllByRole('row')).toHaveLength(2);
  });

  it('keeps core’s card order in the list and the selects, vendors in the order core gives them', async () => {
    // Core lists NVIDIA before AMD, Apple last (card-order.ts); the page must not re-sort alphabetically.
    const apple: CardSummary = { ...referenceCards[3]!, key: 'apple-m3-ultra', displayName: 'Apple M3 Ultra', vendor: 'apple' };
    renderApp(api([...referenceCards, apple]), '/reference');
    const table = await screen.findByRole('table', { name: 'Reference cards' });
    const names = within(table)
      .getAllByRole('link')
      .map((a) => a.textContent);
    expect(names).toEqual(['NVIDIA A100', 'NVIDIA GeForce RTX 4090', 'NVIDIA GeForce RTX 3090', 'AMD Radeon RX 7900 XTX', 'Apple M3 Ultra']);
    const select = screen.getByLabelText('Compared with');
    expect([...select.querySelectorAll('optgroup')].map((g) => g.label)).toEqual(['NVIDIA', 'AMD', 'Apple']);
    expect([...select.querySelectorAll('option')].map((o) => o.value)).toEqual(['a100', 'rtx-4090', 'rtx-3090', 'amd-radeon-rx-7900-xtx', 'apple-m3-ultra']);
  });
});
