// Types for native-abi.mjs (plain ESM so that `npm start` runs it with bare Node, before anything is built).

/** NODE_MODULE_VERSION of the addon at `file`, or null when it has none (not a classic addon) or several. */
export function readModuleAbi(file: string): number | null;

/** The NODE_MODULE_VERSION the Electron installed at `electronDir` loads, and where it was read. */
export function electronAbi(electronDir: string): { abi: number; source: 'electron/abi_version' | 'node-abi' | 'built-in table' };

/** Whether the addon at `file` is built for ABI `expected`; `reason` in words when not. */
export function checkModuleAbi(
  file: string,
  expected: number,
): { ok: true; abi: number } | { ok: false; abi?: number | null; reason: string };

/** A copy of `env` without the npm config variables that pick the Node a native build targets. */
export function envForElectronBuild(env: NodeJS.ProcessEnv): Record<string, string>;
