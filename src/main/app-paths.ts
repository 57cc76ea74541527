import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_PAGE_URL } from './app-protocol';

/**
 * Where the page comes from: the built renderer folder served on `rigmark://app/` (app-protocol.ts), or
 * electron-vite's dev server during `npm run dev`. `url` is what the window loads and what the navigation and IPC
 * sender checks compare against.
 */
export type RendererEntry = { kind: 'app'; rootDir: string; url: string } | { kind: 'dev'; url: string };

/** Folder of the built main bundle (`out/main`); every other built file is found relative to it. */
const MAIN_DIR = dirname(fileURLToPath(import.meta.url));

/**
 * The renderer to load. electron-vite sets `ELECTRON_RENDERER_URL` only under `electron-vite dev`; a packaged app
 * never has it, and an http URL is accepted only on loopback so a stray variable cannot point the app elsewhere.
 */
export function rendererEntry(env: NodeJS.ProcessEnv = process.env, isPackaged = false): RendererEntry {
  const devUrl = env['ELECTRON_RENDERER_URL'];
  if (!isPackaged && devUrl !== undefined && isLoopbackHttp(devUrl)) return { kind: 'dev', url: devUrl };
  return { kind: 'app', rootDir: join(MAIN_DIR, '..', 'renderer'), url: APP_PAGE_URL };
}

function isLoopbackHttp(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  } catch {
    return false;
  }
}

/** The sandboxed preload, built as CommonJS (electron.vite.config.ts). */
export function preloadPath(): string {
  return join(MAIN_DIR, '..', 'preload', 'index.cjs');
}

/** The benchmark worker entry, built next to the main bundle (electron.vite.config.ts input `worker-entry`). */
export function workerEntryPath(): string {
  return join(MAIN_DIR, 'worker-entry.js');
}

/**
 * better-sqlite3 built for Electron's ABI (DESIGN.md "Native modules"). Unpackaged (`npm start`/`npm run dev`):
 * `native/electron/better_sqlite3.node`, made by scripts/electron-native.mjs so node_modules keeps Node's build
 * for tests and the CLI. Packaged: the same file shipped as an extra resource. `undefined` when absent; the store
 * then loads node_modules' build and fails with an ABI message that names the script.
 */
export function nativeBindingPath(options: { isPackaged: boolean; appPath: string; resourcesPath: string }): string | undefined {
  const file = options.isPackaged
    ? join(options.resourcesPath, 'native', 'better_sqlite3.node')
    : join(options.appPath, 'native', 'electron', 'better_sqlite3.node');
  return existsSync(file) ? file : undefined;
}
