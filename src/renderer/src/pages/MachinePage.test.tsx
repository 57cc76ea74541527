// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeApi } from '../test/fake-api';
import { runDetail, runSummary, systemWithoutGpu } from '../test/fixtures';
import { renderApp } from '../test/render-app';

// The renderer's only dependency is a RigmarkApi; these tests pass a fake one (test/fake-api.ts) instead of core.
afterEach(cleanup);

describe('This machine page', () => {
  it('says no GPU was detected and why, and still shows CPU, memory and OS', async () => {
    renderApp(createFakeApi({ 'system:get': () => systemWithoutGpu }), '/machine');
    expect(await screen.findByText('No GPU detected')).toBeTruthy();
    expect(screen.getByText(/nvidia-smi, rocm-smi and system_profiler were not found/)).toBeTruthy();
    expect(screen.getByText('AMD EPYC 7B13')).toBeTruthy();
    expect(screen.getByText('8.0 GiB')).toBeTruthy();
    const backends = screen.getByRole('region', { name: 'Backends' });
    expect(within(backends).getByText('CUDA')).toBeTruthy();
    expect(within(backends).getByText('no NVIDIA driver')).toBeTruthy();
  });

  it('shows an empty last-result state when nothing has run', async () => {
    renderApp(createFakeApi({ 'system:get': () => systemWithoutGpu }), '/machine');
    expect(await screen.findByText('No runs yet')).toBeTruthy();
  });

  it('shows the last run with its medians and failures, linking to its detail', async () => {
    renderApp(createFakeApi({ 'system:get': () => systemWithoutGpu, 'runs:list': () => [runSummary], 'runs:get': () => runDetail }), '/machine');
    const region = await screen.findByRole('region', { name: 'Last result' });
    expect((await within(region).findByRole('link', { name: 'Run #7' })).getAttribute('href')).toBe('#/results/7');
    expect(within(region).getByText('1,235 MB/s')).toBeTruthy();
    expect(within(region).getByText('worker exited with code 134 (disk full)')).toBeTruthy();
  });

  it('starts the quick suite from its one button and goes to the Run page', async () => {
    const api = createFakeApi({ 'system:get': () => systemWithoutGpu, 'runs:start': () => ({ runId: 3 }) });
    renderApp(api, '/machine');
    fireEvent.click(await screen.findByRole('button', { name: 'Run quick benchmark' }));
    await screen.findByRole('heading', { name: 'Run', level: 1 });
    expect(api.callsTo('runs:start')).toEqual([{ suite: 'quick' }]);
  });

  it('shows the API error message when detection fails', async () => {
    renderApp(createFakeApi({ 'system:get': () => ({ error: { code: 'INTERNAL', message: 'systeminformation crashed' } }) }), '/machine');
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('systeminformation crashed')).toBeTruthy();
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
