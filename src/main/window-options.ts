import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

/**
 * The renderer's security settings (DESIGN.md "Security"). The page gets no Node, runs in Chromium's sandbox and
 * in a JS world separate from the preload, so a script injected into it can reach nothing but the two functions
 * the preload exposes. `satisfies` keeps the literal types, so the unit test reads exact values.
 */
export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  // Dropping a file on the window would otherwise navigate to it (a file:// page we did not build).
  navigateOnDragDrop: false,
  safeDialogs: true,
  spellcheck: false,
} as const satisfies WebPreferences;

/** Saved or default window geometry, in DIPs. */
export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

export const MIN_WINDOW_SIZE = { width: 900, height: 600 } as const;

/**
 * Options for the main window. The preload path is the only web preference that varies; it is spread after
 * nothing else, so no caller can weaken the secure set.
 */
export function mainWindowOptions(preload: string, bounds: WindowBounds): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: 'Rigmark',
    backgroundColor: '#111318',
    // Shown on `ready-to-show`, so the user never sees an empty white frame.
    show: false,
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload },
  };
}
