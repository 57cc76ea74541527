import { writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { BrowserWindow, Dialog, MenuItemConstructorOptions } from 'electron';
import { invoke } from '../core/api/dispatch';
import type { Dispatch } from '../core/api/dispatch';
import type { ExportFormat } from '../shared/domain/export';

/** What the menu's own items do; wired in bootstrap.ts. */
export interface MenuActions {
  exportLatestRun(): void;
  showAbout(): void;
}

/**
 * The application menu. Standard roles for editing, zoom and windows; developer tools only under `npm run dev`.
 * There is no Import item: core has no import of a Rigmark export yet (see src/main/README.md).
 */
export function buildMenuTemplate(actions: MenuActions, options: { isMac: boolean; isDev: boolean }): MenuItemConstructorOptions[] {
  const about: MenuItemConstructorOptions = { label: 'About Rigmark', click: () => actions.showAbout() };
  const exportItem: MenuItemConstructorOptions = {
    label: 'Export Latest Run…',
    accelerator: 'CmdOrCtrl+E',
    click: () => actions.exportLatestRun(),
  };
  const devItems: MenuItemConstructorOptions[] = options.isDev ? [{ role: 'toggleDevTools' }, { type: 'separator' }] : [];
  const template: MenuItemConstructorOptions[] = [
    { label: 'File', submenu: [exportItem, { type: 'separator' }, options.isMac ? { role: 'close' } : { role: 'quit' }] },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [{ role: 'reload' }, ...devItems, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    { role: 'windowMenu' },
  ];
  if (!options.isMac) return [...template, { role: 'help', submenu: [about] }];
  const appMenu: MenuItemConstructorOptions = {
    label: 'Rigmark',
    submenu: [about, { type: 'separator' }, { role: 'services' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }],
  };
  return [appMenu, ...template];
}

/** The export format a chosen file name asks for (by extension; JSON when there is none or it is unknown). */
export function formatForFile(filePath: string): ExportFormat {
  const ext = extname(filePath).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.md' || ext === '.markdown') return 'md';
  return 'json';
}

export interface ExportDeps {
  dispatch: Dispatch;
  dialog: Pick<Dialog, 'showSaveDialog' | 'showMessageBox' | 'showErrorBox'>;
  window: BrowserWindow | null;
  /** Where the save dialog starts (the user's documents folder). */
  defaultDir: string;
  write?: (file: string, content: string) => Promise<void>;
}

/**
 * File ▸ Export: asks where to save the most recent run and writes it in the format the file name asks for
 * (JSON, CSV or Markdown), through the same `runs:list` / `runs:export` channels the UI uses. Every failure ends
 * in a dialog, never an unhandled rejection.
 */
export async function exportLatestRun(deps: ExportDeps): Promise<void> {
  const write = deps.write ?? ((file, content) => writeFile(file, content, 'utf8'));
  const box = (message: string): Promise<unknown> =>
    deps.window ? deps.dialog.showMessageBox(deps.window, { type: 'info', message }) : deps.dialog.showMessageBox({ type: 'info', message });
  const runs = await invoke(deps.dispatch, 'runs:list', { limit: 1 });
  if (!runs.ok) return deps.dialog.showErrorBox('Export failed', runs.error.message);
  const latest = runs.value[0];
  if (latest === undefined) return void (await box('There is no run to export yet: run a benchmark first.'));
  const options = {
    title: `Export run ${latest.id}`,
    defaultPath: join(deps.defaultDir, `rigmark-run-${latest.id}.json`),
    filters: [
      { name: 'JSON', extensions: ['json'] },
      { name: 'CSV', extensions: ['csv'] },
      { name: 'Markdown', extensions: ['md'] },
    ],
  };
  const choice = deps.window ? await deps.dialog.showSaveDialog(deps.window, options) : await deps.dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return;
  const exported = await invoke(deps.dispatch, 'runs:export', { runId: latest.id, format: formatForFile(choice.filePath) });
  if (!exported.ok) return deps.dialog.showErrorBox('Export failed', exported.error.message);
  try {
    await write(choice.filePath, exported.value.content);
  } catch (error) {
    deps.dialog.showErrorBox('Export failed', `Could not write ${choice.filePath}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The About box text: every version a bug report needs, and where the data lives. */
export function aboutDetail(info: { version: string; dataDir: string; versions: NodeJS.ProcessVersions }): string {
  const { versions } = info;
  return [
    `Version ${info.version}`,
    `Electron ${versions['electron'] ?? '—'}`,
    `Chromium ${versions['chrome'] ?? '—'}`,
    `Node ${versions.node}`,
    `V8 ${versions.v8}`,
    `Data folder: ${info.dataDir}`,
  ].join('\n');
}
