import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Dialog, MenuItemConstructorOptions } from 'electron';
import { createApiTestCore, FIXTURE_BENCHMARK_ID } from '../../test/helpers/api-core';
import { makeTempDir } from '../../test/helpers/temp-dir';
import { asElectron, dialog } from '../../test/stand-ins/electron';
import { createDispatcher } from '../core/api/dispatch';
import type { Dispatch } from '../core/api/dispatch';
import type { RigmarkCore } from '../core/app/rigmark-core';
import { aboutDetail, buildMenuTemplate, exportLatestRun, formatForFile, importRunFromFile } from './menu';

function labels(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [item.label ?? item.role ?? item.type ?? '', ...(Array.isArray(item.submenu) ? labels(item.submenu) : [])]);
}

describe('buildMenuTemplate', () => {
  const actions = { exportLatestRun: () => undefined, importRun: () => undefined, showAbout: () => undefined };

  it('offers Import, Export and About, and developer tools only in dev', () => {
    const linux = labels(buildMenuTemplate(actions, { isMac: false, isDev: false }));
    expect(linux).toEqual(expect.arrayContaining(['Import Run…', 'Export Latest Run…', 'About Rigmark', 'quit']));
    expect(linux).not.toContain('toggleDevTools');
    expect(labels(buildMenuTemplate(actions, { isMac: false, isDev: true }))).toContain('toggleDevTools');
  });

  it('puts About in the app menu on macOS', () => {
    const [appMenu] = buildMenuTemplate(actions, { isMac: true, isDev: false });
    expect(labels([appMenu ?? {}]).slice(0, 2)).toEqual(['Rigmark', 'About Rigmark']);
  });
});

/** A real core and dispatcher for one describe block, and a temp folder for the files the dialogs pick. */
function useRealCore(): { core: RigmarkCore; dispatch: Dispatch; temp: ReturnType<typeof makeTempDir> } {
  let cleanup: () => Promise<void> = async () => undefined;
  const rig = { temp: makeTempDir() } as { core: RigmarkCore; dispatch: Dispatch; temp: ReturnType<typeof makeTempDir> };
  beforeAll(async () => {
    ({ core: rig.core, cleanup } = await createApiTestCore());
    rig.dispatch = createDispatcher(rig.core, { mode: 'desktop', version: '1', electronVersion: null });
  });
  afterAll(async () => {
    await cleanup();
    rig.temp.cleanup();
  });
  return rig;
}

describe('exportLatestRun (stand-in dialog, real core)', () => {
  const rig = useRealCore();
  const run = () => exportLatestRun({ dispatch: rig.dispatch, dialog: asElectron<Dialog>(dialog), window: null, defaultDir: rig.temp.dir });

  beforeEach(() => {
    dialog.calls.length = 0;
    dialog.nextSavePath = undefined;
  });

  it('says there is nothing to export before the first run', async () => {
    await run();
    expect(dialog.calls).toEqual([{ kind: 'message', options: expect.objectContaining({ message: expect.stringMatching(/no run to export/) }) }]);
  });

  it('writes the latest run in the format the chosen file name asks for', async () => {
    const { runId } = await rig.core.startRun({ benchmarkIds: [FIXTURE_BENCHMARK_ID] });
    await rig.core.waitForRun(runId);
    dialog.nextSavePath = join(rig.temp.dir, 'out.json');
    await run();
    expect(dialog.calls[0]).toMatchObject({ kind: 'save', options: { defaultPath: join(rig.temp.dir, `rigmark-run-${runId}.json`) } });
    expect(readFileSync(join(rig.temp.dir, 'out.json'), 'utf8')).toBe(rig.core.exportRun(runId, 'json'));
    dialog.nextSavePath = join(rig.temp.dir, 'out.csv');
    await run();
    expect(readFileSync(join(rig.temp.dir, 'out.csv'), 'utf8')).toBe(rig.core.exportRun(runId, 'csv'));
  });

  it('writes nothing when the dialog is cancelled, and reports a failed write', async () => {
    await run();
    expect(dialog.calls.map((c) => c.kind)).toEqual(['save']);
    dialog.nextSavePath = join(rig.temp.dir, 'missing-folder', 'x.md');
    await run();
    expect(dialog.calls.at(-1)).toMatchObject({ kind: 'error', options: { title: 'Export failed' } });
  });
});

describe('importRunFromFile (stand-in dialog, real core)', () => {
  const rig = useRealCore();
  const run = () => importRunFromFile({ dispatch: rig.dispatch, dialog: asElectron<Dialog>(dialog), window: null, defaultDir: rig.temp.dir });

  beforeEach(() => {
    dialog.calls.length = 0;
    dialog.nextOpenPath = undefined;
  });

  it('imports the chosen JSON export as a new run and says so', async () => {
    const { runId } = await rig.core.startRun({ benchmarkIds: [FIXTURE_BENCHMARK_ID] });
    await rig.core.waitForRun(runId);
    const file = join(rig.temp.dir, 'run.json');
    writeFileSync(file, rig.core.exportRun(runId, 'json'));
    dialog.nextOpenPath = file;
    await run();
    expect(dialog.calls[0]).toMatchObject({ kind: 'open', options: { filters: [{ extensions: ['json'] }] } });
    const newest = rig.core.listRuns({ limit: 1 })[0]!;
    expect(newest.id).not.toBe(runId);
    expect(dialog.calls.at(-1)).toMatchObject({ kind: 'message', options: { message: `Imported run ${newest.id} from ${file}.` } });
    expect(rig.core.getRun(newest.id)?.results.map((r) => r.benchmarkId)).toEqual(rig.core.getRun(runId)?.results.map((r) => r.benchmarkId));
  });

  it('does nothing when cancelled, and shows the error box for a bad or missing file', async () => {
    const before = rig.core.listRuns().length;
    await run();
    expect(dialog.calls.map((c) => c.kind)).toEqual(['open']);
    const bad = join(rig.temp.dir, 'bad.json');
    writeFileSync(bad, '{"format": "rigmark-run"');
    dialog.nextOpenPath = bad;
    await run();
    expect(dialog.calls.at(-1)).toMatchObject({ kind: 'error', options: { title: 'Import failed', content: expect.stringMatching(/not JSON/) } });
    dialog.nextOpenPath = join(rig.temp.dir, 'missing.json');
    await run();
    expect(dialog.calls.at(-1)).toMatchObject({ kind: 'error', options: { title: 'Import failed', content: expect.stringMatching(/Could not read/) } });
    expect(rig.core.listRuns()).toHaveLength(before);
  });
});

describe('formatForFile and aboutDetail', () => {
  it('maps extensions to export formats, JSON by default', () => {
    expect(['a.csv', 'a.MD', 'a.markdown', 'a.json', 'a'].map(formatForFile)).toEqual(['csv', 'md', 'md', 'json', 'json']);
  });

  it('lists every version a bug report needs', () => {
    const text = aboutDetail({ version: '0.1.0', dataDir: '/data', versions: { ...process.versions, electron: '45.5.0', chrome: '140.0' } });
    expect(text).toContain('Version 0.1.0');
    expect(text).toContain('Electron 45.5.0');
    expect(text).toContain('Chromium 140.0');
    expect(text).toContain(`Node ${process.versions.node}`);
    expect(text).toContain('Data folder: /data');
  });
});
