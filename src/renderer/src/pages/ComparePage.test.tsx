// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { comparisonWithMatches, comparisonWithoutMatches, referenceCards, upgradeTo4090 } from '../test/compare-fixtures';
import { clickWhenEnabled } from '../test/click-when-enabled';
import { createFakeApi } from '../test/fake-api';
import { benchmarks } from '../test/fixtures';
import { renderApp } from '../test/render-app';

// The renderer's only dependency is a RigmarkApi; these tests pass a fake one (test/fake-api.ts) instead of core.
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** Records the file name of every download the page starts (jsdom has no object URLs and no navigation). */
function spyOnDownloads(): string[] {
  Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:fake'), revokeObjectURL: vi.fn() });
  const clicked: string[] = [];
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push(this.download);
  });
  return clicked;
}

const withMatches = () =>
  createFakeApi({
    'compare:run': () => comparisonWithMatches,
    'reference:cards': () => referenceCards,
    'benchmarks:list': () => benchmarks,
    'compare:upgrade': () => upgradeTo4090,
  });

describe('Compare page', () => {
  it('shows the Rigmark Score with how many benchmarks entered and its formula, and per-category summaries', async () => {
    renderApp(withMatches(), '/compare');
    const score = await screen.findByRole('group', { name: 'Rigmark Score' });
    expect(within(score).getByText('76.2')).toBeTruthy();
    expect(within(score).getByText('From 1 benchmark with an NVIDIA GeForce RTX 3090 figure (1 close match).')).toBeTruthy();
    expect(within(score).getByText(/Rigmark Score = 100 × geometric mean/)).toBeTruthy();
    const llm = screen.getByRole('group', { name: 'LLM single-user' });
    // Headlined by the median in words (core's medianRatio 0.82 → 1.22× slower), the ±% beside it, then the evidence.
    const line4090 = within(llm).getByText(/vs RTX 4090/).closest('li');
    const parts = [...(line4090?.children ?? [])].map((el) => el.textContent);
    expect(parts).toEqual(['vs RTX 4090', '1.22× slower \u221218.0\u00a0%', '2 workloads · thin evidence · yours faster in 1 of 2']);
    expect(within(llm).getByText('1.22× slower').className).toContain('delta-slower');
    expect(within(llm).getByText('1.33× faster').className).toContain('delta-faster');
    // One workload is marked as thin evidence, so it never reads as strongly as many.
    expect(within(llm).getAllByText(/1 workload · thin evidence/)).toHaveLength(2);
    expect(screen.getByText(/In the reference set as AMD Radeon RX 7900 XTX/)).toBeTruthy();
  });

  it('describes every bar of the chart and labels a close match with its differences and the source as text', async () => {
    renderApp(withMatches(), '/compare');
    expect(
      await screen.findByText(
        /Text generation · 128 tokens \(Llama 2 7B Q4_0 \(synthetic\)\): RTX 4090 1\.55× slower \(\u221235\.3 %\), RTX 3090 1\.31× slower \(\u221223\.8 %\); Ollama generation: A100 1\.33× faster \(\+33\.3 %\), RTX 4090 1\.09× faster \(\+9\.3 %\)/,
      ),
    ).toBeTruthy();
    const tg = screen.getByRole('table', { name: 'Text generation · 128 tokens, Llama 2 7B Q4_0 (synthetic) against reference cards' });
    const row4090 = within(tg).getByRole('row', { name: /NVIDIA GeForce RTX 4090/ });
    expect(within(row4090).getByText('close match')).toBeTruthy();
    expect(within(row4090).getByText('backend cuda vs yours vulkan')).toBeTruthy();
    expect(within(row4090).getByText('186.21 tokens/s')).toBeTruthy();
    // Yours ÷ card = 0.6471 in core: said as 1.55× slower, with core's −35.3 % beside it.
    expect(within(row4090).getByText('1.55× slower')).toBeTruthy();
    expect(within(row4090).getByText('\u221235.3 %')).toBeTruthy();
    // The source's settings text stays behind a disclosure; the row shows the one-line summary.
    expect(within(row4090).getByText('tg128 · CUDA · Q4_0 · llama-bench')).toBeTruthy();
    expect(within(row4090).getByText('How the source ran it').closest('details')?.open).toBe(false);
    expect(within(row4090).getByText("llama.cpp discussion #15013 'Performance of llama.cpp on NVIDIA CUDA' (scoreboard)")).toBeTruthy();
    expect(within(row4090).getByText('https://github.com/ggml-org/llama.cpp/discussions/15013')).toBeTruthy();
    // Offline app: the address is text to copy, never a link that would open the network.
    expect(document.querySelectorAll('a[href^="http"]')).toHaveLength(0);
    expect(within(row4090).getByRole('button', { name: 'Copy address https://github.com/ggml-org/llama.cpp/discussions/15013' })).toBeTruthy();
    const ollama = screen.getByRole('table', { name: 'Ollama generation against reference cards' });
    expect(within(ollama).getAllByText('exact match')).toHaveLength(2);
    expect(screen.getByText('1 other figure for NVIDIA GeForce RTX 3090')).toBeTruthy();
    expect(screen.getByText("llama.cpp PR #4766 'llama : ggml-backend integration'")).toBeTruthy();
    expect(screen.getByText(/No published figures for the chosen cards: system\.memory/)).toBeTruthy();
    expect(document.body.textContent).not.toContain('llamacpp.tg128');
  });

  it('asks core for the cards the user adds or removes, and goes back to the default', async () => {
    const api = withMatches();
    renderApp(api, '/compare/7');
    const add = await screen.findByLabelText('Add a reference card');
    await vi.waitFor(() => expect((add as HTMLSelectElement).disabled).toBe(false));
    fireEvent.change(add, { target: { value: 'amd-radeon-rx-7900-xtx' } });
    await vi.waitFor(() => expect(api.callsTo('compare:run')).toContainEqual({ runId: 7, cards: ['a100', 'rtx-4090', 'rtx-3090', 'amd-radeon-rx-7900-xtx'] }));
    fireEvent.click(await screen.findByRole('button', { name: 'Remove NVIDIA A100' }));
    await vi.waitFor(() => expect(api.callsTo('compare:run')).toContainEqual({ runId: 7, cards: ['rtx-4090', 'rtx-3090'] }));
    fireEvent.click(screen.getByRole('button', { name: 'Back to the default cards' }));
    await vi.waitFor(() => expect(api.callsTo('compare:run').at(-1)).toEqual({ runId: 7 }));
  });

  it('asks core to export the comparison on screen (run and its cards) as CSV and Markdown, and downloads the files', async () => {
    const clicked = spyOnDownloads();
    const api = withMatches();
    renderApp(api, '/compare');
    const group = await screen.findByRole('group', { name: 'Export comparison' });
    await clickWhenEnabled(within(group).getByRole('button', { name: 'CSV' }));
    await vi.waitFor(() => expect(clicked).toEqual(['rigmark-compare-run-7.csv']));
    // The buttons stay disabled until the CSV export's state has rendered; a click before that would be dropped.
    await clickWhenEnabled(within(group).getByRole('button', { name: 'Markdown' }));
    await vi.waitFor(() => expect(clicked).toEqual(['rigmark-compare-run-7.csv', 'rigmark-compare-run-7.md']));
    const cards = ['a100', 'rtx-4090', 'rtx-3090'];
    expect(api.callsTo('compare:export')).toEqual([
      { kind: 'run', runId: 7, cards, format: 'csv' },
      { kind: 'run', runId: 7, cards, format: 'md' },
    ]);
  });

  it('shows the API error when core cannot export, and downloads nothing', async () => {
    const clicked = spyOnDownloads();
    const api = createFakeApi({
      'compare:run': () => comparisonWithMatches,
      'reference:cards': () => referenceCards,
      'benchmarks:list': () => benchmarks,
      'compare:export': () => ({ error: { code: 'NOT_FOUND', message: 'no run 7' } }),
    });
    renderApp(api, '/compare/7');
    const group = await screen.findByRole('group', { name: 'Export comparison' });
    fireEvent.click(within(group).getByRole('button', { name: 'CSV' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Export failed')).toBeTruthy();
    expect(within(alert).getByText('no run 7')).toBeTruthy();
    expect(clicked).toEqual([]);
  });

  it('says plainly when the run has nothing to compare and lists the benchmarks that would have, with a way to run them', async () => {
    renderApp(createFakeApi({ 'compare:run': () => comparisonWithoutMatches, 'reference:cards': () => referenceCards, 'benchmarks:list': () => benchmarks }), '/compare/8');
    expect(await screen.findByText('Run #8 has no result with published figures to compare with.')).toBeTruthy();
    // Titles from the catalogue where it has one; never an id in code type.
    expect(screen.getByText('Ollama generation')).toBeTruthy();
    expect(document.querySelector('.comparable-list code')).toBeNull();
    expect(screen.getByRole('link', { name: 'Go to the Run page' }).getAttribute('href')).toBe('#/run');
    expect(screen.queryByRole('group', { name: 'Rigmark Score' })).toBeNull();
  });

  it('shows an empty state instead of an error when no run has results yet', async () => {
    renderApp(createFakeApi({ 'compare:run': () => ({ error: { code: 'NOT_FOUND', message: 'no run with results yet' } }) }), '/compare');
    expect(await screen.findByText('No run with results yet')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Start a run' }).getAttribute('href')).toBe('#/run');
  });

  it('opens the upgrade on the RTX 4090 and states it in Compare\'s direction, per category and workload, with the source', async () => {
    const api = withMatches();
    renderApp(api, '/compare/7');
    fireEvent.click(await screen.findByRole('tab', { name: 'Upgrade' }));
    const table = await screen.findByRole('table', { name: 'Expected change per workload with the NVIDIA GeForce RTX 4090' });
    expect(api.callsTo('compare:upgrade')).toEqual([{ runId: 7, target: 'rtx-4090' }]);
    const row = within(table).getByRole('row', { name: /Text generation · 128 tokens/ });
    // Core's gain is 1.5453 (RTX 4090 ÷ yours): the row says yours is 1.55× slower, −35.3 %, as Comparison does.
    expect(within(row).getByText('1.55× slower')).toBeTruthy();
    expect(within(row).getByText('\u221235.3 %')).toBeTruthy();
    expect(screen.getByText('With the RTX 4090: 1.55× faster.')).toBeTruthy();
    expect(within(row).getByText('close match')).toBeTruthy();
    expect(within(row).getByText('https://github.com/ggml-org/llama.cpp/discussions/15013')).toBeTruthy();
    expect(screen.getByText(/No estimate for system\.memory \(no published figure for this workload\)/)).toBeTruthy();
    const target = screen.getByLabelText('Target card');
    fireEvent.change(target, { target: { value: 'a100' } });
    await vi.waitFor(() => expect(api.callsTo('compare:upgrade')).toContainEqual({ runId: 7, target: 'a100' }));
  });

  it('moves between the Comparison and Upgrade tabs with the arrow keys', async () => {
    renderApp(withMatches(), '/compare');
    const comparisonTab = await screen.findByRole('tab', { name: 'Comparison' });
    expect(comparisonTab.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(comparisonTab, { key: 'ArrowRight' });
    expect(screen.getByRole('tab', { name: 'Upgrade' }).getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Upgrade' }));
  });
});
