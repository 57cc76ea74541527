import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY, DEV_CONTENT_SECURITY_POLICY, metaPolicy } from './src/shared/api/csp';

const root = import.meta.dirname;
const WORKER_ENTRY = resolve(root, 'src/core/bench/worker/entry.ts');

/**
 * Writes the one CSP (src/shared/api/transport.ts) into index.html's meta tag, replacing whatever is there or
 * adding it: the built page carries the strict policy whatever the HTML says, and only the dev server's page gets
 * the relaxed dev policy (React Fast Refresh's inline preamble and HMR's WebSocket would be blocked otherwise).
 */
export function contentSecurityPolicy(): Plugin {
  let policy = CONTENT_SECURITY_POLICY;
  return {
    name: 'rigmark:csp-meta',
    configResolved(config) {
      policy = metaPolicy(config.command === 'serve' ? DEV_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY);
    },
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        const tag = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
        const existing = /<meta\s+http-equiv=["']Content-Security-Policy["'][^>]*>/i;
        return existing.test(html) ? html.replace(existing, tag) : html.replace(/<head>/i, `<head>\n    ${tag}`);
      },
    },
  };
}

export default defineConfig({
  main: {
    build: {
      // Every `dependencies` entry stays in node_modules (native addons cannot be bundled); electron is external.
      externalizeDeps: true,
      rolldownOptions: {
        input: {
          index: resolve(root, 'src/main/index.ts'),
          // Forked by src/main/utility-launcher.ts as out/main/worker-entry.js.
          ...(existsSync(WORKER_ENTRY) ? { 'worker-entry': WORKER_ENTRY } : {}),
        },
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      rolldownOptions: {
        input: { index: resolve(root, 'src/preload/index.ts') },
        // Sandboxed preloads are evaluated as CommonJS scripts; `.cjs` because package.json says "type": "module".
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src/renderer'),
    // Relative asset URLs work both from rigmark://app/ (Electron, src/main/app-protocol.ts) and from
    // http://127.0.0.1:PORT/ (web mode).
    base: './',
    plugins: [react(), contentSecurityPolicy()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      // Web mode serves these files over loopback and Electron's rigmark:// handler reads them from disk (or
      // app.asar): smaller is faster either way.
      minify: true,
      rolldownOptions: { input: resolve(root, 'src/renderer/index.html') },
    },
  },
});
