import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../test/helpers/temp-dir';
import { DEFAULT_WINDOW_STATE, loadWindowState, saveWindowState } from './window-state';

const SCREEN = [{ x: 0, y: 0, width: 1920, height: 1080 }];

describe('window state', () => {
  let temp: { dir: string; cleanup: () => void };
  let file: string;
  beforeEach(() => {
    temp = makeTempDir();
    file = join(temp.dir, 'window-state.json');
  });
  afterEach(() => temp.cleanup());

  it('restores what was saved', () => {
    saveWindowState(file, { x: 100, y: 50, width: 1400, height: 900, isMaximized: true });
    expect(loadWindowState(file, SCREEN)).toEqual({ x: 100, y: 50, width: 1400, height: 900, isMaximized: true });
    expect(existsSync(`${file}.${process.pid}.tmp`)).toBe(false);
  });

  it('falls back to the default for a missing, corrupt or invalid file', () => {
    expect(loadWindowState(file, SCREEN)).toEqual(DEFAULT_WINDOW_STATE);
    writeFileSync(file, '{ not json');
    expect(loadWindowState(file, SCREEN)).toEqual(DEFAULT_WINDOW_STATE);
    writeFileSync(file, JSON.stringify({ width: 'wide', height: 900, isMaximized: false }));
    expect(loadWindowState(file, SCREEN)).toEqual(DEFAULT_WINDOW_STATE);
    writeFileSync(file, JSON.stringify({ width: 1e9, height: 900, isMaximized: false }));
    expect(loadWindowState(file, SCREEN)).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('raises a size below the minimum', () => {
    writeFileSync(file, JSON.stringify({ width: 10, height: 10, isMaximized: false }));
    expect(loadWindowState(file, SCREEN)).toMatchObject({ width: 900, height: 600 });
  });

  it('drops a position that is no longer on any display', () => {
    saveWindowState(file, { x: 2500, y: 100, width: 1200, height: 800, isMaximized: false });
    expect(loadWindowState(file, SCREEN)).toEqual({ width: 1200, height: 800, isMaximized: false });
    expect(loadWindowState(file, [...SCREEN, { x: 1920, y: 0, width: 2560, height: 1440 }])).toMatchObject({ x: 2500, y: 100 });
  });

  it('writes readable JSON', () => {
    saveWindowState(file, { width: 1000, height: 700, isMaximized: false });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ width: 1000, height: 700, isMaximized: false });
  });
});
