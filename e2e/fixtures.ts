import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { createRigmarkCore } from '../src/core/app/create-core';
import type { CreateCoreOptions } from '../src/core/app/create-core';
import type { RigmarkCore } from '../src/core/app/rigmark-core';
import { vendorToolTelemetry } from '../src/core/app/telemetry';
import { detectSystem } from '../src/core/hardware/detect-system';
import type { WebGpuProbe } from '../src/shared/domain/system';
import { createToolRunner } from '../src/core/hardware/tool-runner';
import { startServer } from '../src/core/server/start-server';
import type { RunningServer } from '../src/core/server/start-server';
import { envWithStandIns, standInNvidiaSmiDir } from '../test/stand-ins';
import { addTinyReference, testSizedDefinitions } from './test-sized-suite';

/** The renderer as `npx electron-vite build` writes it; this fixture builds nothing. */
const STATIC_DIR = fileURLToPath(new URL('../out/renderer', import.meta.url));

/** Web mode as `rigmark serve` starts it, over a fresh data dir. */
export interface Rig {
  /** The address `rigmark serve` prints (`…/?token=…`). */
  url: string;
  /** `http://127.0.0.1:PORT` */
  origin: string;
  token: string;
  core: RigmarkCore;
  dataDir: string;
}

/**
 * Where the rig's GPU telemetry comes from: `host` (the default) is this machine as it is (no GPU tool here, so no
 * telemetry); `stand-in-nvidia-smi` detects the system and samples telemetry with the stand-in nvidia-smi on PATH
 * (an RTX 4090 that reports sw_power_cap on every third reading). Set per spec file with
 * `test.use({ rigTelemetry: 'stand-in-nvidia-smi' })`.
 */
export type RigTelemetry = 'host' | 'stand-in-nvidia-smi';

/**
 * Which benchmarks the rig's core knows: `catalogue` (the default) is Rigmark's own; `test-sized` is the llama.cpp
 * benchmarks with the quick suite on the tiny synthetic model, and that model's figures added as a user reference
 * file (e2e/test-sized-suite.ts), so a one-click run compares with matched figures through the real core. Set per
 * spec file with `test.use({ rigSuite: 'test-sized' })`.
 */
export type RigSuite = 'catalogue' | 'test-sized';

/**
 * What the rig's WebGPU probe answers: `host` (the default) asks this machine's Dawn in a worker, as the app does;
 * `no-adapter` answers "Dawn found none" at once, as a machine without a WebGPU driver does. A spec that asserts
 * the words for a missing adapter uses `no-adapter`: the host's answer depends on its drivers, and on a cold, busy
 * machine the real probe can pass its 15 s limit and answer "did not finish" instead. Set per spec file with
 * `test.use({ rigWebGpu: 'no-adapter' })`.
 */
export type RigWebGpu = 'host' | 'no-adapter';

interface OpenRig extends Rig {
  key: string;
  server: RunningServer;
}

const NO_ADAPTER: WebGpuProbe = { adapter: null, backend: null, isSoftware: false, reason: 'Dawn found none (tried vulkan, default)' };

function coreOptions(telemetry: RigTelemetry, webgpu: RigWebGpu): Omit<CreateCoreOptions, 'dataDir'> {
  const probe = webgpu === 'no-adapter' ? { probeWebGpu: async () => NO_ADAPTER } : {};
  if (telemetry === 'host') return webgpu === 'host' ? {} : { detect: () => detectSystem(probe) };
  const env = envWithStandIns([standInNvidiaSmiDir]);
  return { detect: () => detectSystem({ runTool: createToolRunner({ env }), ...probe }), createTelemetry: vendorToolTelemetry(env) };
}

async function openRig(key: string, telemetry: RigTelemetry, suite: RigSuite, webgpu: RigWebGpu): Promise<OpenRig> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rigmark-e2e-'));
  const definitions = suite === 'test-sized' ? { definitions: testSizedDefinitions() } : {};
  const core = await createRigmarkCore({ dataDir, ...coreOptions(telemetry, webgpu), ...definitions });
  if (suite === 'test-sized') addTinyReference(core);
  const server = await startServer({ core, staticDir: STATIC_DIR, port: 0, version: 'e2e' });
  return { key, url: server.url, origin: new URL(server.url).origin, token: server.token, core, dataDir, server };
}

async function closeRig(rig: OpenRig): Promise<void> {
  await rig.server.close();
  await rig.core.close();
  rmSync(rig.dataDir, { recursive: true, force: true });
}

export const test = base.extend<
  { rig: Rig; offlineGuard: void },
  { rigTelemetry: RigTelemetry; rigSuite: RigSuite; rigWebGpu: RigWebGpu; rigPool: { forFile: (file: string) => Promise<Rig> } }
>({
  // Worker-scoped so the pool can read it; `test.use` at a file's top level gives that file its own worker.
  rigTelemetry: ['host', { scope: 'worker', option: true }],
  rigSuite: ['catalogue', { scope: 'worker', option: true }],
  rigWebGpu: ['host', { scope: 'worker', option: true }],
  // One server + core per spec file (fresh data dir), reused by that file's tests. Playwright has no file scope,
  // so the worker-scoped pool swaps the rig when the file changes.
  rigPool: [
    async ({ rigTelemetry, rigSuite, rigWebGpu }, use) => {
      let current: OpenRig | null = null;
      await use({
        forFile: async (file) => {
          const key = `${file} ${rigTelemetry} ${rigSuite} ${rigWebGpu}`;
          if (current?.key === key) return current;
          if (current !== null) await closeRig(current);
          current = await openRig(key, rigTelemetry, rigSuite, rigWebGpu);
          return current;
        },
      });
      if (current !== null) await closeRig(current);
    },
    { scope: 'worker' },
  ],
  rig: async ({ rigPool }, use, testInfo) => {
    await use(await rigPool.forFile(testInfo.file));
  },
  // Every test, automatically: the page may only talk to the rig's own origin (DESIGN.md "Offline").
  offlineGuard: [
    async ({ page, rig }, use) => {
      const foreign: string[] = [];
      page.on('request', (request) => {
        const url = request.url();
        if (url.startsWith('data:') || url.startsWith('blob:')) return;
        if (!url.startsWith(`${rig.origin}/`)) foreign.push(url);
      });
      await use();
      expect(foreign, 'requests that left 127.0.0.1').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Opens the app at an in-app path the way a user does: the printed address, then the hash. */
export async function openApp(page: Page, rig: Rig, path = '/machine'): Promise<void> {
  await page.goto(`${rig.url}#${path}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

/**
 * A finished run to look at, made through core directly (fast: one system benchmark, three repetitions); reused
 * when the file's rig already has one.
 */
export async function ensureRun(rig: Rig): Promise<number> {
  const existing = rig.core.listRuns().find((r) => r.status === 'completed');
  if (existing !== undefined) return existing.id;
  const { runId } = await rig.core.startRun({ benchmarkIds: ['system.memory'], repetitions: 3 });
  await rig.core.waitForRun(runId);
  return runId;
}

/** Where screenshots are kept (gitignored; CI keeps them as artifacts). */
export const SCREENSHOT_DIR = fileURLToPath(new URL('./artifacts/screenshots/', import.meta.url));
