import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_WORKER_ENTRY, fixtureDefinitions } from '../../../test/fixtures/bench/fixture-definitions';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import type { RunDetail } from '../../shared/domain/results';
import type { SystemSnapshot } from '../../shared/domain/system';
import { createForkLauncher } from '../bench/runner/fork-launcher';
import { RigmarkError } from '../errors';
import { detectSystem } from '../hardware/detect-system';
import { createRigmarkCore } from './create-core';
import type { RigmarkCore } from './rigmark-core';

let snapshot: SystemSnapshot;
beforeAll(async () => {
  snapshot = await detectSystem();
});

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function openCore(): Promise<RigmarkCore> {
  const tmp = makeTempDir('rigmark-import-');
  const launcher = createForkLauncher({ entry: FIXTURE_WORKER_ENTRY });
  const core = await createRigmarkCore({ dataDir: tmp.dir, definitions: fixtureDefinitions, launcher, detect: async () => snapshot });
  cleanups.push(tmp.cleanup, () => core.close());
  return core;
}

/** A real JSON export of a finished `fixture.steady` run. */
async function exportedSteadyRun(): Promise<{ original: RunDetail; text: string }> {
  const core = await openCore();
  const { runId } = await core.startRun({ benchmarkIds: ['fixture.steady'], repetitions: 3 });
  await core.waitForRun(runId);
  const original = core.getRun(runId);
  if (!original) throw new Error('run not stored');
  return { original, text: core.exportRun(runId, 'json') };
}

/** The result minus what a new store assigns (ids). */
const comparable = (d: RunDetail) => d.results.map(({ id: _id, runId: _runId, ...rest }) => rest);

function importError(core: RigmarkCore, text: string): RigmarkError {
  try {
    core.importRun(text);
  } catch (error) {
    if (error instanceof RigmarkError) return error;
    throw error;
  }
  throw new Error('import did not fail');
}

describe('importRun (real SQLite store)', () => {
  it('round trip: an exported run imports into a fresh store with the same results, samples, identity and stats', async () => {
    const { original, text } = await exportedSteadyRun();
    expect(original.results[0]?.samples.some((s) => s.isWarmup)).toBe(true);
    const target = await openCore();
    const { runId } = target.importRun(text);
    const imported = target.getRun(runId);
    expect(imported).not.toBeNull();
    expect(comparable(imported!)).toEqual(comparable(original));
    expect(imported!.system).toEqual(original.system);
    const { id: _a, systemId: _b, ...run } = original.run;
    expect(imported!.run).toMatchObject(run);
    expect(target.listRuns()).toHaveLength(1);
  });

  it('a run exported while still running imports as interrupted', async () => {
    const { text } = await exportedSteadyRun();
    const doc = JSON.parse(text) as { detail: RunDetail };
    doc.detail.run.status = 'running';
    doc.detail.run.finishedAt = null;
    const target = await openCore();
    const { runId } = target.importRun(JSON.stringify(doc));
    expect(target.getRun(runId)?.run.status).toBe('interrupted');
  });

  it('refuses malformed input with a clear BAD_INPUT message and writes nothing', async () => {
    const { text } = await exportedSteadyRun();
    const target = await openCore();
    const doc = JSON.parse(text) as Record<string, unknown> & { detail: { results: { stats: { median: unknown } }[] } };

    expect(importError(target, '{"format": "rigmark-run",')).toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/^not JSON: /) });
    expect(importError(target, JSON.stringify({ ...doc, format: 'something-else' })).message).toMatch(/not a Rigmark run export: format is "something-else"/);
    expect(importError(target, JSON.stringify({ ...doc, formatVersion: 2 })).message).toMatch(/formatVersion 2 is newer .*formatVersion 1/);
    doc.detail.results[0]!.stats.median = 'fast';
    const wrongType = importError(target, JSON.stringify(doc));
    expect(wrongType.code).toBe('BAD_INPUT');
    expect(wrongType.message).toMatch(/detail\.results\[0\]\.stats\.median: expected number/);
    expect(importError(target, 'x'.repeat(50 * 1024 * 1024 + 1)).message).toMatch(/too large/);

    expect(target.listRuns()).toEqual([]);
  });

  it('rolls back everything when the store refuses a row part-way', async () => {
    const { text } = await exportedSteadyRun();
    const target = await openCore();
    const doc = JSON.parse(text) as { detail: RunDetail };
    // Two samples with the same index break the samples table's uniqueness after the run and result rows are written.
    const samples = doc.detail.results[0]!.samples;
    samples.push({ ...samples[0]! });
    expect(() => target.importRun(JSON.stringify(doc))).toThrow();
    expect(target.listRuns()).toEqual([]);
  });
});
