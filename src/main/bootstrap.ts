import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, utilityProcess } from 'electron';
import { createDispatcher } from '../core/api/dispatch';
import type { Dispatch } from '../core/api/dispatch';
import { createRigmarkCore } from '../core/app/create-core';
import type { RigmarkCore } from '../core/app/rigmark-core';
import type { RendererEntry } from './app-paths';
import { nativeBindingPath, workerEntryPath } from './app-paths';
import { serveAppProtocol } from './app-protocol';
import { forwardEvents, registerApiIpc } from './ipc';
import { openMainWindow } from './main-window';
import { aboutDetail, buildMenuTemplate, exportLatestRun, importRunFromFile } from './menu';
import { hardenSession } from './security';
import { createUtilityLauncher } from './utility-launcher';

/** The running desktop app, as index.ts holds it. */
export interface Desktop {
  core: RigmarkCore;
  dispatch: Dispatch;
  /** The main window, or null after it was closed (macOS keeps the app running). */
  window: BrowserWindow | null;
  /** Opens the main window again (macOS dock click with no window). */
  reopen(): void;
  /** Stops IPC and event forwarding and closes core (cancels a running run, closes the database). */
  dispose(): Promise<void>;
}

function openCore(): Promise<RigmarkCore> {
  const launcher = createUtilityLauncher({
    entry: workerEntryPath(),
    fork: (modulePath, args, options) => utilityProcess.fork(modulePath, args, options),
  });
  return createRigmarkCore({
    // RIGMARK_DATA_DIR wins over this (resolvePaths), as DESIGN.md "Paths" asks.
    fallbackDataDir: app.getPath('userData'),
    launcher,
    nativeBinding: nativeBindingPath({ isPackaged: app.isPackaged, appPath: app.getAppPath(), resourcesPath: process.resourcesPath }),
  });
}

function installMenu(desktop: Desktop, entry: RendererEntry): void {
  const showAbout = (): void => {
    const detail = aboutDetail({ version: app.getVersion(), dataDir: desktop.core.dataDir, versions: process.versions });
    void dialog.showMessageBox({ type: 'info', title: 'About Rigmark', message: 'Rigmark', detail });
  };
  const exportRun = (): void => {
    const deps = { dispatch: desktop.dispatch, dialog, window: desktop.window, defaultDir: app.getPath('documents') };
    exportLatestRun(deps).catch((error: unknown) => dialog.showErrorBox('Export failed', String(error)));
  };
  const importRun = (): void => {
    const deps = { dispatch: desktop.dispatch, dialog, window: desktop.window, defaultDir: app.getPath('documents') };
    importRunFromFile(deps).catch((error: unknown) => dialog.showErrorBox('Import failed', String(error)));
  };
  const template = buildMenuTemplate({ exportLatestRun: exportRun, importRun, showAbout }, { isMac: process.platform === 'darwin', isDev: entry.kind === 'dev' });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

/**
 * Everything after `app.whenReady()`: session defences, the rigmark:// protocol, core, IPC, events, menu, window — in that order, so the
 * page never runs before its guards and handlers exist. Rejects when core cannot open (newer database, missing
 * Electron build of better-sqlite3…); index.ts shows that error and quits.
 */
export async function startDesktop(entry: RendererEntry, isAppUrl: (url: string) => boolean): Promise<Desktop> {
  hardenSession(session.defaultSession, entry);
  // The built page's origin; under `npm run dev` the page comes from the dev server instead.
  if (entry.kind === 'app') serveAppProtocol(protocol, entry.rootDir);
  const core = await openCore();
  const dispatch = createDispatcher(core, { mode: 'desktop', version: app.getVersion(), electronVersion: process.versions['electron'] ?? null });
  const removeIpc = registerApiIpc(ipcMain, dispatch, isAppUrl);
  const stateFile = join(app.getPath('userData'), 'window-state.json');
  // Only windows showing our own page get events; anything else has no business seeing run data.
  const stopEvents = forwardEvents(
    (listener) => core.onEvent(listener),
    () => BrowserWindow.getAllWindows().map((w) => w.webContents).filter((contents) => isAppUrl(contents.getURL())),
  );
  const desktop: Desktop = {
    core,
    dispatch,
    window: null,
    reopen() {
      const window = openMainWindow(entry, stateFile);
      window.on('closed', () => {
        if (desktop.window === window) desktop.window = null;
      });
      desktop.window = window;
    },
    async dispose() {
      stopEvents();
      removeIpc();
      await core.close();
    },
  };
  installMenu(desktop, entry);
  desktop.reopen();
  return desktop;
}
