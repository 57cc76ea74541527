#!/usr/bin/env node
// `npm test`: typechecks, lints, builds the UI (web mode serves it to Playwright), runs the vitest suites (unit, core with real
// workers, CLI, main process with the stand-in electron module, renderer components) and the Playwright specs in
// Debian's Chromium, then prints one closing line `N passed, N failed` (CI reads that line).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const reports = join(root, 'test-results');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
const polyfill = `--import ${join(root, 'scripts/node20-polyfills.mjs')}`;
const env = {
  ...process.env,
  NODE_OPTIONS: [process.env.NODE_OPTIONS, polyfill].filter(Boolean).join(' '),
  // Dawn (webgpu) finds SwiftShader's software Vulkan adapter through this ICD, shipped with Debian's chromium.
  VK_ICD_FILENAMES: process.env.VK_ICD_FILENAMES ?? '/usr/lib/chromium/vk_swiftshader_icd.json',
};
const bin = (name) => join(root, 'node_modules/.bin', name);
const run = (cmd, args, extraEnv = {}) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...env, ...extraEnv } }).status ?? 1;

let passed = 0;
let failed = 0;

// Static checks count as tests: a type error or a broken layer boundary fails CI like a failing test.
const checks = [
  ['typecheck (main, core, cli, tests)', bin('tsc'), ['-p', 'tsconfig.node.json', '--noEmit']],
  ['typecheck (renderer)', bin('tsc'), ['-p', 'tsconfig.web.json', '--noEmit']],
  ['lint (incl. import boundaries)', bin('eslint'), ['.']],
  ['build (electron-vite)', bin('electron-vite'), ['build']],
];
for (const [name, cmd, args] of checks) {
  const ok = run(cmd, args) === 0;
  console.log(`${ok ? '✓' : '✗'} ${name}`);
  if (ok) passed += 1;
  else failed += 1;
}

const vitestJson = join(reports, 'vitest.json');
const vitestStatus = run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
if (existsSync(vitestJson)) {
  const r = JSON.parse(readFileSync(vitestJson, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  // A suite that fails to load counts no test; count it as a failure so it cannot hide.
  failed += (r.testResults ?? []).filter((s) => s.status === 'failed' && (s.assertionResults ?? []).length === 0).length;
} else if (vitestStatus !== 0) failed += 1;

if (process.env.RIGMARK_SKIP_E2E !== '1') {
  const pwJson = join(reports, 'playwright.json');
  const pwStatus = run(bin('playwright'), ['test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson });
  if (existsSync(pwJson)) {
    const s = JSON.parse(readFileSync(pwJson, 'utf8')).stats ?? {};
    passed += (s.expected ?? 0) + (s.flaky ?? 0);
    failed += (s.unexpected ?? 0);
  } else if (pwStatus !== 0) failed += 1;
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
