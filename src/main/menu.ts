import { readFile, stat, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { BrowserWindow, Dialog, MenuItemConstructorOptions } from 'electron';
import { invoke } from '../core/api/dispatch';
import type { Dispatch } from '../core/api/dispatch';
import { MAX_RUN_IMPORT_CHARS, type ExportFormat } from '../shared/domain/export';

/** What the menu's own items do; wired in bootstrap.ts. */
export interface MenuActions {
  exportLatestRun(): void;
  importRun(): void;
  showAbout(): void;
}

/** The application menu. Standard roles for editing, zoom and windows; developer tools only under `npm run dev`. */
export function buildMenuTemplate(actions: MenuActions, options: { isMac: boolean; isDev: boolean }): MenuItemConstructorOptions[] {
  const about: MenuItemConstructorOptions = { label: 'About Rigmark', click: () => actions.showAbout() };
  const exportItem: MenuItemConstructorOptions = {
    label: 'Export Latest Run…',
    accelerator: 'CmdOrCtrl+E',
    click: () => actions.exportLatestRun(),
  };
  const importItem: MenuItemConstructorOptions = { label: 'Import Run…', accelerator: 'CmdOrCtrl+O', click: () => actions.importRun() };
  const devItems: MenuItemConstructorOptions[] = options.isDev ? [{ role: 'toggleDevTools' }, { type: 'separator' }] : [];
  const template: MenuItemConstructorOptions[] = [
    { label: 'File', submenu: [importItem, exportItem, { type: 'separator' }, options.isMac ? { role: 'close' } : { role: 'quit' }] },
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

export interface ImportDeps {
  dispatch: Dispatch;
  dialog: Pick<Dialog, 'showOpenDialog' | 'showMessageBox' | 'showErrorBox'>;
  window: BrowserWindow | null;
  /** Where the open dialog starts (the user's documents folder). */
  defaultDir: string;
  read?: (file: string) => Promise<string>;
}

async function readExportFile(file: string): Promise<string> {
  const { size } = await stat(file);
  if (size > MAX_RUN_IMPORT_CHARS) throw new Error(`the file is ${size} bytes; the limit is 50 MiB`);
  return readFile(file, 'utf8');
}

/**
 * File ▸ Import: asks for a JSON run export and stores it as a new run through the `runs:import` channel (core
 * validates it). Every failure ends in an error box, never an unhandled rejection.
 */
export async function importRunFromFile(deps: ImportDeps): Promise<void> {
  const read = deps.read ?? readExportFile;
  const options = {
    title: 'Import a Rigmark run',
    defaultPath: deps.defaultDir,
    properties: ['openFile' as const],
    filters: [{ name: 'Rigmark run export (JSON)', extensions: ['json'] }],
  };
  const choice = deps.window ? await deps.dialog.showOpenDialog(deps.window, options) : await deps.dialog.showOpenDialog(options);
  const file = choice.filePaths[0];
  if (choice.canceled || file === undefined) return;
  let content: string;
  try {
    content = await read(file);
  } catch (error) {
    return deps.dialog.showErrorBox('Import failed', `Could not read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const imported = await invoke(deps.dispatch, 'runs:import', { content });
  if (!imported.ok) return deps.dialog.showErrorBox('Import failed', `${file}: ${imported.error.message}`);
  const message = `Imported run ${imported.value.runId} from ${file}.`;
  await (deps.window ? deps.dialog.showMessageBox(deps.window, { type: 'info', message }) : deps.dialog.showMessageBox({ type: 'info', message }));
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
