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

  it('refuses impossible values, naming the record and field: negative, above the unit\'s physical bound', async () => {
    const { text } = await exportedSteadyRun();
    const target = await openCore();
    const withSample = (edit: (doc: { detail: RunDetail }) => void): string => {
      const doc = JSON.parse(text) as { detail: RunDetail };
      edit(doc);
      return JSON.stringify(doc);
    };
    const negative = importError(target, withSample((d) => void (d.detail.results[0]!.samples[1]!.value = -3)));
    expect(negative.code).toBe('BAD_INPUT');
    expect(negative.message).toMatch(/detail\.results\[0\] \("fixture\.steady"\)\.samples\[1\]\.value: -3 .*is impossible/);
    const huge = withSample((d) => {
      d.detail.results[0]!.unit = 'tokens/s';
      d.detail.results[0]!.samples[1]!.value = 1e308;
    });
    expect(importError(target, huge).message).toMatch(/samples\[1\]\.value: 1e\+308 tokens\/s is above the largest plausible value, 1e\+7 tokens\/s/);
    // JSON's 1e999 parses as Infinity.
    const infinite = withSample((d) => void (d.detail.results[0]!.stats.median = 12345)).replace('"median":12345', '"median":1e999');
    expect(importError(target, infinite).message).toMatch(/detail\.results\[0\]\.stats\.median/);
    const unknownUnit = withSample((d) => {
      d.detail.results[0]!.unit = 'widgets/s';
      d.detail.results[0]!.stats.median = 2e9;
    });
    expect(importError(target, unknownUnit).message).toMatch(/stats\.median: 2e\+9 widgets\/s is above the largest plausible value, 1e\+9/);
    expect(target.listRuns()).toEqual([]);
  });

  it('refuses timestamps that are not ISO 8601, not real dates, or absurd years', async () => {
    const { text } = await exportedSteadyRun();
    const target = await openCore();
    const cases: [(d: RunDetail) => void, RegExp][] = [
      [(d) => void (d.run.startedAt = 'yesterday'), /detail\.run\.startedAt: "yesterday" is not an ISO 8601 date and time/],
      [(d) => void (d.results[0]!.samples[0]!.takenAt = '2026-02-31T10:00:00.000Z'), /samples\[0\]\.takenAt: "2026-02-31T10:00:00\.000Z" is not a real date/],
      [(d) => void (d.results[0]!.finishedAt = '+275760-09-13T00:00:00.000Z'), /results\[0\] \("fixture\.steady"\)\.finishedAt: .*not an ISO 8601/],
      [(d) => void (d.system.capturedAt = '9999-01-01T00:00:00Z'), /detail\.system\.capturedAt: .*outside the years 1970–2200/],
    ];
    for (const [edit, message] of cases) {
      const doc = JSON.parse(text) as { detail: RunDetail };
      edit(doc.detail);
      expect(importError(target, JSON.stringify(doc))).toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(message) });
    }
    expect(target.listRuns()).toEqual([]);
  });

  it('refuses strings past sane lengths (a 10 MB title), but keeps any unit up to 64 characters', async () => {
    const { text } = await exportedSteadyRun();
    const target = await openCore();
    const doc = JSON.parse(text) as { detail: RunDetail };
    doc.detail.results[0]!.title = 'T'.repeat(10 * 1024 * 1024);
    doc.detail.results[0]!.stderrTail = 'e'.repeat(20_000);
    const error = importError(target, JSON.stringify(doc));
    expect(error.message).toMatch(/detail\.results\[0\]\.title: 10485760 characters, the limit is 256/);
    expect(error.message).toMatch(/detail\.results\[0\]\.stderrTail: 20000 characters, the limit is 16384/);
    expect(error.message.length).toBeLessThan(2000);
    const longId = JSON.parse(text) as { detail: RunDetail };
    longId.detail.results[0]!.benchmarkId = 'b'.repeat(129);
    expect(importError(target, JSON.stringify(longId)).message).toMatch(/benchmarkId: 129 characters, the limit is 128/);
    expect(target.listRuns()).toEqual([]);

    const odd = JSON.parse(text) as { detail: RunDetail };
    odd.detail.results[0]!.unit = '<u><img src=x onerror=alert(1)>'.padEnd(64, '.');
    const { runId } = target.importRun(JSON.stringify(odd));
    expect(target.getRun(runId)?.results[0]?.unit).toBe(odd.detail.results[0]!.unit);
  });

  it('refuses a second import of the same export (same content, any formatting), naming the run it became', async () => {
    const { text } = await exportedSteadyRun();
    const target = await openCore();
    const { runId } = target.importRun(text);
    const reformatted = JSON.stringify(JSON.parse(text));
    expect(importError(target, reformatted)).toMatchObject({ code: 'CONFLICT', message: `this export is already stored as run ${runId} (imported before, same content): it was not imported again` });
    expect(target.listRuns().map((r) => r.id)).toEqual([runId]);
    // A different export (here: another title) is a different run and imports.
    const changed = JSON.parse(text) as { detail: RunDetail };
    changed.detail.results[0]!.title = 'another title';
    expect(target.importRun(JSON.stringify(changed)).runId).not.toBe(runId);
  });
});
