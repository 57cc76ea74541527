import { describe, expect, it } from 'vitest';
import { mainWindowOptions, MIN_WINDOW_SIZE, SECURE_WEB_PREFERENCES } from './window-options';

describe('SECURE_WEB_PREFERENCES', () => {
  it('isolates, sandboxes and denies Node to the renderer', () => {
    expect(SECURE_WEB_PREFERENCES).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
  });
});

describe('mainWindowOptions', () => {
  it('adds only the preload path to the secure preferences and starts hidden', () => {
    const options = mainWindowOptions('/app/out/preload/index.cjs', { width: 1200, height: 800 });
    expect(options.webPreferences).toEqual({ ...SECURE_WEB_PREFERENCES, preload: '/app/out/preload/index.cjs' });
    expect(options).toMatchObject({ width: 1200, height: 800, show: false, minWidth: MIN_WINDOW_SIZE.width, minHeight: MIN_WINDOW_SIZE.height });
  });
});
