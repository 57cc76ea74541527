// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReferenceRecord, Workload } from '../../../shared/domain/reference';
import { settingsSummary } from '../../../shared/format/workload';
import { referenceCards } from '../test/compare-fixtures';
import { createFakeApi } from '../test/fake-api';
import { renderApp } from '../test/render-app';


/** The one-line settings summary of a row (its parts are separate spans, so it wraps only between them). */
const summaryOf = (row: HTMLElement): string[] => [...row.querySelectorAll('.settings-summary')].map((el) => el.textContent ?? '');

afterEach(cleanup);

const DAI_TITLE = 'GPU-Benchmarks-on-LLM-Inference README (LLaMA 3 llama.cpp results), commit aa72e0e';
const DAI_URL = 'https://github.com/XiongjieDai/GPU-Benchmarks-on-LLM-Inference';
const DAI_COMMAND = './llama-bench -p 512,1024,4096,8192 -n 512,1024,4096,8192 -m ./models/8B-v3/ggml-model-Q4_K_M.gguf';
const DAI_NOTE = 'Average speed in tokens/s as published (llama-bench mean).';
const ANOMALY = 'Published pp values for this row are anomalously low vs. other GPUs; kept as published.';

const noWorkload: Workload = {
  rigmarkBenchmarkId: null,
  category: null,
  engine: null,
  engineBuild: null,
  tool: null,
  modelKey: null,
  modelShape: null,
  quant: null,
  promptTokens: null,
  genTokens: null,
  concurrency: null,
  backend: null,
  flashAttention: null,
  gpuCount: 1,
  flags: [],
};

function record(overrides: Partial<ReferenceRecord> & Pick<ReferenceRecord, 'id' | 'suite' | 'model' | 'metric' | 'unit' | 'value'>): ReferenceRecord {
  return {
    sourceIndex: 0,
    gpu: 'NVIDIA A100',
    gpuVariant: '',
    gpuKey: 'a100',
    benchmarkId: overrides.id.split('/')[1] ?? overrides.id,
    settings: '',
    higherIsBetter: true,
    valueAsPublished: String(overrides.value),
    sourceUrl: DAI_URL,
    sourceTitle: DAI_TITLE,
    sourceKind: 'primary',
    note: '',
    publishedOn: null,
    publishedOnBasis: 'not stated by the source',
    workload: noWorkload,
    ...overrides,
  };
}

/** The Dai README rows as the bundled dataset has them: one 318-character settings text per row, differing only in the test. */
function dai(variant: string, quant: 'Q4_K_M' | 'F16', kind: 'pp' | 'tg', tokens: number, value: number, note = DAI_NOTE): ReferenceRecord {
  return record({
    id: `a100/llamacpp_llama3_8b_${quant.toLowerCase()}_${kind}${tokens}/${variant.replace(/\W/g, '')}`,
    suite: 'llamacpp',
    gpuVariant: variant,
    model: `Meta Llama 3 8B ${quant} (GGUF)`,
    metric: kind === 'pp' ? 'prompt processing' : 'text generation',
    unit: 'tokens/s',
    value,
    settings: `llama.cpp llama-bench (README: ${DAI_COMMAND}); NVIDIA build 'LLAMA_CUBLAS=1 make'; NVIDIA Professional GPUs on RunPod: Ubuntu 22.04.2 LTS, pytorch 2.2.0, py 3.10, cuda 12.1.1; snapshots May 2024; backend CUDA; single GPU; test ${kind}${tokens}`,
    note,
    workload: {
      ...noWorkload,
      rigmarkBenchmarkId: kind === 'pp' && tokens === 512 ? 'llamacpp.pp512' : null,
      category: 'llm',
      engine: 'llama.cpp',
      tool: 'llama-bench',
      modelKey: 'llama-3-8b',
      quant,
      promptTokens: kind === 'pp' ? tokens : null,
      genTokens: kind === 'tg' ? tokens : null,
      concurrency: 1,
      backend: 'cuda',
    },
  });
}

const DAI_ROWS: ReferenceRecord[] = [
  dai('PCIe 80GB', 'Q4_K_M', 'tg', 512, 140.62),
  dai('PCIe 80GB', 'Q4_K_M', 'tg', 1024, 138.31),
  dai('PCIe 80GB', 'Q4_K_M', 'pp', 512, 5981.04),
  dai('SXM 80GB', 'Q4_K_M', 'tg', 512, 135.04),
  dai('SXM 80GB', 'F16', 'pp', 512, 603.76, `${DAI_NOTE} ${ANOMALY}`),
];

const sd35: ReferenceRecord = record({
  id: 'a100/trooper_image_sd35_large/1',
  suite: 'image',
  model: 'sd3.5-large',
  metric: 'time per image',
  unit: 's/image',
  higherIsBetter: false,
  value: 15,
  settings: 'ComfyUI, default workflow',
  sourceUrl: 'https://james19.trooper.ai/benchmarks-compare-A100-with-RTX-4090',
  sourceTitle: 'A100 vs RTX 4090 - GPU Benchmark Comparison (Trooper.AI)',
  note: 'Trooper.AI fleet data',
  workload: { ...noWorkload, rigmarkBenchmarkId: 'image.generate', category: 'image' },
});

