import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeTempDir } from '../../test/helpers/temp-dir';
import type * as StandInModule from '../../test/stand-ins/electron';
import type { RigmarkApi } from '../shared/api/contract';
import { SECURE_WEB_PREFERENCES } from './window-options';

vi.mock('electron', () => import('../../test/stand-ins/electron'));

type StandIn = typeof StandInModule;

/**
 * index.ts wires everything at import time, like Electron's main entry, so each test re-imports it on a fresh
 * module graph. The mocked `electron` survives `resetModules` (vitest keeps mocks), so the stand-in's state is
 * shared: each test sets what it relies on.
 */
async function freshStandIn(): Promise<StandIn> {
  vi.resetModules();
  const electron = (await import('electron')) as unknown as StandIn;
  electron.app.quitCount = 0;
  electron.app.hasSingleInstanceLock = true;
  // A fresh process: not ready yet, no scheme registered or handled.
  electron.app.isReadyNow = false;
  electron.protocol.reset();
  return electron;
}

describe('main entry (stand-in electron, real core)', () => {
  let temp: { dir: string; cleanup: () => void };
  const savedDataDir = process.env['RIGMARK_DATA_DIR'];

  beforeEach(() => {
    temp = makeTempDir('rigmark-main-');
    process.env['RIGMARK_DATA_DIR'] = join(temp.dir, 'data');
  });
  afterEach(() => {
    if (savedDataDir === undefined) delete process.env['RIGMARK_DATA_DIR'];
    else process.env['RIGMARK_DATA_DIR'] = savedDataDir;
    temp.cleanup();
  });

  it('quits at once, opening nothing, when another instance holds the lock', async () => {
    const electron = await freshStandIn();
    electron.app.hasSingleInstanceLock = false;
    await import('./index');
    expect(electron.app.quitCount).toBe(1);
    expect(electron.app.listenerCount('web-contents-created')).toBe(0);
    expect(electron.standIn.windows).toEqual([]);
  });

  it('opens one secure window whose page reaches core through the preload, then closes core on quit', async () => {
    const electron = await freshStandIn();
    electron.app.setPath('userData', join(temp.dir, 'user'));
    electron.app.setPath('documents', temp.dir);
    // An empty app path: no native/electron build is found, so the test's Node loads Node's better-sqlite3.
    electron.app.appPath = temp.dir;
    await import('./index');
    await vi.waitFor(() => expect(electron.dialog.calls.length + electron.standIn.windows.length).toBeGreaterThan(0), { timeout: 10_000 });
    expect(electron.dialog.calls).toEqual([]);
    const [window] = electron.standIn.windows;
    if (!window) throw new Error('no window');

    expect(electron.app.isSandboxEnabled).toBe(true);
    expect(window.options['webPreferences']).toEqual({ ...SECURE_WEB_PREFERENCES, preload: expect.stringMatching(/preload[\\/]index\.cjs$/) });
    // The page comes from rigmark://app/, registered as privileged before ready and served from the renderer
    // folder (under vitest that is src/renderer, whose index.html stands in for the built one).
    expect(window.webContents.getURL()).toBe('rigmark://app/index.html');
    expect(electron.protocol.privilegedSchemes.map((s) => s.scheme)).toEqual(['rigmark']);
    const page = await electron.protocol.simulateRequest(window.webContents.getURL());
    expect([page.status, page.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
    expect((await electron.protocol.simulateRequest('rigmark://app/..%2fmain%2findex.ts')).status).toBe(404);
    expect(electron.Menu.current).not.toBeNull();
    expect(await electron.session.defaultSession.simulatePermissionRequest('media')).toBe(false);

    // Any web contents created later is guarded too (installed on web-contents-created).
    const later = new electron.standIn.FakeWebContents(electron.session.defaultSession);
    electron.app.emit('web-contents-created', {}, later);
    expect(later.simulateWindowOpen('https://evil.example/')).toBe('deny');
    expect(later.simulateNavigation('https://evil.example/')).toBe(true);

    electron.standIn.rendererFrame = { url: window.webContents.getURL(), parent: null };
    await import('../preload/index');
    const api = electron.contextBridge.exposed.get('rigmark') as RigmarkApi;
    expect(await api.call('app:info', {})).toMatchObject({ ok: true, value: { mode: 'desktop', dataDir: join(temp.dir, 'data') } });
    electron.standIn.rendererFrame = { url: 'https://evil.example/', parent: null };
    expect(await api.call('app:info', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    window.close();
    expect(existsSync(join(temp.dir, 'user', 'window-state.json'))).toBe(true);
    const quitEvent = { defaultPrevented: false, preventDefault: () => void (quitEvent.defaultPrevented = true) };
    electron.app.emit('will-quit', quitEvent);
    expect(quitEvent.defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(electron.app.quitCount).toBe(1));
    expect(electron.ipcMain.handlers.size).toBe(0);
  });
});
