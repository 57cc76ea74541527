import { afterEach, describe, expect, it } from 'vitest';
import { createRigmarkCore } from '../../src/core/app/create-core';
import { vendorToolTelemetry } from '../../src/core/app/telemetry';
import { createForkLauncher } from '../../src/core/bench/runner/fork-launcher';
import { detectSystem } from '../../src/core/hardware/detect-system';
import { createToolRunner } from '../../src/core/hardware/tool-runner';
import { FIXTURE_WORKER_ENTRY, fixtureDefinitions } from '../fixtures/bench/fixture-definitions';
import { makeTempDir } from '../helpers/temp-dir';
import { envWithStandIns, standInNvidiaSmiDir } from '../stand-ins';

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('GPU telemetry during a run (stand-in nvidia-smi: no GPU exists here)', () => {
  it('stores telemetry rows per instance and derives power, clocks held, energy per unit and throttle reasons', async () => {
    const env = envWithStandIns([standInNvidiaSmiDir]);
    const tmp = makeTempDir();
    const core = await createRigmarkCore({
      dataDir: tmp.dir,
      definitions: fixtureDefinitions,
      launcher: createForkLauncher({ entry: FIXTURE_WORKER_ENTRY }),
      detect: () => detectSystem({ runTool: createToolRunner({ env }) }),
      createTelemetry: vendorToolTelemetry(env),
    });
    cleanups.push(tmp.cleanup, () => core.close());
    // A slow fixture (one sample every 300 ms) so the 200 ms sampler takes several rows.
    const { runId } = await core.startRun({ benchmarkIds: ['fixture.slow'], repetitions: 4 });
    await core.waitForRun(runId);
    const detail = core.getRun(runId)!;
    expect(detail.system.gpus[0]?.name).toMatch(/RTX 4090/);
    const t = detail.results[0]?.telemetry;
    expect(t).not.toBeNull();
    expect(t!.sampleCount).toBeGreaterThanOrEqual(3);
    expect(t!.avgPowerW).toBeGreaterThan(0);
    expect(t!.clocksHeldPct).toBeGreaterThan(0);
    expect(t!.isThrottled).toBe(true);
    expect(t!.throttleReasons).toContain('sw_power_cap');
  });
});