const specBandwidth: ReferenceRecord = record({
  id: 'a100/spec_mem_bw_gbs/eb9d154f',
  suite: 'spec',
  model: '-',
  metric: 'memory bandwidth',
  unit: 'GB/s',
  value: 2039,
  gpuVariant: 'SXM4 80GB',
  settings: 'vendor peak / board spec (theoretical)',
  sourceUrl: 'https://www.thundercompute.com/blog/nvidia-a100-specs-full-guide',
  sourceTitle: 'Thunder Compute - NVIDIA A100 Specifications (updated May 21, 2026)',
  sourceKind: 'secondary',
  note: "Lockwood page also lists '2.039' for 80G SXM4.",
});

const api = () =>
  createFakeApi({
    'reference:cards': () => referenceCards,
    'reference:figures': () => [sd35, ...DAI_ROWS, specBandwidth],
  });

describe('Reference card page', () => {
  it('shows each source’s settings text once, in its group’s header, behind “How it was run”', async () => {
    renderApp(api(), '/reference/a100');
    const table = await screen.findByRole('table', { name: 'llama.cpp (llama-bench) figures' });
    expect(within(table).getAllByText(DAI_TITLE)).toHaveLength(1);
    expect(within(table).getAllByText(DAI_URL)).toHaveLength(1);
    expect(within(table).getByText('5 figures from this source')).toBeTruthy();
    const how = within(table).getByText('How it was run').closest('details');
    expect(how?.open).toBe(false);
    // The command is in the table exactly once, however many rows the source has.
    expect(table.textContent?.split(DAI_COMMAND)).toHaveLength(2);
    expect(how?.textContent).toContain(DAI_COMMAND);
    expect(how?.textContent).toContain('Each figure adds its own: test tg512 / test tg1024 / test pp512');
  });

  it('gives each row its model, metric, variant, one-line settings summary and value', async () => {
    renderApp(api(), '/reference/a100');
    const table = await screen.findByRole('table', { name: 'llama.cpp (llama-bench) figures' });
    const rows = within(table)
      .getAllByRole('row')
      .filter((r) => within(r).queryByRole('rowheader') !== null && r.querySelector('td') !== null);
    expect(rows).toHaveLength(DAI_ROWS.length);
    DAI_ROWS.forEach((figure, i) => {
      const row = rows[i]!;
      expect(within(row).getByRole('rowheader').textContent?.startsWith(figure.model)).toBe(true);
      expect(within(row).getByText(figure.metric)).toBeTruthy();
      expect(within(row).getByText(figure.gpuVariant)).toBeTruthy();
      expect(summaryOf(row)).toEqual([settingsSummary(figure.workload)]);
      expect(row.textContent).not.toContain('LLAMA_CUBLAS');
    });
    expect(summaryOf(rows[0]!)).toEqual(['tg512 · CUDA · Q4_K_M · llama-bench']);
    // Every row is in tokens/s: the unit is said once, in the Value header.
    expect(within(rows[0]!).getByText('140.62')).toBeTruthy();
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Model', 'Metric', 'Variant', 'Settings', 'Value (tokens/s)']);
    expect(summaryOf(rows[2]!)).toEqual(['pp512 · CUDA · Q4_K_M · llama-bench']);
  });

  it('puts a note every row shares in the header, and a row’s own caveat in that row', async () => {
    renderApp(api(), '/reference/a100');
    const table = await screen.findByRole('table', { name: 'llama.cpp (llama-bench) figures' });
    const header = within(table).getByText('Source note').closest('details');
    expect(header?.textContent).toContain(DAI_NOTE);
    expect(header?.textContent).not.toContain(ANOMALY);
    const f16 = within(table).getByRole('row', { name: /Meta Llama 3 8B F16/ });
    expect(within(f16).getByText(ANOMALY)).toBeTruthy();
    expect(within(table).getAllByText(ANOMALY)).toHaveLength(1);
  });

  it('shows an image figure as lower is better with its source, kind and note, and spec figures without a model column', async () => {
    renderApp(api(), '/reference/a100');
    expect(await screen.findByRole('heading', { level: 1, name: 'NVIDIA A100' })).toBeTruthy();
    const image = await screen.findByRole('table', { name: 'Image generation figures' });
    const row = within(image).getByRole('row', { name: /sd3\.5-large/ });
    expect(within(row).getByText('15')).toBeTruthy();
    expect(within(image).getByRole('columnheader', { name: 'Value (s/image)' })).toBeTruthy();
    expect(within(row).getByText('lower is better')).toBeTruthy();
    expect(within(image).getByText('https://james19.trooper.ai/benchmarks-compare-A100-with-RTX-4090')).toBeTruthy();
    expect(within(image).getByText('primary source')).toBeTruthy();
    expect(within(image).getByText('ComfyUI, default workflow').closest('details')).toBeTruthy();
    expect(within(image).getByText('Trooper.AI fleet data').closest('details')).toBeTruthy();
    const spec = screen.getByRole('table', { name: 'Vendor specifications figures' });
    // Spec figures name no model and state no settings: those columns are left out, not filled with dashes.
    expect(within(spec).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Figure', 'Variant', 'Value (GB/s)']);
    expect(within(spec).getByRole('row', { name: /memory bandwidth/ }).textContent).toContain('2,039');
    expect(document.querySelectorAll('a[href^="http"]')).toHaveLength(0);
  });
});
