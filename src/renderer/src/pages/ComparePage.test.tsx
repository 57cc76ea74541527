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
    const line4090 = within(llm).getByText(/vs RTX 4090/).closest('li');
    expect(line4090?.textContent).toBe('vs RTX 4090 \u221218.0\u00a0%, wins 1 of 2');
    expect(within(llm).getByText('\u221218.0 %').className).toContain('delta-slower');
    expect(within(llm).getByText('+33.3 %').className).toContain('delta-faster');
    expect(screen.getByText(/In the reference set as AMD Radeon RX 7900 XTX/)).toBeTruthy();
  });

  it('describes every bar of the chart and labels a close match with its differences and the source as text', async () => {
    renderApp(withMatches(), '/compare');
    expect(await screen.findByText(/llamacpp\.tg128: RTX 4090 \u221235\.3 %, RTX 3090 \u221223\.8 %; ollama\.generate: A100 \+33\.3 %, RTX 4090 \+9\.3 %/)).toBeTruthy();
    const tg = screen.getByRole('table', { name: 'llamacpp.tg128 against reference cards' });
    const row4090 = within(tg).getByRole('row', { name: /NVIDIA GeForce RTX 4090/ });
    expect(within(row4090).getByText('close match')).toBeTruthy();
    expect(within(row4090).getByText('backend cuda vs yours vulkan')).toBeTruthy();
    expect(within(row4090).getByText('186.21 tokens/s')).toBeTruthy();
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
    for (const id of comparisonWithoutMatches.comparableBenchmarkIds) expect(screen.getByText(id)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Go to the Run page' }).getAttribute('href')).toBe('#/run');
    expect(screen.queryByRole('group', { name: 'Rigmark Score' })).toBeNull();
  });

  it('shows an empty state instead of an error when no run has results yet', async () => {
    renderApp(createFakeApi({ 'compare:run': () => ({ error: { code: 'NOT_FOUND', message: 'no run with results yet' } }) }), '/compare');
    expect(await screen.findByText('No run with results yet')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Start a run' }).getAttribute('href')).toBe('#/run');
  });

  it('estimates the upgrade to a chosen card per category and benchmark, with the source', async () => {
    const api = withMatches();
    renderApp(api, '/compare/7');
    fireEvent.click(await screen.findByRole('tab', { name: 'Upgrade' }));
    const target = await screen.findByLabelText('Target card');
    await vi.waitFor(() => expect(within(target).queryByRole('option', { name: 'NVIDIA GeForce RTX 4090' })).toBeTruthy());
    fireEvent.change(target, { target: { value: 'rtx-4090' } });
    const table = await screen.findByRole('table', { name: 'Expected change per benchmark with NVIDIA GeForce RTX 4090' });
    expect(api.callsTo('compare:upgrade')).toEqual([{ runId: 7, target: 'rtx-4090' }]);
    const row = within(table).getByRole('row', { name: /llamacpp\.tg128/ });
    expect(within(row).getByText('+54.5 %')).toBeTruthy();
    expect(within(row).getByText('close match')).toBeTruthy();
    expect(within(row).getByText('https://github.com/ggml-org/llama.cpp/discussions/15013')).toBeTruthy();
    expect(screen.getByText(/No estimate for system\.memory \(no published figure for this workload\)/)).toBeTruthy();
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
