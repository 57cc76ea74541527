#!/usr/bin/env node
/**
 * Produces better-sqlite3 for the installed Electron's ABI in native/electron/better_sqlite3.node (gitignored),
 * without touching node_modules — whose Node build keeps serving `npm test` and the CLI (DESIGN.md "Native
 * modules"). The main process hands the file to better-sqlite3 as `nativeBinding` (src/main/app-paths.ts);
 * electron-builder ships it as an extra resource (electron-builder.yml).
 *
 * 1. A prebuilt binary (prebuild-install --runtime electron --target <version>), fetched into a temp folder.
 * 2. Otherwise a build from source (node-gyp against Electron's headers from electronjs.org) in a temp copy.
 * Either build is accepted only if its NODE_MODULE_VERSION is Electron's (scripts/native-abi.mjs): node-gyp
 * given an inherited `npm_config_nodedir` builds for Node whatever `--target` says, so builds run with those npm
 * variables removed, and the result is checked anyway.
 * Up to date (same Electron, better-sqlite3, platform and arch, and the file really has Electron's ABI): does
 * nothing. Offline with no build: exits 1 with a message saying what to do; nothing else is changed.
 *
 * Usage: node scripts/electron-native.mjs [--arch x64|arm64] [--force]
 *        node scripts/electron-native.mjs --verify   (checks native/electron/ only: exit 0 if usable, else 1)
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkModuleAbi, electronAbi, envForElectronBuild } from './native-abi.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const args = process.argv.slice(2);
const arch = args.includes('--arch') ? args[args.indexOf('--arch') + 1] : process.arch;
const isForced = args.includes('--force');
const isVerifyOnly = args.includes('--verify');

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const electronDir = dirname(require.resolve('electron/package.json'));
const electronVersion = readJson(join(electronDir, 'package.json')).version;
const { abi: electronModuleAbi, source: abiSource } = electronAbi(electronDir);
const sqliteDir = dirname(require.resolve('better-sqlite3/package.json'));
const sqliteVersion = readJson(join(sqliteDir, 'package.json')).version;
const sqliteRequire = createRequire(join(sqliteDir, 'package.json'));

const outDir = join(root, 'native', 'electron');
const outFile = join(outDir, 'better_sqlite3.node');
const infoFile = join(outDir, 'build-info.json');
const wanted = { electron: electronVersion, abi: electronModuleAbi, betterSqlite3: sqliteVersion, platform: process.platform, arch };
const label = `better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (ABI ${electronModuleAbi}, ${process.platform}-${arch})`;

function hasMatchingInfo() {
  try {
    return JSON.stringify(readJson(infoFile)) === JSON.stringify(wanted);
  } catch {
    return false;
  }
}

/** True when native/electron/ holds this very build; says why when a file is there but cannot be used. */
function isUpToDate() {
  if (isForced || !existsSync(outFile)) return false;
  // The recorded info alone is not proof: an earlier run may have recorded a build that was really Node's.
  const check = checkModuleAbi(outFile, electronModuleAbi);
  if (!check.ok) {
    console.log(`electron-native: native/electron/better_sqlite3.node cannot load in Electron ${electronVersion}: ${check.reason}; replacing it.`);
    return false;
  }
  return hasMatchingInfo();
}

/** Accepts a produced file only if Electron can load it (its ABI); otherwise the attempt failed, and why. */
function acceptBuild(file, error) {
  if (error !== null || !existsSync(file)) return { error: error ?? 'no binary was produced' };
  const check = checkModuleAbi(file, electronModuleAbi);
  return check.ok ? { file } : { error: `the binary it produced cannot load in Electron: ${check.reason}` };
}

/** Lines of a tool's output that explain a failure (node-gyp puts the reason above its boilerplate footer). */
function reasonOf(output) {
  const lines = output.split('\n').map((line) => line.trim()).filter(Boolean);
  const telling = lines.filter((line) => /warn install|ERR! (configure|build) error|ERR! stack (?!at )|error:|ENOTFOUND|EAI_AGAIN/i.test(line));
  return (telling.length > 0 ? telling : lines.slice(-4)).slice(0, 5).join('\n');
}

/** Runs a Node script; resolves to null on success or the reason it failed. */
function runNode(script, scriptArgs, cwd) {
  // Without the npm config that names Node's headers or target (npm_config_nodedir…): this build is for Electron.
  const env = envForElectronBuild(process.env);
  const result = spawnSync(process.execPath, [script, ...scriptArgs], { cwd, env, encoding: 'utf8', timeout: 15 * 60_000 });
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
  return acceptBuild(join(dir, 'build', 'Release', 'better_sqlite3.node'), error);
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
  return acceptBuild(join(dir, 'build', 'Release', 'better_sqlite3.node'), error);
}

/** `--verify`: is native/electron/ usable as it is? Builds nothing, needs no network. */
function verify() {
  const check = checkModuleAbi(outFile, electronModuleAbi);
  if (!check.ok) {
    console.error(`electron-native: native/electron/better_sqlite3.node is not usable by Electron ${electronVersion} (ABI ${electronModuleAbi}, from ${abiSource}): ${check.reason}.`);
    console.error('Run `node scripts/electron-native.mjs` to build it.');
    return 1;
  }
  if (!hasMatchingInfo()) {
    console.error(`electron-native: native/electron/better_sqlite3.node has Electron's ABI but was not recorded as ${label}; run \`node scripts/electron-native.mjs --force\`.`);
    return 1;
  }
  console.log(`electron-native: native/electron/better_sqlite3.node is ${label}`);
  return 0;
}

function main() {
  if (isVerifyOnly) return verify();
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
