import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src/core/api/dispatch';
import type { Dispatch } from '../../src/core/api/dispatch';
import { createRigmarkCore } from '../../src/core/app/create-core';
import type { RigmarkCore } from '../../src/core/app/rigmark-core';
import { vendorToolTelemetry } from '../../src/core/app/telemetry';
import { createForkLauncher } from '../../src/core/bench/runner/fork-launcher';
import { detectSystem } from '../../src/core/hardware/detect-system';
import { createToolRunner } from '../../src/core/hardware/tool-runner';
import { apiContract } from '../../src/shared/api/contract';
import type { ResultTelemetry } from '../../src/shared/domain/results';
import { FIXTURE_WORKER_ENTRY, fixtureDefinitions } from '../fixtures/bench/fixture-definitions';
import { makeTempDir } from '../helpers/temp-dir';
import { envWithStandIns, standInNvidiaSmiDir } from '../stand-ins';

describe('runs:telemetry (real core, stand-in nvidia-smi: no GPU exists here)', () => {
  let core: RigmarkCore;
  let dispatch: Dispatch;
  let resultId: number;
  let cleanupDir: () => void;

  beforeAll(async () => {
    const env = envWithStandIns([standInNvidiaSmiDir]);
    const tmp = makeTempDir();
    cleanupDir = tmp.cleanup;
    core = await createRigmarkCore({
      dataDir: tmp.dir,
      definitions: fixtureDefinitions,
      launcher: createForkLauncher({ entry: FIXTURE_WORKER_ENTRY }),
      detect: () => detectSystem({ runTool: createToolRunner({ env }) }),
      createTelemetry: vendorToolTelemetry(env),
    });
    dispatch = createDispatcher(core, { mode: 'web', version: '9.9.9', electronVersion: null, validateOutput: true });
    // A slow fixture (one sample every 300 ms) so the 200 ms sampler takes several rows, some of them power-capped.
    const { runId } = await core.startRun({ benchmarkIds: ['fixture.slow'], repetitions: 4 });
    await core.waitForRun(runId);
    resultId = core.getRun(runId)?.results[0]?.id ?? -1;
  }, 60_000);
  afterAll(async () => {
    await core.close();
    cleanupDir();
  });

  it('answers the stored rows in time order with the throttle masks decoded to reason names', async () => {
    const response = await dispatch('runs:telemetry', { resultId });
    expect(response.ok).toBe(true);
    if (!response.ok) return;
    expect(apiContract['runs:telemetry'].output.safeParse(response.value).success).toBe(true);
    const value = response.value as ResultTelemetry;
    expect(value.resultId).toBe(resultId);
    expect(value.rows.length).toBeGreaterThanOrEqual(3);
    expect(value.rows[0]).toMatchObject({ gpuIndex: 0 });
    expect(value.rows.every((r) => r.powerW !== null && r.smClockMHz !== null)).toBe(true);
    for (let i = 1; i < value.rows.length; i++) expect(value.rows[i]!.tMs).toBeGreaterThanOrEqual(value.rows[i - 1]!.tMs);
    // The stand-in reports sw_power_cap (mask 0x4) on every third line; only those instants are listed.
    expect(value.throttleReasons.length).toBeGreaterThanOrEqual(1);
    expect(value.throttleReasons.every((t) => t.reasons.join() === 'sw_power_cap')).toBe(true);
    const masked = value.rows.filter((r) => r.throttleMask === 0x4).map((r) => r.tMs);
    expect(value.throttleReasons.map((t) => t.tMs)).toEqual(masked);
    // The same reasons the result's summary reports.
    expect(core.getRun(core.listRuns()[0]!.id)?.results[0]?.telemetry?.throttleReasons).toEqual(['sw_power_cap']);
  });

  it('answers NOT_FOUND for a result that does not exist, BAD_INPUT for a bad id', async () => {
    expect(await dispatch('runs:telemetry', { resultId: 999_999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await dispatch('runs:telemetry', { resultId: 0 })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await dispatch('runs:telemetry', { resultId, extra: 1 })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });
});
