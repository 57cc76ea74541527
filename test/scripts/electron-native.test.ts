import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/temp-dir';

const root = join(import.meta.dirname, '..', '..');
const NODE_BUILD = join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
const NODE_ABI = process.versions.modules;
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version as string;
const electronAbi = Number(readFileSync(join(root, 'node_modules', 'electron', 'abi_version'), 'utf8'));
const sqliteVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'better-sqlite3', 'package.json'), 'utf8')).version as string;

/**
 * scripts/electron-native.mjs works relative to its own folder, so each test runs a copy of it in a temp project:
 * the real Electron package (linked), better-sqlite3's package.json only (so neither real prebuild-install nor
 * node-gyp — both need the network here — is found), and native/electron/ as a test plants it. A stand-in
 * prebuild-install can be added: it "downloads" Node's build, the mistake this script must catch.
 */
function makeProject(dir: string): { run: (args?: string[], env?: NodeJS.ProcessEnv) => ReturnType<typeof spawnSync>; outFile: string; infoFile: string } {
  mkdirSync(join(dir, 'scripts'));
  for (const file of ['electron-native.mjs', 'native-abi.mjs']) copyFileSync(join(root, 'scripts', file), join(dir, 'scripts', file));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'rigmark-copy', private: true, type: 'module' }));
  mkdirSync(join(dir, 'node_modules', 'better-sqlite3'), { recursive: true });
  copyFileSync(join(root, 'node_modules', 'better-sqlite3', 'package.json'), join(dir, 'node_modules', 'better-sqlite3', 'package.json'));
  symlinkSync(join(root, 'node_modules', 'electron'), join(dir, 'node_modules', 'electron'), 'dir');
  const outDir = join(dir, 'native', 'electron');
  mkdirSync(outDir, { recursive: true });
  return {
    outFile: join(outDir, 'better_sqlite3.node'),
    infoFile: join(outDir, 'build-info.json'),
    run: (args = [], env = {}) =>
      spawnSync(process.execPath, [join(dir, 'scripts', 'electron-native.mjs'), ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, ...env } }),
  };
}

/** What the script records for a build it accepted (build-info.json). */
const RECORDED = { electron: electronVersion, abi: electronAbi, betterSqlite3: sqliteVersion, platform: process.platform, arch: process.arch };

/** A copy of Node's build whose registration symbol names Electron's ABI: what a real Electron build carries. */
function electronAbiBuild(file: string): void {
  const bytes = readFileSync(NODE_BUILD);
  const from = Buffer.from(`node_register_module_v${NODE_ABI}`, 'latin1');
  const to = Buffer.from(`node_register_module_v${electronAbi}`, 'latin1');
  for (let at = bytes.indexOf(from); at !== -1; at = bytes.indexOf(from, at + 1)) to.copy(bytes, at);
  writeFileSync(file, bytes);
}

describe('scripts/electron-native.mjs (real child processes, a copy of the project)', () => {
  let temp: { dir: string; cleanup: () => void };
  beforeEach(() => (temp = makeTempDir('rigmark-electron-native-')));
  afterEach(() => temp.cleanup());

  it("does not call Node's build up to date, even when build-info.json records it as Electron's", () => {
    const project = makeProject(temp.dir);
    copyFileSync(NODE_BUILD, project.outFile);
    writeFileSync(project.infoFile, JSON.stringify(RECORDED));
    const result = project.run();
    expect(result.stdout).not.toMatch(/up to date/);
    expect(result.stdout).toContain(`cannot load in Electron ${electronVersion}: it is built for ABI ${NODE_ABI} (this Node ${process.version}'s), not ${electronAbi}; replacing it.`);
    // No build was possible (no prebuild-install, no node-gyp in the copy): it says so, and changes nothing.
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/could not get better-sqlite3/);
    expect(readFileSync(project.outFile).equals(readFileSync(NODE_BUILD))).toBe(true);

    const verify = project.run(['--verify']);
    expect(verify.status).toBe(1);
    expect(verify.stderr).toContain(`it is built for ABI ${NODE_ABI}`);
  });

  it("accepts a recorded build that has Electron's ABI, building nothing", () => {
    const project = makeProject(temp.dir);
    electronAbiBuild(project.outFile);
    writeFileSync(project.infoFile, JSON.stringify(RECORDED));
    const result = project.run();
    expect([result.status, result.stdout]).toEqual([0, expect.stringMatching(/is up to date in native\/electron\//)]);
    expect(project.run(['--verify']).status).toBe(0);
  });

  it("refuses a fresh build that came out as Node's, and runs the build tool without npm's Node target config", () => {
    const project = makeProject(temp.dir);
    const seenEnv = join(temp.dir, 'seen-env.json');
    // Stand-in for prebuild-install (the real one downloads from GitHub): writes Node's build where the real one
    // writes its download, and records the npm config it was given.
    const tool = join(temp.dir, 'node_modules', 'prebuild-install');
    mkdirSync(tool, { recursive: true });
    writeFileSync(join(tool, 'package.json'), JSON.stringify({ name: 'prebuild-install', version: '0.0.0-stand-in' }));
    writeFileSync(
      join(tool, 'bin.js'),
      [
        "const fs = require('node:fs');",
        "const config = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.toLowerCase().startsWith('npm_config_')));",
        `fs.writeFileSync(${JSON.stringify(seenEnv)}, JSON.stringify(config));`,
        "fs.mkdirSync('build/Release', { recursive: true });",
        `fs.copyFileSync(${JSON.stringify(NODE_BUILD)}, 'build/Release/better_sqlite3.node');`,
      ].join('\n'),
    );
    const result = project.run([], { npm_config_nodedir: '/usr/include/node', npm_config_target: process.versions.node, npm_config_runtime: 'node', npm_config_cache: '/tmp/npm-cache' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`the binary it produced cannot load in Electron: it is built for ABI ${NODE_ABI}`);
    expect(existsSync(project.outFile)).toBe(false);
    const seen = JSON.parse(readFileSync(seenEnv, 'utf8')) as Record<string, string>;
    expect(seen).toMatchObject({ npm_config_cache: '/tmp/npm-cache' });
    const names = Object.keys(seen).map((name) => name.toLowerCase());
    for (const name of ['npm_config_nodedir', 'npm_config_target', 'npm_config_runtime']) expect(names).not.toContain(name);
  });
});
