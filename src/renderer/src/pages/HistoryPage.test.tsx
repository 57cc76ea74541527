// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Identity } from '../../../shared/domain/benchmark';
import type { HistoryPoint, RunDetail } from '../../../shared/domain/results';
import { createFakeApi } from '../test/fake-api';
import { benchmarks, result, runDetail, runSummary } from '../test/fixtures';
import { renderApp } from '../test/render-app';

// The renderer's only dependency is a RigmarkApi; these tests pass a fake one (test/fake-api.ts) instead of core.
afterEach(cleanup);

const LLAMA_8B: Identity = { engine: 'llama.cpp', backend: 'cpu', modelKey: 'llama-3-8b', quant: 'Q4_K_M', isSynthetic: true };
const LLAMA_1B: Identity = { ...LLAMA_8B, modelKey: 'llama-3.2-1b', quant: 'Q4_0' };
const MEASURED = { count: 3, median: 100, mean: 100, min: 99, max: 101, stdev: 1, cv: 0.01 };

/** The latest run: the CPU benchmark first, then llama.cpp prompt processing on the 8B model. */
const llamaRun: RunDetail = {
  ...runDetail,
  results: [
    result({ id: 80, benchmarkId: 'system.cpu', title: 'CPU throughput', status: 'passed', stats: MEASURED }),
    result({ id: 81, benchmarkId: 'llamacpp.pp512', title: 'llama.cpp prompt processing (pp512)', category: 'llm', unit: 'tokens/s', status: 'passed', identity: LLAMA_8B, stats: MEASURED }),
  ],
};

function point(runId: number, identity: Identity, median: number): HistoryPoint {
  return {
    runId, resultId: runId * 10, startedAt: `2025-11-2${runId}T10:00:00.000Z`, median, unit: 'tokens/s', status: 'passed',
    systemLabel: 'AMD EPYC 7B13 · no GPU', title: 'llama.cpp prompt processing (pp512)', identity, workloadKey: String(identity.modelKey),
  };
}

describe('History page', () => {
  it('opens on the latest run’s prompt processing benchmark instead of an empty choice', async () => {
    const api = createFakeApi({ 'runs:list': () => [runSummary], 'runs:get': () => llamaRun, 'benchmarks:list': () => benchmarks, 'runs:history': () => [point(7, LLAMA_8B, 100)] });
    renderApp(api, '/history');
    await waitFor(() => expect(window.location.hash).toBe('#/history/llamacpp.pp512'));
    const select = await screen.findByLabelText('Benchmark');
    const latestGroup = within(select).getByRole('group', { name: 'In the latest run' });
    expect(within(latestGroup).getAllByRole('option').map((o) => o.textContent)).toEqual(['CPU throughput', 'Prompt processing · 512 tokens']);
    expect(screen.queryByText(/Choose/)).toBeNull();
  });

  it('says there are no runs yet and points to the Run page when nothing is stored', async () => {
    renderApp(createFakeApi({ 'runs:list': () => [] }), '/history');
    const empty = (await screen.findByText('No runs yet')).parentElement!;
    expect(within(empty).getByRole('link', { name: 'Run' }).getAttribute('href')).toBe('#/run');
  });

  it('lists each run with its model, so a 1B and an 8B result under one benchmark read as two workloads', async () => {
    const api = createFakeApi({
      'runs:list': () => [runSummary],
      'runs:get': () => llamaRun,
      'benchmarks:list': () => benchmarks,
      'runs:history': () => [point(8, LLAMA_8B, 100), point(7, LLAMA_1B, 400)],
    });
    renderApp(api, '/history/llamacpp.pp512');
    const table = await screen.findByRole('table', { name: 'Prompt processing · 512 tokens per run' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[2]?.textContent)).toEqual(['Llama 3 8B Q4_K_M (synthetic)', 'Llama 3.2 1B Q4_0 (synthetic)']);
    // One backend everywhere: no Backend column.
    expect(within(table).queryByRole('columnheader', { name: 'Backend' })).toBeNull();
    expect(screen.getByText(/2 workloads: one line each/)).toBeTruthy();
  });
});
