import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRigmarkCore } from '../../src/core/app/create-core';
import type { RunRecorderOptions } from '../../src/core/bench/runner/run-recorder';
import { createForkLauncher } from '../../src/core/bench/runner/fork-launcher';
import { detectSystem } from '../../src/core/hardware/detect-system';
import type { CoreEvent } from '../../src/shared/domain/events';
import type { SystemSnapshot } from '../../src/shared/domain/system';
import { FIXTURE_WORKER_ENTRY, fixtureDefinitions } from '../fixtures/bench/fixture-definitions';
import { makeTempDir } from '../helpers/temp-dir';

const HOLD_LOCK = fileURLToPath(new URL('../helpers/hold-db-lock.mjs', import.meta.url));

let snapshot: SystemSnapshot;
beforeAll(async () => {
  snapshot = await detectSystem();
});

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function openCore(recorder: RunRecorderOptions) {
  const tmp = makeTempDir();
  const core = await createRigmarkCore({
    dataDir: tmp.dir,
    definitions: fixtureDefinitions,
    launcher: createForkLauncher({ entry: FIXTURE_WORKER_ENTRY }),
    detect: async () => snapshot,
    recorder,
  });
  const events: CoreEvent[] = [];
  core.onEvent((e) => events.push(e));
  cleanups.push(tmp.cleanup, () => core.close());
  return { core, events, dbFile: join(tmp.dir, 'rigmark.db'), scratch: join(tmp.dir, 'scratch') };
}

/** Another process holding `BEGIN EXCLUSIVE` on the database for `ms`; resolves once the lock is held. */
function holdLock(dbFile: string, ms: number): Promise<{ child: ChildProcess; released: Promise<void> }> {
  const child = spawn(process.execPath, [HOLD_LOCK, dbFile, String(ms)], { stdio: ['ignore', 'pipe', 'inherit'] });
  cleanups.push(() => void child.kill());
  const released = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('locked')) resolve({ child, released });
    });
    child.once('error', reject);
  });
}

function firstSample(events: CoreEvent[]): Promise<void> {
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      if (events.some((e) => e.type === 'sample')) {
        clearInterval(timer);
        resolve();
      }
    }, 20);
  });
}

function readDb(dbFile: string) {
  const db = new Database(dbFile, { readonly: true });
  try {
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      runs: db.prepare('SELECT id, status, reason FROM runs ORDER BY id').all() as { id: number; status: string; reason: string | null }[],
      results: db.prepare('SELECT benchmark_id, status, reason FROM results ORDER BY id').all() as { benchmark_id: string; status: string; reason: string | null }[],
      samples: (db.prepare('SELECT COUNT(*) AS n FROM samples').get() as { n: number }).n,
    };
  } finally {
    db.close();
  }
}

describe('a run while another program locks the database', () => {
  it('waits out a lock shorter than the limit: every sample taken during it lands once it is released', async () => {
    const { core, events, dbFile } = await openCore({ outageLimitMs: 30_000, retryDelaysMs: [50, 100, 200] });
    const { runId } = await core.startRun({ benchmarkIds: ['fixture.slow'], repetitions: 12 });
    await firstSample(events);
    const lock = await holdLock(dbFile, 2000);
    const samplesAtLock = events.filter((e) => e.type === 'sample').length;
    let samplesAtRelease = 0;
    void lock.released.then(() => (samplesAtRelease = events.filter((e) => e.type === 'sample').length));
    await core.waitForRun(runId);
    await lock.released;
    const sent = events.filter((e) => e.type === 'sample').length;
    // The lock really overlapped the measuring: samples were taken while it was held.
    expect(samplesAtRelease).toBeGreaterThan(samplesAtLock);
    const after = readDb(dbFile);
    expect(after.integrity).toBe('ok');
    expect(after.samples).toBe(sent);
    expect(after.runs).toEqual([{ id: runId, status: 'completed', reason: null }]);
    expect(after.results.map((r) => r.status)).toEqual(['passed']);
    expect(events.at(-1)).toMatchObject({ type: 'run-finished', status: 'completed', unsavedWrites: 0 });
  }, 60_000);

  it('a lock past the limit ends the run failed with the reason, stops the worker, and the next run starts', async () => {
    const { core, events, dbFile, scratch } = await openCore({ outageLimitMs: 1000, retryDelaysMs: [50, 100, 200] });
    // Catalogue order: slow runs first, noisy after it.
    const { runId } = await core.startRun({ benchmarkIds: ['fixture.slow', 'fixture.noisy'], repetitions: 40 });
    await firstSample(events);
    const lock = await holdLock(dbFile, 3000);
    await core.waitForRun(runId);
    const finished = events.find((e) => e.type === 'run-finished');
    expect(finished).toMatchObject({ status: 'failed', reason: expect.stringMatching(/^database locked for \d+ s/) });
    // The worker was stopped long before its 40 repetitions (~12 s) and its scratch folder removed.
    expect(existsSync(scratch) ? readdirSync(scratch) : []).toEqual([]);
    await lock.released;
    await new Promise((r) => setTimeout(r, 600));
    const after = readDb(dbFile);
    expect(after.integrity).toBe('ok');
    expect(after.runs[0]).toMatchObject({ status: 'failed', reason: expect.stringMatching(/database locked/) });
    expect(after.results).toMatchObject([
      { benchmark_id: 'fixture.slow', status: 'failed', reason: expect.stringMatching(/^stopped: database locked/) },
      { benchmark_id: 'fixture.noisy', status: 'cancelled', reason: expect.stringMatching(/run stopped before it started: database locked/) },
    ]);
    expect(after.samples).toBe(events.filter((e) => e.type === 'sample').length);
    // The process kept serving: the slot is free and a new run completes.
    const next = await core.startRun({ benchmarkIds: ['fixture.steady'], repetitions: 3 });
    await core.waitForRun(next.runId);
    expect(core.getRun(next.runId)?.run.status).toBe('completed');
  }, 60_000);
});

describe('starting a run', () => {
  it('a refused start gives the slot back: the next start is not told a run is in progress', async () => {
    const { core } = await openCore({});
    await expect(core.startRun({ benchmarkIds: ['fixture.steady'], model: 'ollama:zzz:latest' })).rejects.toThrow(/Ollama has no model "zzz:latest"/);
    await expect(core.startRun({ benchmarkIds: ['no.such'] })).rejects.toThrow(/unknown benchmark/);
    const { runId } = await core.startRun({ benchmarkIds: ['fixture.steady'], repetitions: 3 });
    await core.waitForRun(runId);
    expect(core.getRun(runId)?.run.status).toBe('completed');
  }, 30_000);

  it('a run in which nothing can run is refused before any run row is written', async () => {
    const { core, dbFile } = await openCore({});
    await expect(core.startRun({ benchmarkIds: ['fixture.absent'] })).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      message: expect.stringMatching(/nothing in this run can run here.*fixture\.absent: needs a GPU — add a GPU/),
    });
    expect(readDb(dbFile).runs).toEqual([]);
  });
});
