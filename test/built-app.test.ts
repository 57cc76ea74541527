/**
 * Builds the app with `electron-vite build` into a temp folder and checks the output the way Electron will use
 * it: the preload is evaluated with the wrapper Electron gives sandboxed preloads (CommonJS, `require` limited to
 * a few modules), main has its worker entry, and the page carries the strict CSP and relative asset URLs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, Script } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, metaPolicy } from '../src/shared/api/csp';
import { makeTempDir } from './helpers/temp-dir';

describe('electron-vite build output', () => {
  const temp = makeTempDir('rigmark-build-');
  beforeAll(() => {
    const cli = join(process.cwd(), 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
    const result = spawnSync(process.execPath, [cli, 'build', '--outDir', temp.dir, '--logLevel', 'error'], { encoding: 'utf8', timeout: 300_000 });
    if (result.status !== 0) throw new Error(`electron-vite build failed:\n${result.stdout}${result.stderr}`);
  });
  afterAll(() => temp.cleanup());

  it('emits a preload that runs in a sandboxed renderer and exposes only window.rigmark', () => {
    const source = readFileSync(join(temp.dir, 'preload', 'index.cjs'), 'utf8');
    const required: string[] = [];
    const exposed = new Map<string, Record<string, unknown>>();
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.set(key, api) },
      ipcRenderer: { invoke: async () => ({ ok: true, value: null }), on: () => undefined, removeListener: () => undefined },
    };
    // Electron's sandboxed preload wrapper: a plain function, not an ES module; `require` serves `electron` here.
    const wrapper = new Script(`(function (require, process, Buffer, global, setImmediate, clearImmediate, exports, module) {\n${source}\n})`);
    const run = wrapper.runInContext(createContext({})) as (...args: unknown[]) => void;
    const module = { exports: {} };
    const sandboxRequire = (name: string): unknown => {
      required.push(name);
      if (name === 'electron') return electron;
      throw new Error(`a sandboxed preload cannot require ${name}`);
    };
    run(sandboxRequire, {}, undefined, {}, undefined, undefined, module.exports, module);
    expect(required).toEqual(['electron']);
    expect([...exposed.keys()]).toEqual(['rigmark']);
    expect(Object.keys(exposed.get('rigmark') ?? {}).sort()).toEqual(['call', 'onEvent']);
  });

  it('emits the main entry and the worker entry that utility processes fork', () => {
    expect(existsSync(join(temp.dir, 'main', 'index.js'))).toBe(true);
    expect(existsSync(join(temp.dir, 'main', 'worker-entry.js'))).toBe(true);
  });

  it('emits a page with the strict CSP and relative asset URLs', () => {
    const html = readFileSync(join(temp.dir, 'renderer', 'index.html'), 'utf8');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${metaPolicy(CONTENT_SECURITY_POLICY)}" />`);
    expect(html).toMatch(/src="\.\/assets\/[^"]+\.js"/);
  });
});
