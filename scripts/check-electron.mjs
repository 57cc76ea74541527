#!/usr/bin/env node
/**
 * First step of `npm start` / `npm run dev`: is the Electron binary there? Electron 45's npm package has no
 * install script: the binary comes from its install.js (or on the first `require('electron')`), which needs
 * GitHub, so an offline or CI install has none; without it electron-vite stops with a bare "Error: Electron uninstall" and a stack trace. This says in plain
 * words what is missing and how to get it, and exits 1; it exits 0 when the binary is there.
 *
 * It looks where electron-vite looks: ELECTRON_EXEC_PATH when set, else node_modules/electron/path.txt (written
 * by Electron's install.js once the download is unpacked), naming the executable under node_modules/electron/dist.
 *
 * Usage: node scripts/check-electron.mjs
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const isFile = (path) => existsSync(path) && statSync(path).isFile();

/** Where Electron's package is, or null when it is not installed at all. */
function electronPackageDir() {
  try {
    return dirname(createRequire(join(root, 'package.json')).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/** null when the binary is there; otherwise what is missing, in words. */
function whatIsMissing(env) {
  const execPath = env.ELECTRON_EXEC_PATH;
  if (execPath) return isFile(execPath) ? null : `ELECTRON_EXEC_PATH is set to ${execPath}, and there is no file there (unset it to use node_modules/electron).`;
  const dir = electronPackageDir();
  if (dir === null) return 'the electron package is not installed in node_modules.';
  const version = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
  const shown = (path) => relative(root, path) || path;
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return `the Electron ${version} binary was never downloaded (${shown(pathFile)} does not exist).`;
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return isFile(binary) ? null : `the Electron ${version} binary is missing: ${shown(binary)} does not exist.`;
}

function explain(missing) {
  return [
    `Rigmark's desktop app cannot start: ${missing}`,
    '',
    'To get Electron (a download from GitHub, so it needs internet access):',
    '  node node_modules/electron/install.js',
    'then run `npm start` again. Behind a mirror or proxy, see ELECTRON_MIRROR in',
    'https://www.electronjs.org/docs/latest/tutorial/installation.',
    '',
    'Without Electron, the same UI runs in your browser:',
    '  npm run build && npm run rigmark -- serve --open',
    'and the CLI works as it is: npm run rigmark -- --help',
  ].join('\n');
}

const missing = whatIsMissing(process.env);
if (missing !== null) {
  console.error(explain(missing));
  process.exitCode = 1;
}
