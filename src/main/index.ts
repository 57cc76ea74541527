/**
 * Electron main process: lifecycle wiring only. Everything else lives in the modules it calls; behaviour lives in
 * src/core. See src/main/README.md.
 */
import { app, BrowserWindow, dialog, protocol } from 'electron';
import { rendererEntry } from './app-paths';
import { registerAppScheme } from './app-protocol';
import { startDesktop } from './bootstrap';
import type { Desktop } from './bootstrap';
import { createAppUrlPolicy, hardenWebContents } from './security';

// Every renderer runs in Chromium's sandbox, whatever options a window is created with. Must precede `ready`.
app.enableSandbox();
// rigmark:// gets its privileges (standard, secure, fetch) now or never: Electron accepts them only before `ready`.
registerAppScheme(protocol);

const entry = rendererEntry(process.env, app.isPackaged);
const isAppUrl = createAppUrlPolicy(entry);

// One Rigmark at a time: the second would be another SQLite writer and another runner on the same GPU.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let desktop: Desktop | null = null;
  let isClosing = false;

  // Installed before any window exists, so every web contents — the main window's included — is guarded
  // before its first navigation.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, isAppUrl));

  app.on('second-instance', () => {
    const window = desktop?.window;
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (desktop && BrowserWindow.getAllWindows().length === 0) desktop.reopen();
  });

  // Close core (cancel a run, checkpoint SQLite) before the process goes; then quit for real.
  app.on('will-quit', (event) => {
    if (!desktop || isClosing) return;
    event.preventDefault();
    isClosing = true;
    desktop
      .dispose()
      .catch((error: unknown) => console.error('rigmark: closing core failed:', error))
      .finally(() => app.quit());
  });

  app
    .whenReady()
    .then(async () => {
      desktop = await startDesktop(entry, isAppUrl);
    })
    .catch((error: unknown) => {
      dialog.showErrorBox('Rigmark could not start', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });
}
