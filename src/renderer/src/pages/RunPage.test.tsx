// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { PlannedInstance } from '../../../shared/domain/run';
import { modelsView } from '../test/compare-fixtures';
import { createFakeApi } from '../test/fake-api';
import { benchmarks, runDetail, sample } from '../test/fixtures';
import { renderApp } from '../test/render-app';

// The renderer's only dependency is a RigmarkApi; these tests pass a fake one (test/fake-api.ts) and push run
// events through it the way core does.
afterEach(cleanup);

const instances: PlannedInstance[] = [
  { resultId: 11, benchmarkId: 'system.cpu', title: 'CPU throughput', status: 'pending', reason: null, estimatedMs: 4000 },
  { resultId: 12, benchmarkId: 'ollama.generate', title: 'Ollama generation', status: 'unavailable', reason: 'No Ollama answered at http://127.0.0.1:11434', estimatedMs: 0 },
];

/** Start is enabled once the plan has arrived; clicking a disabled button would silently do nothing. */
async function clickStart(): Promise<void> {
  const start = await screen.findByRole('button', { name: 'Start' });
  await waitFor(() => expect((start as HTMLButtonElement).disabled).toBe(false));
  fireEvent.click(start);
}

describe('Run page', () => {
  it('lists single benchmarks with the reason one is unavailable, and cannot select it', async () => {
    renderApp(createFakeApi({ 'benchmarks:list': () => benchmarks }), '/run');
    fireEvent.click(await screen.findByRole('radio', { name: /Choose benchmarks/ }));
    const ollama = await screen.findByRole('checkbox', { name: /Ollama generation/ });
    expect((ollama as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByText('No Ollama answered at http://127.0.0.1:11434')).toBeTruthy();
    expect(screen.getByText(/Start Ollama, or set its endpoint in Settings/)).toBeTruthy();
    expect((screen.getByRole('checkbox', { name: /CPU throughput/ }) as HTMLInputElement).disabled).toBe(false);
  });

  it('shows the plan with its estimate and starts the chosen suite with the repetitions typed', async () => {
    const api = createFakeApi({ 'runs:plan': () => instances, 'runs:start': () => ({ runId: 5 }) });
    renderApp(api, '/run');
    fireEvent.click(await screen.findByRole('radio', { name: /^System/ }));
    fireEvent.change(screen.getByLabelText('Counted repetitions per benchmark'), { target: { value: '3' } });
    expect(await screen.findByText('1 of 2 benchmarks can run here', { exact: false })).toBeTruthy();
    expect(screen.getAllByText('4 s').length).toBeGreaterThan(0);
    await clickStart();
    await screen.findByText('Loading run #5…');
    expect(api.callsTo('runs:start')).toEqual([{ suite: 'system', repetitions: 3 }]);
  });

  it('while running shows overall and per-benchmark progress, samples, ETA and a Cancel button that cancels', async () => {
    const api = createFakeApi({ 'runs:start': () => ({ runId: 5 }), 'runs:plan': () => instances, 'runs:cancel': () => ({ isCancelled: true }) });
    renderApp(api, '/run');
    await clickStart();
    act(() => {
      api.emit({ type: 'run-started', runId: 5, instances });
      api.emit({ type: 'instance-started', runId: 5, resultId: 11, benchmarkId: 'system.cpu' });
      api.emit({ type: 'progress', runId: 5, resultId: 11, benchmarkId: 'system.cpu', phase: 'measuring', fraction: 0.5, overallFraction: 0.4, etaMs: 65_000 });
      api.emit({ type: 'sample', runId: 5, resultId: 11, benchmarkId: 'system.cpu', sample: sample(1, 1200) });
    });
    const overall = await screen.findByRole('progressbar', { name: 'Overall progress' });
    expect(overall.getAttribute('aria-valuenow')).toBe('40');
    expect(screen.getByRole('progressbar', { name: 'CPU throughput progress' }).getAttribute('aria-valuenow')).toBe('50');
    expect(screen.getByText(/about 1 min 05 s left/)).toBeTruthy();
    expect(screen.getByText('measuring · 1 sample')).toBeTruthy();
    expect(screen.getByText('No Ollama answered at http://127.0.0.1:11434')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Cancel run' }));
    expect(await screen.findByRole('button', { name: 'Cancelling…' })).toBeTruthy();
    expect(api.callsTo('runs:cancel')).toEqual([{ runId: 5 }]);

    act(() => api.emit({ type: 'run-finished', runId: 5, status: 'cancelled' }));
    const list = screen.getByRole('list', { name: 'Benchmarks in this run' });
    expect(within(list).getByText('cancelled')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Cancel/ })).toBeNull();
    expect(screen.getByRole('link', { name: 'View result' }).getAttribute('href')).toBe('#/results/5');
  });

  it('shows a failed benchmark with its reason as soon as it finishes', async () => {
    const api = createFakeApi({ 'runs:start': () => ({ runId: 6 }), 'runs:plan': () => instances });
    renderApp(api, '/run');
    await clickStart();
    act(() => {
      api.emit({ type: 'run-started', runId: 6, instances });
      api.emit({ type: 'instance-finished', runId: 6, resultId: 11, benchmarkId: 'system.cpu', status: 'failed', median: null, unit: 'MB/s', reason: 'worker exited with code 134' });
    });
    expect(await screen.findByText('worker exited with code 134')).toBeTruthy();
    expect(screen.getByText('failed')).toBeTruthy();
  });

  it('shows what the pre-run checks found, worst first, with the fix', async () => {
    renderApp(
      createFakeApi({
        'runs:plan': () => instances,
        'runs:preflight': () => [
          { id: 'cpu-busy', severity: 'warning', message: 'Another process uses 80 % of the CPU.', fix: 'Close it, then run again.' },
          { id: 'vram-fit:llamacpp.tg128', severity: 'blocker', message: 'The 8B model needs 5.1 GiB of VRAM; 4 GiB is free.', fix: 'Pick a smaller model.' },
        ],
      }),
      '/run',
    );
    const list = await screen.findByRole('list', { name: 'Checks before the run' });
    const items = within(list).getAllByRole('listitem');
    expect(items[0]?.textContent).toMatch(/will fail.*8B model needs 5.1 GiB.*Pick a smaller model/);
    expect(items[1]?.textContent).toMatch(/warning.*80 % of the CPU/);
  });

  it('picks up a run that was already going when the window opened, with the samples taken so far', async () => {
    const running = { ...runDetail, run: { ...runDetail.run, status: 'running' as const, finishedAt: null } };
    renderApp(createFakeApi({ 'runs:list': () => [running.run], 'runs:get': () => running }), '/run');
    expect(await screen.findByRole('button', { name: 'Cancel run' })).toBeTruthy();
    expect(screen.getByText(/Run #7/)).toBeTruthy();
    expect(screen.getByText('CPU throughput: 3 repetitions and 1 warm-up, median 1,235 MB/s')).toBeTruthy();
  });

  it('shows the error when the run cannot start', async () => {
    const api = createFakeApi({ 'runs:plan': () => instances, 'runs:start': () => ({ error: { code: 'CONFLICT', message: 'a run is already in progress' } }) });
    renderApp(api, '/run');
    await clickStart();
    expect(await screen.findByText('a run is already in progress')).toBeTruthy();
  });

  it('runs the LLM benchmarks on the model picked: a synthetic shape or a readable file found on disk', async () => {
    const api = createFakeApi({ 'runs:plan': () => instances, 'runs:start': () => ({ runId: 5 }), 'models:list': () => modelsView });
    renderApp(api, '/run');
    const picker = await screen.findByLabelText('Model for the llama.cpp benchmarks');
    await waitFor(() => expect(within(picker).queryByRole('option', { name: /Llama 2 7B Q4_0/ })).toBeTruthy());
    // An unreadable file is not offered: it could only fail.
    expect(within(picker).queryByRole('option', { name: /broken\.gguf/ })).toBeNull();
    expect(within(picker).getByRole('option', { name: /mistral\.gguf/ })).toBeTruthy();
    fireEvent.change(picker, { target: { value: 'synthetic:llama-2-7b-q4_0' } });
    await waitFor(() => expect(api.callsTo('benchmarks:list')).toContainEqual({ model: 'synthetic:llama-2-7b-q4_0' }));
    await clickStart();
    await waitFor(() => expect(api.callsTo('runs:start')).toEqual([{ suite: 'quick', model: 'synthetic:llama-2-7b-q4_0' }]));
  });
});
