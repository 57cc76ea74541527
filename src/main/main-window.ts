import { BrowserWindow, screen } from 'electron';
import type { RendererEntry } from './app-paths';
import { preloadPath } from './app-paths';
import { mainWindowOptions } from './window-options';
import { loadWindowState, rememberWindowState } from './window-state';

/**
 * Opens the main window where it was last closed (validated against today's displays), with the secure web
 * preferences, and loads the app's page. Navigation and `window.open` guards are installed for every web
 * contents by index.ts (`web-contents-created`), before this page can run.
 */
export function openMainWindow(entry: RendererEntry, stateFile: string): BrowserWindow {
  const state = loadWindowState(stateFile, screen.getAllDisplays().map((display) => display.workArea));
  const { isMaximized, ...bounds } = state;
  const window = new BrowserWindow(mainWindowOptions(preloadPath(), bounds));
  if (isMaximized) window.maximize();
  rememberWindowState(window, stateFile);
  window.once('ready-to-show', () => window.show());
  // rigmark://app/index.html (served by app-protocol.ts) or the dev server; never a file:// URL.
  window.loadURL(entry.url).catch((error: unknown) => {
    console.error('rigmark: the page failed to load:', error);
    // ready-to-show may never come; an empty visible window beats an invisible running app.
    window.show();
  });
  return window;
}
