#!/usr/bin/env node
/**
 * Produces better-sqlite3 for the installed Electron's ABI in native/electron/better_sqlite3.node (gitignored),
 * without touching node_modules — whose Node build keeps serving `npm test` and the CLI (DESIGN.md "Native
 * modules"). The main process hands the file to better-sqlite3 as `nativeBinding` (src/main/app-paths.ts);
 * electron-builder ships it as an extra resource (electron-builder.yml).
 *
 * 1. A prebuilt binary (prebuild-install --runtime electron --target <version>), fetched into a temp folder.
 * 2. Otherwise a build from source (node-gyp against Electron's headers from electronjs.org) in a temp copy.
 * Up to date (same Electron, better-sqlite3, platform and arch): does nothing. Offline with no build: exits 1
 * with a message saying what to do; nothing else is changed.
 *
 * Usage: node scripts/electron-native.mjs [--arch x64|arm64] [--force]
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const args = process.argv.slice(2);
const arch = args.includes('--arch') ? args[args.indexOf('--arch') + 1] : process.arch;
const isForced = args.includes('--force');

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const electronVersion = readJson(require.resolve('electron/package.json')).version;
const sqliteDir = dirname(require.resolve('better-sqlite3/package.json'));
const sqliteVersion = readJson(join(sqliteDir, 'package.json')).version;
const sqliteRequire = createRequire(join(sqliteDir, 'package.json'));

const outDir = join(root, 'native', 'electron');
const outFile = join(outDir, 'better_sqlite3.node');
const infoFile = join(outDir, 'build-info.json');
const wanted = { electron: electronVersion, betterSqlite3: sqliteVersion, platform: process.platform, arch };
const label = `better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${process.platform}-${arch})`;

function isUpToDate() {
  if (isForced || !existsSync(outFile) || !existsSync(infoFile)) return false;
  try {
    return JSON.stringify(readJson(infoFile)) === JSON.stringify(wanted);
  } catch {
    return false;
  }
}

/** Lines of a tool's output that explain a failure (node-gyp puts the reason above its boilerplate footer). */
function reasonOf(output) {
  const lines = output.split('\n').map((line) => line.trim()).filter(Boolean);
  const telling = lines.filter((line) => /warn install|ERR! (configure|build) error|ERR! stack (?!at )|error:|ENOTFOUND|EAI_AGAIN/i.test(line));
  return (telling.length > 0 ? telling : lines.slice(-4)).slice(0, 5).join('\n');
}

/** Runs a Node script; resolves to null on success or the reason it failed. */
function runNode(script, scriptArgs, cwd) {
  const result = spawnSync(process.execPath, [script, ...scriptArgs], { cwd, encoding: 'utf8', timeout: 15 * 60_000 });
  if (result.status === 0) return null;
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`;
  return reasonOf(output) || `exit ${result.status}`;
}

function resolveTool(id) {
  try {
    return sqliteRequire.resolve(id);
  } catch {
    try {
      return require.resolve(id);
    } catch {
      return null;
    }
  }
}

/** prebuild-install downloads into ./build/Release of its cwd: a temp folder holding only package.json. */
function tryPrebuilt(work) {
  const bin = resolveTool('prebuild-install/bin.js');
  if (!bin) return { error: 'prebuild-install is not installed' };
  const dir = join(work, 'prebuilt');
  mkdirSync(dir);
  copyFileSync(join(sqliteDir, 'package.json'), join(dir, 'package.json'));
  const error = runNode(bin, ['--runtime', 'electron', '--target', electronVersion, '--arch', arch, '--platform', process.platform], dir);
  const file = join(dir, 'build', 'Release', 'better_sqlite3.node');
  return error === null && existsSync(file) ? { file } : { error: error ?? 'no binary was produced' };
}

/** node-gyp in a temp copy of the package (sources, binding.gyp and the bundled SQLite amalgamation). */
function tryFromSource(work) {
  const bin = resolveTool('node-gyp/bin/node-gyp.js');
  if (!bin) return { error: 'node-gyp is not installed' };
  const dir = join(work, 'source');
  // Skip the Node build output (it must not leak into this build) and any nested node_modules.
  const skip = (path) => ['build', 'node_modules'].includes(relative(sqliteDir, path).split(sep)[0]);
  cpSync(sqliteDir, dir, { recursive: true, filter: (path) => !skip(path) });
  const gypArgs = ['rebuild', '--release', '--runtime=electron', `--target=${electronVersion}`, `--arch=${arch}`, '--dist-url=https://electronjs.org/headers'];
  const error = runNode(bin, gypArgs, dir);
  const file = join(dir, 'build', 'Release', 'better_sqlite3.node');
  return error === null && existsSync(file) ? { file } : { error: error ?? 'no binary was produced' };
}

function main() {
  if (isUpToDate()) {
    console.log(`electron-native: ${label} is up to date in native/electron/`);
    return 0;
  }
  const work = mkdtempSync(join(tmpdir(), 'rigmark-electron-native-'));
  try {
    console.log(`electron-native: fetching prebuilt ${label}…`);
    const prebuilt = tryPrebuilt(work);
    const built = prebuilt.file ? prebuilt : (console.log('electron-native: no prebuilt binary; compiling from source…'), tryFromSource(work));
    if (!built.file) {
      console.error(
        [
          `electron-native: could not get ${label}.`,
          `  1. prebuilt download (prebuild-install): ${prebuilt.error.replaceAll('\n', '\n     ')}`,
          `  2. build from source (node-gyp; needs Electron's headers from electronjs.org and a C++ toolchain): ${built.error.replaceAll('\n', '\n     ')}`,
          'The desktop app needs this build: Electron has its own ABI, Node\'s better-sqlite3 does not load in it.',
          'Connect to the internet (or install a C++ toolchain) and run `node scripts/electron-native.mjs` again.',
          'Tests and the CLI are not affected: they use the Node build in node_modules, which was left untouched.',
        ].join('\n'),
      );
      return 1;
    }
    mkdirSync(outDir, { recursive: true });
    copyFileSync(built.file, outFile);
    writeFileSync(infoFile, `${JSON.stringify(wanted, null, 2)}\n`);
    console.log(`electron-native: wrote native/electron/better_sqlite3.node (${label})`);
    return 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

process.exitCode = main();
