// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeApi } from '../test/fake-api';
import { runDetail } from '../test/fixtures';
import { renderApp } from '../test/render-app';

// The renderer's only dependency is a RigmarkApi; these tests pass a fake one (test/fake-api.ts) instead of core.
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('Run detail page', () => {
  it('shows median with unit, CV and a status badge per benchmark, with the reason for failed and unavailable ones', async () => {
    renderApp(createFakeApi({ 'runs:get': () => runDetail }), '/results/7');
    const table = await screen.findByRole('table', { name: 'Results per benchmark' });
    const cpu = within(table).getByRole('row', { name: /CPU throughput/ });
    expect(within(cpu).getByText('1,235 MB/s')).toBeTruthy();
    expect(within(cpu).getByText('13.3 %')).toBeTruthy();
    expect(within(cpu).getByText('unstable')).toBeTruthy();
    const disk = within(table).getByRole('row', { name: /Disk write/ });
    expect(within(disk).getByText('failed')).toBeTruthy();
    expect(within(disk).getByText('worker exited with code 134 (disk full)')).toBeTruthy();
    const ollama = within(table).getByRole('row', { name: /Ollama generation/ });
    expect(within(ollama).getByText('unavailable')).toBeTruthy();
    expect(within(ollama).getByText('No Ollama answered at http://127.0.0.1:11434')).toBeTruthy();
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
});
