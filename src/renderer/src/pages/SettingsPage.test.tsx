// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/domain/settings';
import { createFakeApi } from '../test/fake-api';
import { renderApp } from '../test/render-app';

// The renderer's only dependency is a RigmarkApi; these tests pass a fake one (test/fake-api.ts) instead of core.
afterEach(cleanup);

describe('Settings page', () => {
  it('shows where data lives', async () => {
    renderApp(createFakeApi(), '/settings');
    expect(await screen.findByText('/home/test/.local/share/rigmark')).toBeTruthy();
  });

  it('points at a bad endpoint next to its field and saves nothing', async () => {
    const api = createFakeApi();
    renderApp(api, '/settings');
    fireEvent.change(await screen.findByLabelText('Ollama endpoint'), { target: { value: 'not a url' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect((await screen.findByLabelText('Ollama endpoint')).getAttribute('aria-invalid')).toBe('true');
    expect(api.callsTo('settings:update')).toEqual([]);
  });

  it('saves model folders one per line and the endpoints', async () => {
    const api = createFakeApi();
    renderApp(api, '/settings');
    fireEvent.change(await screen.findByLabelText('Model folders'), { target: { value: '/models\n\n /more/models ' } });
    fireEvent.change(screen.getByLabelText('Model on that endpoint'), { target: { value: 'qwen3:4b' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Saved.')).toBeTruthy();
    expect(api.callsTo('settings:update')).toEqual([
      {
        ollamaEndpoint: DEFAULT_SETTINGS.ollamaEndpoint,
        openaiEndpoint: DEFAULT_SETTINGS.openaiEndpoint,
        openaiModel: 'qwen3:4b',
        modelFolders: ['/models', '/more/models'],
      },
    ]);
  });

  it('switches the theme at once and persists it through settings:update', async () => {
    const api = createFakeApi();
    renderApp(api, '/settings');
    fireEvent.click(await screen.findByRole('button', { name: 'Switch to light theme' }));
    expect(document.documentElement.dataset.theme).toBe('light');
    expect(await screen.findByRole('button', { name: 'Switch to dark theme' })).toBeTruthy();
    expect(api.callsTo('settings:update')).toEqual([{ theme: 'light' }]);
    expect((screen.getByLabelText('Theme') as HTMLSelectElement).value).toBe('light');
  });
});
