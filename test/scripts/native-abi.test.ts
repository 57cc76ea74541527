import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkModuleAbi, electronAbi, envForElectronBuild, readModuleAbi } from '../../scripts/native-abi.mjs';
import { makeTempDir } from '../helpers/temp-dir';

const root = join(import.meta.dirname, '..', '..');
/** Node's own build of better-sqlite3, as `npm install` left it (what tests and the CLI load). */
const NODE_BUILD = join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
const ELECTRON_DIR = join(root, 'node_modules', 'electron');
const NODE_ABI = Number(process.versions.modules);

/** A copy of Node's build whose registration symbol names another ABI (same length, so the file stays valid). */
function withAbi(dir: string, abi: number): string {
  const bytes = readFileSync(NODE_BUILD);
  const from = Buffer.from(`node_register_module_v${NODE_ABI}`, 'latin1');
  const to = Buffer.from(`node_register_module_v${abi}`, 'latin1');
  if (from.length !== to.length) throw new Error('test needs an ABI number of the same length');
  for (let at = bytes.indexOf(from); at !== -1; at = bytes.indexOf(from, at + 1)) to.copy(bytes, at);
  const file = join(dir, `abi-${abi}.node`);
  writeFileSync(file, bytes);
  return file;
}

describe('native-abi', () => {
  let temp: { dir: string; cleanup: () => void };
  beforeEach(() => (temp = makeTempDir('rigmark-abi-')));
  afterEach(() => temp.cleanup());

  it("reads Node's own better-sqlite3 build as this Node's NODE_MODULE_VERSION", () => {
    expect(readModuleAbi(NODE_BUILD)).toBe(NODE_ABI);
    expect(checkModuleAbi(NODE_BUILD, NODE_ABI)).toEqual({ ok: true, abi: NODE_ABI });
  });

  it("rejects Node's build where Electron's ABI is wanted, saying it is this Node's", () => {
    const { abi: electron } = electronAbi(ELECTRON_DIR);
    const check = checkModuleAbi(NODE_BUILD, electron);
    expect(check.ok).toBe(false);
    expect(check).toMatchObject({ abi: NODE_ABI, reason: `it is built for ABI ${NODE_ABI} (this Node ${process.version}'s), not ${electron}` });
  });

  it('reads a build for another ABI as that ABI, and accepts it only for that ABI', () => {
    const file = withAbi(temp.dir, 150);
    expect(readModuleAbi(file)).toBe(150);
    expect(checkModuleAbi(file, 150).ok).toBe(true);
    expect(checkModuleAbi(file, NODE_ABI)).toMatchObject({ ok: false, reason: `it is built for ABI 150, not ${NODE_ABI}` });
  });

  it('rejects a file that is no Node addon, and a missing file', () => {
    const text = join(temp.dir, 'better_sqlite3.node');
    writeFileSync(text, 'not an addon');
    expect(readModuleAbi(text)).toBeNull();
    expect(checkModuleAbi(text, 150)).toMatchObject({ ok: false, reason: expect.stringMatching(/no NODE_MODULE_VERSION/) });
    expect(checkModuleAbi(join(temp.dir, 'gone.node'), 150)).toMatchObject({ ok: false, reason: expect.stringMatching(/does not exist/) });
  });

  it("takes Electron's ABI from its abi_version file, and agrees with node-abi and the built-in table", () => {
    const fromFile = electronAbi(ELECTRON_DIR);
    expect(fromFile).toEqual({ abi: Number(readFileSync(join(ELECTRON_DIR, 'abi_version'), 'utf8')), source: 'electron/abi_version' });
    // The installed Electron's package.json without abi_version: inside the repo node-abi resolves; outside it
    // does not, and the table answers.
    const inRepo = mkdtempSync(join(root, '.tmp-abi-'));
    try {
      copyFileSync(join(ELECTRON_DIR, 'package.json'), join(inRepo, 'package.json'));
      expect(electronAbi(inRepo)).toEqual({ abi: fromFile.abi, source: 'node-abi' });
    } finally {
      rmSync(inRepo, { recursive: true, force: true });
    }
    copyFileSync(join(ELECTRON_DIR, 'package.json'), join(temp.dir, 'package.json'));
    expect(electronAbi(temp.dir)).toEqual({ abi: fromFile.abi, source: 'built-in table' });
  });

  it('refuses to guess the ABI of an Electron nobody here knows', () => {
    writeFileSync(join(temp.dir, 'package.json'), JSON.stringify({ name: 'electron', version: '99.0.0' }));
    expect(() => electronAbi(temp.dir)).toThrow(/ABI of Electron 99\.0\.0 is unknown/);
  });

  it('drops the npm config that points a build at Node, in any case, and keeps the rest', () => {
    const env = envForElectronBuild({
      PATH: '/usr/bin',
      npm_config_nodedir: '/usr/include/node',
      NPM_CONFIG_TARGET: '20.19.0',
      npm_config_runtime: 'node',
      npm_config_disturl: 'https://nodejs.org/dist',
      npm_config_proxy: 'http://proxy:3128',
      npm_config_cache: '/home/u/.npm',
    });
    expect(env).toEqual({ PATH: '/usr/bin', npm_config_proxy: 'http://proxy:3128', npm_config_cache: '/home/u/.npm' });
  });
});
