// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeApi } from '../test/fake-api';
import { runSummary } from '../test/fixtures';
import { renderApp } from '../test/render-app';

// The renderer's only dependency is a RigmarkApi; these tests pass a fake one (test/fake-api.ts) instead of core.
afterEach(cleanup);

describe('Results page', () => {
  it('shows an empty state with a way to start when there are no runs', async () => {
    renderApp(createFakeApi({ 'runs:list': () => [] }), '/results');
    expect(await screen.findByText('No runs yet')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Start a run' }).getAttribute('href')).toBe('#/run');
  });

  it('lists runs with date, machine, suite and status, linking to the detail', async () => {
    renderApp(createFakeApi({ 'runs:list': () => [runSummary] }), '/results');
    const table = await screen.findByRole('table', { name: 'Stored runs' });
    expect(within(table).getByRole('link', { name: '#7' }).getAttribute('href')).toBe('#/results/7');
    expect(within(table).getByText('AMD EPYC 7B13 · no GPU')).toBeTruthy();
    expect(within(table).getByText('System')).toBeTruthy();
    expect(within(table).getByText('completed')).toBeTruthy();
    expect(within(table).getByText('42 s')).toBeTruthy();
    // The run status word is explained in words under the table.
    expect(within(screen.getByLabelText('What the status words mean')).getByText('Finished: every benchmark that could run here has run.')).toBeTruthy();
  });

  it('shows why a run failed as a whole, and says what a failed run means', async () => {
    const failed = { ...runSummary, status: 'failed' as const, reason: 'database locked for 30 s' };
    renderApp(createFakeApi({ 'runs:list': () => [failed] }), '/results');
    const table = await screen.findByRole('table', { name: 'Stored runs' });
    expect(within(table).getByText('Database locked for 30 s.')).toBeTruthy();
    expect(within(screen.getByLabelText('What the status words mean')).getByText(/^The run could not go on/)).toBeTruthy();
  });

  it('marks the current page in the sidebar', async () => {
    renderApp(createFakeApi(), '/results/7');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Results' }).getAttribute('aria-current')).toBe('page');
    expect(within(nav).getByRole('link', { name: 'Run' }).getAttribute('aria-current')).toBeNull();
  });
});
