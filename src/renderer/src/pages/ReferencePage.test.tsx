// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReferenceRecord } from '../../../shared/domain/reference';
import { a100Vs4090, referenceCards } from '../test/compare-fixtures';
import { clickWhenEnabled } from '../test/click-when-enabled';
import { createFakeApi } from '../test/fake-api';
import { renderApp } from '../test/render-app';

// The renderer's only dependency is a RigmarkApi; these tests pass a fake one (test/fake-api.ts) instead of core.
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const sd35A100: ReferenceRecord = {
  id: 'a100/trooper_image_sd35_large/1',
  sourceIndex: 4,
  gpu: 'NVIDIA A100',
  gpuVariant: '',
  gpuKey: 'a100',
  suite: 'image',
  benchmarkId: 'trooper_image_sd35_large',
  model: 'sd3.5-large',
  settings: 'ComfyUI, default workflow',
  metric: 'time per image',
  unit: 's/image',
  higherIsBetter: false,
  value: 15,
  valueAsPublished: '15 s/image',
  sourceUrl: 'https://james19.trooper.ai/benchmarks-compare-A100-with-RTX-4090',
  sourceTitle: 'A100 vs RTX 4090 - GPU Benchmark Comparison (Trooper.AI)',
  sourceKind: 'primary',
  note: 'Trooper.AI fleet data',
  publishedOn: null,
  publishedOnBasis: 'not stated by the source',
  workload: {
    rigmarkBenchmarkId: 'image.generate',
    category: 'image',
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
  },
};

const api = () =>
  createFakeApi({
    'reference:cards': () => referenceCards,
    'compare:cards': ({ ref, vs }) => (ref === 'a100' && vs === 'rtx-4090' ? a100Vs4090 : { ...a100Vs4090, refKey: ref, vsKey: vs, rows: [] }),
    'reference:figures': () => [sd35A100],
  });

describe('Reference page', () => {
  it('opens on A100 vs RTX 4090 with each paired figure, its signed difference and its source as text', async () => {
    renderApp(api(), '/reference');
    const table = await screen.findByRole('table', { name: 'NVIDIA A100 vs NVIDIA GeForce RTX 4090, per workload' });
    const expected: Array<[RegExp, string]> = [
      [/Qwen\/Qwen3-4B/, '+17.0 %'],
      [/gpt-oss:20b/, '\u221218.0 %'],
      [/sd3\.5-large/, '+286.7 %'],
      [/llava-1\.5-7b/, '+30.0 %'],
    ];
    for (const [model, delta] of expected) {
      const row = within(table).getByRole('row', { name: model });
      expect(within(row).getByText(delta)).toBeTruthy();
      expect(within(row).getByText('A100 vs RTX 4090 - GPU Benchmark Comparison (Trooper.AI)')).toBeTruthy();
      expect(within(row).getByText('https://james19.trooper.ai/benchmarks-compare-A100-with-RTX-4090')).toBeTruthy();
    }
    const sd = within(table).getByRole('row', { name: /sd3\.5-large/ });
    expect(within(sd).getByText('15 s/image')).toBeTruthy();
    expect(within(sd).getByText(/lower is better/)).toBeTruthy();
    expect(screen.getByText(/figures pair when they share the source benchmark id/)).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Per category' })).getByText('faster in 0 of 1 workload')).toBeTruthy();
  });

  it('compares the cards the user picks and can swap them', async () => {
    const fake = api();
    renderApp(fake, '/reference');
    await screen.findByRole('table', { name: /per workload/ });
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

  it('shows a card with each spec’s source and its published figures with settings, source and kind', async () => {
    renderApp(api(), '/reference/a100');
    expect(await screen.findByRole('heading', { level: 1, name: 'NVIDIA A100' })).toBeTruthy();
    expect(screen.getByText('Thunder Compute - NVIDIA A100 Specifications (updated May 21, 2026)')).toBeTruthy();
    const figures = await screen.findByRole('table', { name: 'Image generation figures' });
    const row = within(figures).getByRole('row', { name: /sd3\.5-large/ });
    expect(within(row).getByText('15 s/image')).toBeTruthy();
    expect(within(row).getByText(/ComfyUI, default workflow/)).toBeTruthy();
    expect(within(row).getByText('primary source')).toBeTruthy();
    expect(within(row).getByText('https://james19.trooper.ai/benchmarks-compare-A100-with-RTX-4090')).toBeTruthy();
    expect(within(row).getByText('Trooper.AI fleet data')).toBeTruthy();
  });
});
