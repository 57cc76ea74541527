/**
 * Which ABI a native addon was built for, and which one Electron needs — read from files, never by loading the
 * addon (loading a wrong-ABI build throws, and loading a right one into Node would too). Used by
 * scripts/electron-native.mjs so that a build is accepted only when it is really Electron's: a better-sqlite3
 * built by node-gyp with an inherited `npm_config_nodedir` is byte-identical to Node's and used to be reported
 * "up to date" forever. Types: native-abi.d.mts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * A classic (non-N-API) addon registers itself through `node_register_module_v<NODE_MODULE_VERSION>` (Node's
 * `NODE_MODULE_X` macro in node.h), so the number is in the binary's symbol table on ELF, Mach-O (`_`-prefixed)
 * and PE alike. N-API addons export `napi_register_module_v1` instead and carry no ABI number.
 */
const MARKER = Buffer.from('node_register_module_v', 'latin1');
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;

/** NODE_MODULE_VERSION of the addon at `file`, or null when it has none (not a classic addon) or several. */
export function readModuleAbi(file) {
  const bytes = readFileSync(file);
  const found = new Set();
  for (let at = bytes.indexOf(MARKER); at !== -1; at = bytes.indexOf(MARKER, at + MARKER.length)) {
    const start = at + MARKER.length;
    let end = start;
    while (end < bytes.length && bytes[end] >= DIGIT_0 && bytes[end] <= DIGIT_9) end += 1;
    if (end > start) found.add(Number(bytes.subarray(start, end).toString('latin1')));
  }
  return found.size === 1 ? [...found][0] : null;
}

/**
 * Fallback when neither electron/abi_version nor node-abi is installed; from node-abi 3.104's abi_registry.json
 * (the registry prebuild-install and @electron/rebuild use). Major version → NODE_MODULE_VERSION.
 */
const ELECTRON_ABI_BY_MAJOR = { 40: 143, 41: 145, 42: 146, 43: 148, 44: 149, 45: 150 };

/**
 * The NODE_MODULE_VERSION the Electron installed at `electronDir` loads, and where it was read: the
 * `abi_version` file Electron's npm package ships, else node-abi's registry, else the table above. Throws when
 * none of them knows this Electron.
 */
export function electronAbi(electronDir) {
  const abiFile = join(electronDir, 'abi_version');
  if (existsSync(abiFile)) {
    const abi = Number(readFileSync(abiFile, 'utf8').trim());
    if (Number.isInteger(abi) && abi > 0) return { abi, source: 'electron/abi_version' };
  }
  const version = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;
  try {
    const nodeAbi = createRequire(join(electronDir, 'package.json'))('node-abi');
    return { abi: Number(nodeAbi.getAbi(version, 'electron')), source: 'node-abi' };
  } catch {
    const abi = ELECTRON_ABI_BY_MAJOR[Number(version.split('.')[0])];
    if (abi === undefined) throw new Error(`the ABI of Electron ${version} is unknown here: update node-abi (npm install)`);
    return { abi, source: 'built-in table' };
  }
}

/**
 * Whether the addon at `file` is built for ABI `expected`; when not, `reason` says what it is built for in words
 * (naming this Node when that is the ABI found, the usual mistake).
 */
export function checkModuleAbi(file, expected) {
  if (!existsSync(file)) return { ok: false, reason: `${file} does not exist` };
  const abi = readModuleAbi(file);
  if (abi === expected) return { ok: true, abi };
  if (abi === null) return { ok: false, abi, reason: 'it carries no NODE_MODULE_VERSION (not a Node addon, or an N-API one)' };
  const isThisNode = String(abi) === process.versions.modules;
  return { ok: false, abi, reason: `it is built for ABI ${abi}${isThisNode ? ` (this Node ${process.version}'s)` : ''}, not ${expected}` };
}

/**
 * npm passes its config to scripts as `npm_config_*` variables, and node-gyp and prebuild-install read them as
 * defaults. These ones describe the Node a user builds for (`nodedir` = Node's headers, `target`, `runtime`,
 * `disturl`…) and would silently turn an Electron build back into a Node one; everything else (proxies, CA
 * files, caches, PATH) is kept. npm's variables may come in any case on Windows.
 */
const NODE_TARGET_CONFIG = new Set([
  'nodedir',
  'target',
  'runtime',
  'disturl',
  'dist_url',
  'arch',
  'target_arch',
  'platform',
  'target_platform',
  'build_from_source',
]);

/** A copy of `env` without the npm config variables that pick the Node a native build targets. */
export function envForElectronBuild(env) {
  const out = {};
  for (const [name, value] of Object.entries(env)) {
    const lower = name.toLowerCase();
    const isTargetConfig = lower.startsWith('npm_config_') && NODE_TARGET_CONFIG.has(lower.slice('npm_config_'.length));
    if (!isTargetConfig && value !== undefined) out[name] = value;
  }
  return out;
}
