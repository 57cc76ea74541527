import { describe, expect, it } from 'vitest';
import { TelemetrySummarySchema } from '../../../shared/domain/results';
import type { TelemetryRow } from '../../../shared/domain/system';
import { summarizeTelemetry } from './summarize';

function row(fields: Partial<TelemetryRow>): TelemetryRow {
  return { tMs: 0, gpuIndex: 0, powerW: null, tempC: null, smClockMHz: null, memClockMHz: null, utilPct: null, memUsedMiB: null, throttleMask: null, ...fields };
}

describe('summarizeTelemetry', () => {
  it('averages power, utilisation and clocks, takes the hottest reading, and derives joules per unit', () => {
    const rows = [
      row({ tMs: 0, powerW: 300, tempC: 60, utilPct: 90, smClockMHz: 2700, throttleMask: 0 }),
      row({ tMs: 200, powerW: 400, tempC: 70, utilPct: 100, smClockMHz: 2400, throttleMask: 0x4 }),
      row({ tMs: 400, powerW: null, tempC: 65, utilPct: null, smClockMHz: 2100, throttleMask: null }),
    ];
    const summary = summarizeTelemetry(rows, { maxSmClockMHz: 3000, workUnits: 700, durationMs: 2000 });
    expect(TelemetrySummarySchema.parse(summary)).toEqual({
      sampleCount: 3,
      avgPowerW: 350,
      maxTempC: 70,
      avgUtilPct: 95,
      clocksHeldPct: 80,
      isThrottled: true,
      throttleReasons: ['sw_power_cap'],
      // 350 W × 2 s / 700 tokens
      energyPerUnitJ: 1,
    });
  });

  it('is not throttled when the only reasons are idle and application clocks', () => {
    const summary = summarizeTelemetry([row({ throttleMask: 0x1 }), row({ throttleMask: 0x2 })], { maxSmClockMHz: null, workUnits: null, durationMs: 1000 });
    expect(summary).toMatchObject({ isThrottled: false, throttleReasons: [], clocksHeldPct: null, energyPerUnitJ: null });
  });

  it('lists several reasons once each, in bit order', () => {
    const summary = summarizeTelemetry([row({ throttleMask: 0x40 }), row({ throttleMask: 0x24 }), row({ throttleMask: 0x4 })], {
      maxSmClockMHz: 1410,
      workUnits: 10,
      durationMs: 1000,
    });
    expect(summary.throttleReasons).toEqual(['sw_power_cap', 'sw_thermal_slowdown', 'hw_thermal_slowdown']);
  });

  it('gives nulls, not NaN, for no rows or no work', () => {
    expect(summarizeTelemetry([], { maxSmClockMHz: 3000, workUnits: 100, durationMs: 1000 })).toEqual({
      sampleCount: 0,
      avgPowerW: null,
      maxTempC: null,
      avgUtilPct: null,
      clocksHeldPct: null,
      isThrottled: false,
      throttleReasons: [],
      energyPerUnitJ: null,
    });
    expect(summarizeTelemetry([row({ powerW: 100 })], { maxSmClockMHz: 0, workUnits: 0, durationMs: 1000 }).energyPerUnitJ).toBeNull();
  });
});
