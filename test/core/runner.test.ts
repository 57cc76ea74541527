import { existsSync, readdirSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRigmarkCore } from '../../src/core/app/create-core';
import type { RigmarkCore } from '../../src/core/app/rigmark-core';
import { createForkLauncher } from '../../src/core/bench/runner/fork-launcher';
import type { WorkerLauncher } from '../../src/core/bench/runner/worker-launcher';
import { detectSystem } from '../../src/core/hardware/detect-system';
import type { CoreEvent } from '../../src/shared/domain/events';
import type { SystemSnapshot } from '../../src/shared/domain/system';
import { FIXTURE_WORKER_ENTRY, fixtureDefinitions } from '../fixtures/bench/fixture-definitions';
import { makeTempDir } from '../helpers/temp-dir';

let snapshot: SystemSnapshot;
beforeAll(async () => {
  snapshot = await detectSystem();
});

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function openCore(launcher: WorkerLauncher = createForkLauncher({ entry: FIXTURE_WORKER_ENTRY })) {
  const tmp = makeTempDir();
  const core = await createRigmarkCore({ dataDir: tmp.dir, definitions: fixtureDefinitions, launcher, detect: async () => snapshot });
  const events: CoreEvent[] = [];
  core.onEvent((e) => events.push(e));
  cleanups.push(tmp.cleanup, () => core.close());
  return { core, events, dir: tmp.dir };
}

async function runToEnd(core: RigmarkCore, benchmarkIds: string[], repetitions = 3) {
  const { runId } = await core.startRun({ benchmarkIds, repetitions });
  await core.waitForRun(runId);
  const detail = core.getRun(runId);
  if (!detail) throw new Error('run not stored');
  return detail;
}

