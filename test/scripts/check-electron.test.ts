import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/temp-dir';

const root = join(import.meta.dirname, '..', '..');
const SCRIPT = join(root, 'scripts', 'check-electron.mjs');
const isBinaryAbsent = !existsSync(join(root, 'node_modules', 'electron', 'path.txt'));

/** `npm start`'s first step, as npm runs it, with only ELECTRON_EXEC_PATH under the test's control. */
function check(execPath?: string): ReturnType<typeof spawnSync> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env['ELECTRON_EXEC_PATH'];
  if (execPath !== undefined) env['ELECTRON_EXEC_PATH'] = execPath;
  return spawnSync(process.execPath, [SCRIPT], { cwd: root, encoding: 'utf8', env });
}

/** A Node stack trace line (`    at fn (file:1:2)`), which a user should never be shown for a missing download. */
const STACK_LINE = /^\s+at .+[:(]/m;

describe('scripts/check-electron.mjs (real child process, this checkout)', () => {
  let temp: { dir: string; cleanup: () => void };
  beforeEach(() => (temp = makeTempDir('rigmark-check-electron-')));
  afterEach(() => temp.cleanup());

  // Where Electron was downloaded this cannot be shown; the ELECTRON_EXEC_PATH case below covers the message.
  it.skipIf(!isBinaryAbsent)('says plainly that the Electron binary was never downloaded, how to get it, and exits 1 without a stack trace', () => {
    const result = check();
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^Rigmark's desktop app cannot start: the Electron \d+\.\d+\.\d+ binary was never downloaded \(node_modules\/electron\/path\.txt does not exist\)\./);
    expect(result.stderr).toContain('node node_modules/electron/install.js');
    expect(result.stderr).toContain('npm run rigmark -- serve');
    expect(result.stderr).not.toMatch(STACK_LINE);
    expect(result.stderr).not.toMatch(/Error:/);
  });

  it.skipIf(!isBinaryAbsent)('makes `npm start` and `npm run dev` stop with that message, before anything else runs', () => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env['ELECTRON_EXEC_PATH'];
    const result = spawnSync('npm', ['start'], { cwd: root, encoding: 'utf8', env });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("Rigmark's desktop app cannot start");
    expect(`${result.stdout}${result.stderr}`).not.toMatch(/Electron uninstall|electron-native:/);
    expect(result.stderr).not.toMatch(STACK_LINE);
    const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts['dev']).toMatch(/^node scripts\/check-electron\.mjs && /);
  });

  it('names an ELECTRON_EXEC_PATH that points at nothing', () => {
    const missing = join(temp.dir, 'electron');
    const result = check(missing);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`ELECTRON_EXEC_PATH is set to ${missing}, and there is no file there`);
    expect(result.stderr).not.toMatch(STACK_LINE);
  });

  it('passes silently when the binary is there', () => {
    const binary = join(temp.dir, 'electron');
    writeFileSync(binary, '');
    const result = check(binary);
    expect([result.status, result.stdout, result.stderr]).toEqual([0, '', '']);
  });
});
