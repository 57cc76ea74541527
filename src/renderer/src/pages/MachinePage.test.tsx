// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeApi } from '../test/fake-api';
import { runDetail, runSummary, systemWithoutGpu } from '../test/fixtures';
import { renderApp } from '../test/render-app';

// The renderer's only dependency is a RigmarkApi; these tests pass a fake one (test/fake-api.ts) instead of core.
afterEach(cleanup);

describe('This machine page', () => {
  it('says in a sentence that no GPU was detected, the probe chain behind Details, and still shows CPU, memory and OS', async () => {
    renderApp(createFakeApi({ 'system:get': () => systemWithoutGpu }), '/machine');
    expect(await screen.findByText('No GPU detected')).toBeTruthy();
    const gpu = screen.getByRole('region', { name: 'GPU' });
    expect(within(gpu).getByText('No NVIDIA, AMD or Apple GPU was found, so Rigmark measures the CPU.')).toBeTruthy();
    const details = gpu.querySelector('details');
    expect(details?.open).toBe(false);
    expect(within(details as HTMLElement).getByText('Details')).toBeTruthy();
    expect(within(details as HTMLElement).getByText(systemWithoutGpu.gpuReason ?? '')).toBeTruthy();
    expect(screen.getByText('AMD EPYC 7B13')).toBeTruthy();
    expect(screen.getByText('8.0 GiB')).toBeTruthy();
    const backends = screen.getByRole('region', { name: 'Backends' });
    expect(within(backends).getByText('CUDA')).toBeTruthy();
    expect(within(backends).getByText('Needs an NVIDIA GPU and its driver; none was found.')).toBeTruthy();
    expect(within(backends).getByText('nvidia-smi not installed')).toBeTruthy();
  });

  it('says in words why the GPU compute tests have no WebGPU device, with the probe reason behind Details', async () => {
    const webgpu = { adapter: null, backend: null, isSoftware: false, reason: 'Dawn found none (tried vulkan, default)' };
    renderApp(createFakeApi({ 'system:get': () => ({ ...systemWithoutGpu, webgpu }) }), '/machine');
    const backends = await screen.findByRole('region', { name: 'Backends' });
    const row = within(backends).getByText('WebGPU').closest('li') as HTMLElement;
    expect(within(row).getByText('No graphics driver here offers a WebGPU device, so the GPU compute tests are left out.')).toBeTruthy();
    expect(row.querySelector('details')?.textContent).toBe('DetailsDawn found none (tried vulkan, default)');
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
    expect(within(region).getByText('Worker exited with code 134 (disk full).')).toBeTruthy();
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
    // The error code is a diagnostic: behind Details, not next to the title.
    expect(within(alert).getByText('Error code INTERNAL').closest('details')).toBeTruthy();
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
