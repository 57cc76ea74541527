// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeApi } from '../test/fake-api';
import { result, resultTelemetry71, runDetail, runDetailWithTelemetry } from '../test/fixtures';
import { renderApp } from '../test/render-app';

// The renderer's only dependency is a RigmarkApi; these tests pass a fake one (test/fake-api.ts) instead of core.
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('Run detail page', () => {
  it('labels a result measured on a software WebGPU adapter, which is never compared', async () => {
    const gpu = result({
      id: 80,
      benchmarkId: 'gpu.matmul-fp32',
      title: 'GPU matmul FP32 (WebGPU)',
      status: 'passed',
      unit: 'GFLOP/s',
      category: 'gpu-compute',
      identity: { engine: 'dawn', isSoftwareAdapter: true, adapterDescription: 'SwiftShader Device (Subzero)' },
      stats: { count: 3, median: 12.5, mean: 12.5, min: 12, max: 13, stdev: 0.5, cv: 0.04 },
    });
    renderApp(createFakeApi({ 'runs:get': () => ({ ...runDetail, results: [gpu] }) }), '/results/7');
    expect(await screen.findByText(/Measured on SwiftShader Device \(Subzero\), which runs on the CPU: never compared with GPU figures\./)).toBeTruthy();
  });

  it('shows median with unit, run-to-run spread and a status badge per benchmark, with the reason for failed and unavailable ones', async () => {
    renderApp(createFakeApi({ 'runs:get': () => runDetail }), '/results/7');
    const table = await screen.findByRole('table', { name: 'Results per benchmark' });
    const cpu = within(table).getByRole('row', { name: /CPU throughput/ });
    expect(within(cpu).getByText('1,235 MB/s')).toBeTruthy();
    expect(within(cpu).getByText('13.3 %')).toBeTruthy();
    expect(within(cpu).getByText('unstable')).toBeTruthy();
    const disk = within(table).getByRole('row', { name: /Disk write/ });
    expect(within(disk).getByText('failed')).toBeTruthy();
    expect(within(disk).getByText('Worker exited with code 134 (disk full).')).toBeTruthy();
    const ollama = within(table).getByRole('row', { name: /Ollama generation/ });
    expect(within(ollama).getByText('unavailable')).toBeTruthy();
    expect(within(ollama).getByText('No Ollama answered at http://127.0.0.1:11434.')).toBeTruthy();
  });

  it('heads the spread and sample columns in words, explaining the coefficient of variation on hover, and shows no benchmark id', async () => {
    renderApp(createFakeApi({ 'runs:get': () => runDetail }), '/results/7');
    const table = await screen.findByRole('table', { name: 'Results per benchmark' });
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['Benchmark', 'Status', 'Median', 'Run-to-run spread', 'Min – max', 'Samples']);
    expect(within(table).getByText('Run-to-run spread').getAttribute('title')).toMatch(/coefficient of variation \(CV\), the standard deviation divided by the mean/);
    const card = screen.getByRole('region', { name: 'CPU throughput' });
    expect(within(card).getByText('Run-to-run spread')).toBeTruthy();
    expect(card.querySelector('header code')).toBeNull();
    expect(card.querySelector('header')?.textContent).not.toMatch(/system\.cpu/);
  });

  it('says why a result is unstable (spread, rule, what to do) in its row and card, and what every status word on the page means', async () => {
    renderApp(createFakeApi({ 'runs:get': () => runDetail }), '/results/7');
    const table = await screen.findByRole('table', { name: 'Results per benchmark' });
    expect(within(table).getByRole('columnheader', { name: 'Run-to-run spread' })).toBeTruthy();
    const cpu = within(table).getByRole('row', { name: /CPU throughput/ });
    const rule = /^The run-to-run spread of 13\.3 % stayed above 3\.5 % after 3 repetitions\. Close other programs, plug in power if on battery, and run it again\.$/;
    // On its own full-width row, tied to the benchmark's row header for screen readers.
    const why = within(table).getByText(rule);
    expect(within(cpu).getByRole('rowheader').getAttribute('aria-describedby')).toBe(why.id);
    const card = screen.getByRole('region', { name: 'CPU throughput' });
    expect(within(card).getByText('Unstable: the median is shown, but a rerun may differ')).toBeTruthy();
    expect(within(card).getByText(rule)).toBeTruthy();
    const legend = screen.getByLabelText('What the status words mean');
    expect(within(legend).getAllByRole('term').map((t) => t.textContent)).toEqual(['unstable', 'failed', 'unavailable']);
    expect(within(legend).getByText(/^The benchmark stopped with an error before it finished/)).toBeTruthy();
    expect(within(legend).getByText(/^Could not run on this machine as it is set up/)).toBeTruthy();
  });

  it('explains a one-repetition result by its count, not by a spread of 0 %', async () => {
    const cpu = runDetail.results[0];
    if (cpu === undefined) throw new Error('fixture changed');
    const single = { ...cpu, stats: { ...cpu.stats, count: 1, cv: 0, stdev: 0 }, reason: 'only 1 measured sample' };
    renderApp(createFakeApi({ 'runs:get': () => ({ ...runDetail, results: [single] }) }), '/results/7');
    const table = await screen.findByRole('table', { name: 'Results per benchmark' });
    expect(within(table).getByText('Only 1 repetition was measured: a spread needs at least 3. Run it with 3 or more repetitions.')).toBeTruthy();
    expect(within(table).queryByText(/stayed above/)).toBeNull();
  });

  it('gives each benchmark a card with its samples chart alternative and the failure reason', async () => {
    renderApp(createFakeApi({ 'runs:get': () => runDetail }), '/results/7');
    expect(await screen.findByText('CPU throughput: 3 repetitions and 1 warm-up, median 1,235 MB/s')).toBeTruthy();
    const failedCard = screen.getByRole('region', { name: 'Disk write' });
    expect(within(failedCard).getByText('Failed:')).toBeTruthy();
  });

  it('exports through runs:export and hands the content to a download link', async () => {
    const createObjectURL = vi.fn(() => 'blob:fake');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    const api = createFakeApi({
      'runs:get': () => runDetail,
      'runs:export': ({ format }) => ({ fileName: `rigmark-run-7.${format}`, mimeType: 'text/csv', content: 'a,b\n1,2\n' }),
    });
    renderApp(api, '/results/7');
    fireEvent.click(await screen.findByRole('button', { name: 'CSV' }));
    await vi.waitFor(() => expect(clicked).toEqual(['rigmark-run-7.csv']));
    expect(api.callsTo('runs:export')).toEqual([{ runId: 7, format: 'csv' }]);
    expect(createObjectURL).toHaveBeenCalledOnce();
  });

  it('shows the API error for a run that does not exist', async () => {
    renderApp(createFakeApi({ 'runs:get': () => ({ error: { code: 'NOT_FOUND', message: 'run 99 not found' } }) }), '/results/99');
    expect(await screen.findByText('run 99 not found')).toBeTruthy();
  });

  it('shows a GPU telemetry section only under results with telemetry: figures, THROTTLED with its reasons, the timeline', async () => {
    const api = createFakeApi({ 'runs:get': () => runDetailWithTelemetry, 'runs:telemetry': () => resultTelemetry71 });
    renderApp(api, '/results/7');
    const card = await screen.findByRole('region', { name: 'CPU throughput' });
    const section = within(card).getByRole('region', { name: 'GPU telemetry' });
    expect(within(section).getByText('THROTTLED')).toBeTruthy();
    expect(within(section).getByText('sw_power_cap')).toBeTruthy();
    expect(within(section).getByText(/power limit reached/)).toBeTruthy();
    expect(within(section).getByText('402.5 W')).toBeTruthy();
    expect(within(section).getByText('67.00 °C')).toBeTruthy();
    expect(within(section).getByText('86.50 %')).toBeTruthy();
    expect(within(section).getByText('412.0 mJ')).toBeTruthy();
    // jsdom cannot draw; the chart's text alternative carries its data.
    expect(
      await within(section).findByText(
        'CPU throughput GPU telemetry: GPU 0 over 1.60 s, 9 readings; power 380.0 W to 449.1 W, SM clock 2,610 MHz to 2,745 MHz; throttled in 3 stretches (sw_power_cap)',
      ),
    ).toBeTruthy();
    expect(api.callsTo('runs:telemetry')).toEqual([{ resultId: 71 }]);
    // No section (and no call) for results without telemetry.
    expect(within(screen.getByRole('region', { name: 'Disk write' })).queryByText('GPU telemetry')).toBeNull();
  });

  it('shows the error when the telemetry timeline cannot be read', async () => {
    const api = createFakeApi({
      'runs:get': () => runDetailWithTelemetry,
      'runs:telemetry': () => ({ error: { code: 'NOT_FOUND', message: 'no result 71' } }),
    });
    renderApp(api, '/results/7');
    expect(await screen.findByText('no result 71')).toBeTruthy();
    expect(screen.getByText('THROTTLED')).toBeTruthy();
  });
});