describe('benchmark runner with real worker processes', () => {
  it('stores warm-ups flagged, counted samples, stats recomputed from them, and the identity', async () => {
    const { core, events } = await openCore();
    const detail = await runToEnd(core, ['fixture.steady'], 3);
    const r = detail.results[0]!;
    expect(r.status).toBe('passed');
    expect(r.samples.filter((s) => s.isWarmup)).toHaveLength(1);
    expect(r.stats.count).toBe(3);
    expect(r.stats.median).toBeGreaterThanOrEqual(100);
    expect(r.metrics.secondary?.unit).toBe('things/s');
    expect(r.identity).toEqual({ engine: 'fixture', size: 1 });
    expect(r.identityHash).toMatch(/^[0-9a-f]{16}$/);
    expect(detail.run.status).toBe('completed');
    expect(detail.system.cpu.threads).toBeGreaterThan(0);
    expect(events.map((e) => e.type)).toContain('sample');
    expect(events.at(-1)).toMatchObject({ type: 'run-finished', status: 'completed' });
  });

  it('a worker that aborts is failed with the reason, keeps its samples, and the run goes on', async () => {
    const { core, dir } = await openCore();
    const detail = await runToEnd(core, ['fixture.crash', 'fixture.steady']);
    const crashed = detail.results.find((r) => r.benchmarkId === 'fixture.crash');
    const next = detail.results.find((r) => r.benchmarkId === 'fixture.steady');
    expect(crashed?.status).toBe('failed');
    expect(crashed?.reason).toMatch(/killed by SIGABRT|exited with code/);
    expect(crashed?.samples.length).toBe(2);
    expect(next?.status).toBe('passed');
    const db = new Database(`${dir}/rigmark.db`, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('a worker killed with SIGKILL mid-run is failed and the next instance runs', async () => {
    let victim: number | undefined;
    const base = createForkLauncher({ entry: FIXTURE_WORKER_ENTRY });
    const launcher: WorkerLauncher = {
      launch() {
        const handle = base.launch();
        victim ??= handle.pid;
        return handle;
      },
    };
    const { core, events } = await openCore(launcher);
    // Catalogue order runs fixture.slow first: it is the victim.
    const { runId } = await core.startRun({ benchmarkIds: ['fixture.slow', 'fixture.noisy'], repetitions: 5 });
    await new Promise<void>((resolve) => {
      const off = core.onEvent((e) => {
        if (e.type === 'sample' && !e.sample.isWarmup) {
          off();
          process.kill(victim!, 'SIGKILL');
          resolve();
        }
      });
    });
    await core.waitForRun(runId);
    const detail = core.getRun(runId)!;
    expect(detail.results[0]?.status).toBe('failed');
    expect(detail.results[0]?.reason).toMatch(/SIGKILL/);
    expect(detail.results[0]?.samples.length).toBeGreaterThanOrEqual(2);
    expect(detail.results[0]?.benchmarkId).toBe('fixture.slow');
    expect(detail.results[1]?.samples.length).toBeGreaterThan(0);
    expect(events.filter((e) => e.type === 'instance-finished')).toHaveLength(2);
  });

  it('a hanging worker times out, is killed, and its scratch folder is removed', async () => {
    const { core, dir } = await openCore();
    const detail = await runToEnd(core, ['fixture.hang']);
    expect(detail.results[0]?.status).toBe('failed');
    expect(detail.results[0]?.reason).toMatch(/timed out/);
    expect(existsSync(`${dir}/scratch`) ? readdirSync(`${dir}/scratch`) : []).toEqual([]);
  });

  it('unavailable benchmarks are recorded with the reason and never started; a thrown error fails', async () => {
    const { core } = await openCore();
    const detail = await runToEnd(core, ['fixture.absent', 'fixture.missing', 'fixture.failing']);
    const byId = Object.fromEntries(detail.results.map((r) => [r.benchmarkId, r]));
    expect(byId['fixture.absent']).toMatchObject({ status: 'unavailable', reason: 'needs a GPU — add a GPU' });
    expect(byId['fixture.missing']).toMatchObject({ status: 'unavailable' });
    expect(byId['fixture.missing']?.reason).toMatch(/not installed/);
    expect(byId['fixture.failing']).toMatchObject({ status: 'failed', reason: 'result verification failed: expected 4, got 5' });
  });

  it('a noisy benchmark gets extra repetitions up to twice the plan and is marked unstable', async () => {
    const { core } = await openCore();
    const detail = await runToEnd(core, ['fixture.noisy'], 3);
    expect(detail.results[0]?.stats.count).toBe(6);
    expect(detail.results[0]?.status).toBe('unstable');
  });

  it('cancel kills the current worker, keeps its samples and skips the rest', async () => {
    const { core } = await openCore();
    const { runId } = await core.startRun({ benchmarkIds: ['fixture.slow', 'fixture.noisy'], repetitions: 10 });
    await new Promise<void>((resolve) => {
      const off = core.onEvent((e) => {
        if (e.type === 'sample') {
          off();
          resolve();
        }
      });
    });
    expect(core.cancelRun(runId)).toBe(true);
    await core.waitForRun(runId);
    const detail = core.getRun(runId)!;
    expect(detail.run.status).toBe('cancelled');
    expect(detail.results.map((r) => r.status)).toEqual(['cancelled', 'cancelled']);
    expect(detail.results[0]?.samples.length).toBeGreaterThanOrEqual(1);
  });

  it('refuses a second run while one is in progress', async () => {
    const { core } = await openCore();
    const { runId } = await core.startRun({ benchmarkIds: ['fixture.slow'], repetitions: 2 });
    await expect(core.startRun({ benchmarkIds: ['fixture.steady'] })).rejects.toThrow(/already in progress/);
    await core.waitForRun(runId);
  });

  it('starts a worker with the environment its definition asks for', async () => {
    const { core } = await openCore();
    const detail = await runToEnd(core, ['fixture.env'], 1);
    expect(detail.results[0]?.identity).toEqual({ fixtureEnv: 'set-at-start' });
  });

  it('rejects unknown benchmark ids as bad input', async () => {
    const { core } = await openCore();
    await expect(core.startRun({ benchmarkIds: ['nope.none'] })).rejects.toMatchObject({ code: 'BAD_INPUT' });
  });
});
