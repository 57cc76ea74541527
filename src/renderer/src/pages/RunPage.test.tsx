// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PlannedInstance } from '../../../shared/domain/run';
import { modelsView } from '../test/compare-fixtures';
import { createFakeApi } from '../test/fake-api';
import { benchmarks, runDetail, sample } from '../test/fixtures';
import { clickWhenEnabled } from '../test/click-when-enabled';
import { renderApp } from '../test/render-app';

// The renderer's only dependency is a RigmarkApi; these tests pass a fake one (test/fake-api.ts) and push run
// events through it the way core does.
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const instances: PlannedInstance[] = [
  { resultId: 11, benchmarkId: 'system.cpu', title: 'CPU throughput', status: 'pending', reason: null, estimatedMs: 4000 },
  { resultId: 12, benchmarkId: 'ollama.generate', title: 'Ollama generation', status: 'unavailable', reason: 'No Ollama answered at http://127.0.0.1:11434', estimatedMs: 0 },
];

/** Start is enabled once the plan has arrived; clicking a disabled button would silently do nothing. */
async function clickStart(): Promise<void> {
  await clickWhenEnabled(await screen.findByRole('button', { name: 'Start' }));
}

describe('Run page', () => {
  it('lists single benchmarks with the reason one is unavailable, and cannot select it', async () => {
    renderApp(createFakeApi({ 'benchmarks:list': () => benchmarks }), '/run');
    fireEvent.click(await screen.findByRole('radio', { name: /Choose benchmarks/ }));
    const ollama = await screen.findByRole('checkbox', { name: /Ollama generation/ });
    expect((ollama as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByText('No Ollama answered at http://127.0.0.1:11434.')).toBeTruthy();
    expect(screen.getByText(/Start Ollama, or set its endpoint in Settings/)).toBeTruthy();
    expect((screen.getByRole('checkbox', { name: /CPU throughput/ }) as HTMLInputElement).disabled).toBe(false);
    // Titles only: the ids (system.cpu, ollama.generate) are not on screen.
    expect(screen.queryByText(/system\.cpu|ollama\.generate/)).toBeNull();
  });

  it('shows the plan with its estimate and starts the chosen suite with the repetitions typed', async () => {
    const api = createFakeApi({ 'runs:plan': () => instances, 'runs:start': () => ({ runId: 5 }) });
    renderApp(api, '/run');
    fireEvent.click(await screen.findByRole('radio', { name: /^System/ }));
    fireEvent.change(screen.getByLabelText('Counted repetitions per benchmark'), { target: { value: '3' } });
    expect(await screen.findByText('1 benchmark will run · 1 cannot run here (listed apart)', { exact: false })).toBeTruthy();
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
    expect(screen.getByText('No Ollama answered at http://127.0.0.1:11434.')).toBeTruthy();

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
    expect(await screen.findByText('Worker exited with code 134.')).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Benchmarks in this run' })).getByText('failed')).toBeTruthy();
  });

  it('shows what the pre-run checks found, worst first, with the fix, naming benchmarks by title', async () => {
    renderApp(
      createFakeApi({
        'runs:plan': () => instances,
        'runs:preflight': () => [
          { id: 'cpu-busy', severity: 'warning', message: 'Another process uses 80 % of the CPU.', fix: 'Close it, then run again.' },
          { id: 'vram-fit:ollama.generate', severity: 'blocker', message: 'ollama.generate loads a 5.1 GiB model, larger than the memory of the GPU.', fix: 'Pick a smaller model.' },
        ],
        'benchmarks:list': () => benchmarks,
      }),
      '/run',
    );
    const list = await screen.findByRole('list', { name: 'Checks before the run' });
    const items = within(list).getAllByRole('listitem');
    // Core names the benchmark by id (the CLI prints the same check); the page names it by its title.
    await waitFor(() => expect(items[0]?.textContent).toMatch(/will fail.*Ollama generation loads a 5\.1 GiB model.*Pick a smaller model/));
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

  it('plans only what will run: the unavailable benchmark is listed apart with its reason and how to enable it, with no time', async () => {
    renderApp(createFakeApi({ 'runs:plan': () => instances, 'benchmarks:list': () => benchmarks }), '/run');
    const willRun = await screen.findByRole('list', { name: 'Benchmarks that will run' });
    expect(within(willRun).getByText('CPU throughput')).toBeTruthy();
    expect(within(willRun).queryByText('Ollama generation')).toBeNull();
    const apart = await screen.findByRole('region', { name: 'Cannot run on this machine (1)' });
    expect(within(apart).getByText('Ollama generation')).toBeTruthy();
    expect(within(apart).getByText('No Ollama answered at http://127.0.0.1:11434.')).toBeTruthy();
    expect(await within(apart).findByText('How to enable: Start Ollama, or set its endpoint in Settings.')).toBeTruthy();
    expect(within(apart).queryByText(/\d\s?s$/)).toBeNull();
  });

  it('counts only the benchmarks that run: none done at the start, the unavailable one listed apart with its reason', async () => {
    const api = createFakeApi({ 'runs:start': () => ({ runId: 5 }), 'runs:plan': () => instances });
    renderApp(api, '/run');
    await clickStart();
    act(() => api.emit({ type: 'run-started', runId: 5, instances }));
    expect(await screen.findByText('0 of 1 benchmark done · 0 %')).toBeTruthy();
    const list = screen.getByRole('list', { name: 'Benchmarks in this run' });
    expect(within(list).queryByText('Ollama generation')).toBeNull();
    const apart = screen.getByRole('region', { name: 'Cannot run on this machine (1)' });
    expect(within(apart).getByText('No Ollama answered at http://127.0.0.1:11434.')).toBeTruthy();
    act(() => api.emit({ type: 'instance-finished', runId: 5, resultId: 11, benchmarkId: 'system.cpu', status: 'passed', median: 1200, unit: 'MB/s', reason: null }));
    expect(screen.getByText(/^1 of 1 benchmark done/)).toBeTruthy();
  });

  it('never shows 100 % while the run is going, even when the estimate has run out', async () => {
    const api = createFakeApi({ 'runs:start': () => ({ runId: 5 }), 'runs:plan': () => instances });
    renderApp(api, '/run');
    await clickStart();
    act(() => {
      api.emit({ type: 'run-started', runId: 5, instances });
      api.emit({ type: 'progress', runId: 5, resultId: 11, benchmarkId: 'system.cpu', phase: 'measuring', fraction: 1, overallFraction: 1, etaMs: 0 });
    });
    const overall = await screen.findByRole('progressbar', { name: 'Overall progress' });
    expect(overall.getAttribute('aria-valuenow')).toBe('99');
    expect(screen.getByText(/^0 of 1 benchmark done · 99\s%$/).parentElement?.textContent).toMatch(/^0 of 1 benchmark done · 99\s% · finishing$/);
    act(() => {
      api.emit({ type: 'instance-finished', runId: 5, resultId: 11, benchmarkId: 'system.cpu', status: 'passed', median: 1200, unit: 'MB/s', reason: null });
      api.emit({ type: 'run-finished', runId: 5, status: 'completed' });
    });
    expect(overall.getAttribute('aria-valuenow')).toBe('100');
    expect(screen.getByText('1 of 1 benchmark done · 100 %')).toBeTruthy();
  });

  it('keeps the running benchmark in view: scrolls to each one as it starts', async () => {
    const scrolled: Array<string | null> = [];
    // jsdom has no layout: record which row the page asks to bring into view.
    Object.defineProperty(Element.prototype, 'scrollIntoView', {
      configurable: true,
      value: function (this: Element, options?: ScrollIntoViewOptions) {
        scrolled.push(`${this.querySelector('.instance-title')?.textContent ?? this.tagName} ${options?.block ?? ''}`);
      },
    });
    const two: PlannedInstance[] = [instances[0]!, { resultId: 13, benchmarkId: 'system.memory', title: 'Memory bandwidth', status: 'pending', reason: null, estimatedMs: 3000 }];
    const api = createFakeApi({ 'runs:start': () => ({ runId: 5 }), 'runs:plan': () => two });
    try {
      renderApp(api, '/run');
      await clickStart();
      act(() => {
        api.emit({ type: 'run-started', runId: 5, instances: two });
        api.emit({ type: 'instance-started', runId: 5, resultId: 11, benchmarkId: 'system.cpu' });
      });
      await waitFor(() => expect(scrolled).toEqual(['CPU throughput nearest']));
      act(() => {
        api.emit({ type: 'instance-finished', runId: 5, resultId: 11, benchmarkId: 'system.cpu', status: 'passed', median: 1200, unit: 'MB/s', reason: null });
        api.emit({ type: 'instance-started', runId: 5, resultId: 13, benchmarkId: 'system.memory' });
      });
      await waitFor(() => expect(scrolled).toEqual(['CPU throughput nearest', 'Memory bandwidth nearest']));
    } finally {
      delete (Element.prototype as { scrollIntoView?: unknown }).scrollIntoView;
    }
  });

  it('says why a finished benchmark is unstable: its spread, the rule and what to do', async () => {
    const api = createFakeApi({ 'runs:start': () => ({ runId: 5 }), 'runs:plan': () => instances });
    renderApp(api, '/run');
    await clickStart();
    act(() => {
      api.emit({ type: 'run-started', runId: 5, instances });
      for (const [index, value] of [[1, 1000], [2, 1200], [3, 1400]] as const) {
        api.emit({ type: 'sample', runId: 5, resultId: 11, benchmarkId: 'system.cpu', sample: sample(index, value) });
      }
      api.emit({ type: 'instance-finished', runId: 5, resultId: 11, benchmarkId: 'system.cpu', status: 'unstable', median: 1200, unit: 'MB/s', reason: 'CV stayed above 3.5 % after 3 repetitions' });
    });
    // stdev 200 over mean 1200: 16.7 %.
    expect(await screen.findByText(/^The run-to-run spread of 16\.7 % stayed above 3\.5 % after 3 repetitions\. Close other programs, plug in power/)).toBeTruthy();
    const legend = screen.getByLabelText('What the status words mean');
    expect(within(legend).getByText(/The repetitions disagreed by more than 3\.5 % even after extra ones/)).toBeTruthy();
  });
});
