// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ModelsView } from '../../../shared/domain/models';
import { modelsView } from '../test/compare-fixtures';
import { createFakeApi } from '../test/fake-api';
import { renderApp } from '../test/render-app';

// The renderer's only dependency is a RigmarkApi; these tests pass a fake one (test/fake-api.ts) and push model
// events through it the way core does.
afterEach(cleanup);

/** A generation that stays open until the test resolves it, like core's call that answers once the file is written. */
function pendingGeneration(): { promise: Promise<{ path: string; isReused: boolean }>; finish: () => void } {
  let finish = (): void => undefined;
  const promise = new Promise<{ path: string; isReused: boolean }>((resolve) => {
    finish = () => resolve({ path: '/home/test/.local/share/rigmark/models/tiny.gguf', isReused: false });
  });
  return { promise, finish };
}

describe('Models page', () => {
  it('lists synthetic shapes with size and state, found models with hash state or read error, and where models live', async () => {
    renderApp(createFakeApi({ 'models:list': () => modelsView }), '/models');
    const synthetic = await screen.findByRole('table', { name: 'Synthetic models' });
    const tiny = within(synthetic).getByRole('row', { name: /Tiny test shape/ });
    expect(within(tiny).getByText('1.40 MB')).toBeTruthy();
    expect(within(tiny).getByText('not generated')).toBeTruthy();
    const llama = within(synthetic).getByRole('row', { name: /Llama 2 7B Q4_0/ });
    expect(within(llama).getByText('6.74 B')).toBeTruthy();
    expect(within(llama).getByText('generated')).toBeTruthy();
    const found = screen.getByRole('table', { name: 'Models found on this disk' });
    const mistral = within(found).getByRole('row', { name: /mistral\.gguf/ });
    expect(within(mistral).getByText('Q4_K_M')).toBeTruthy();
    expect(within(mistral).getByText('not hashed yet')).toBeTruthy();
    expect(within(found).getByText(/Cannot read: not a GGUF file/)).toBeTruthy();
    expect(screen.getByText('/home/test/.local/share/rigmark/models')).toBeTruthy();
    expect(screen.getByText(/never downloads a model/)).toBeTruthy();
    expect(screen.getAllByRole('link', { name: 'Settings' })[0]?.getAttribute('href')).toBe('#/settings');
  });

  it('shows live progress from model-progress events, then the outcome from model-finished', async () => {
    const generation = pendingGeneration();
    let view: ModelsView = modelsView;
    const api = createFakeApi({ 'models:list': () => view, 'models:generate': () => generation.promise });
    renderApp(api, '/models');
    fireEvent.click(await screen.findByRole('button', { name: 'Generate Tiny test shape' }));
    expect(api.callsTo('models:generate')).toEqual([{ name: 'tiny' }]);
    act(() => api.emit({ type: 'model-progress', name: 'tiny', fraction: 0.42 }));
    const bar = await screen.findByRole('progressbar', { name: 'Generating Tiny test shape' });
    expect(bar.getAttribute('aria-valuenow')).toBe('42');
    expect(screen.getByText('Generating… 42 %')).toBeTruthy();
    view = { ...modelsView, synthetic: modelsView.synthetic.map((m) => (m.name === 'tiny' ? { ...m, isGenerated: true, path: '/home/test/.local/share/rigmark/models/tiny.gguf' } : m)) };
    act(() => api.emit({ type: 'model-finished', name: 'tiny', isOk: true, message: null }));
    await act(async () => generation.finish());
    const tiny = screen.getByRole('row', { name: /Tiny test shape/ });
    expect(await within(tiny).findByText('/home/test/.local/share/rigmark/models/tiny.gguf')).toBeTruthy();
    expect(within(tiny).getByText('generated')).toBeTruthy();
    expect(within(tiny).queryByRole('progressbar')).toBeNull();
    // A progress event that arrives after the outcome (events and the answer travel separately) changes nothing.
    act(() => api.emit({ type: 'model-progress', name: 'tiny', fraction: 0.99 }));
    expect(within(tiny).queryByRole('progressbar')).toBeNull();
  });

  it('shows why a generation failed, from the event or from the call', async () => {
    const api = createFakeApi({
      'models:list': () => modelsView,
      'models:generate': () => ({ error: { code: 'INTERNAL', message: 'ENOSPC: no space left on device' } }),
    });
    renderApp(api, '/models');
    fireEvent.click(await screen.findByRole('button', { name: 'Generate Tiny test shape' }));
    act(() => api.emit({ type: 'model-finished', name: 'tiny', isOk: false, message: 'ENOSPC: no space left on device' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.getByText('Generation failed: ENOSPC: no space left on device')).toBeTruthy();
    // It can be tried again.
    expect(screen.getByRole('button', { name: 'Generate Tiny test shape' })).toBeTruthy();
  });
});
