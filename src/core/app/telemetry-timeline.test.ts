import { describe, expect, it } from 'vitest';
import type { TelemetryRecord } from '../store/telemetry-repo';
import { evenlyDownsample, telemetryTimeline } from './telemetry-timeline';

function row(tMs: number, fields: Partial<TelemetryRecord> = {}): TelemetryRecord {
  return { tMs, gpuIndex: 0, powerW: 300, tempC: 60, smClockMHz: 2700, memClockMHz: 10501, utilPct: 99, memUsedMiB: 1000, throttleMask: 0, ...fields };
}

describe('evenlyDownsample', () => {
  it('returns short lists whole and thins long ones evenly, keeping the first and the last', () => {
    expect(evenlyDownsample([1, 2, 3], 5)).toEqual([1, 2, 3]);
    const thinned = evenlyDownsample(Array.from({ length: 101 }, (_, i) => i), 11);
    expect(thinned).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    expect(evenlyDownsample([1, 2, 3], 1)).toEqual([1]);
    expect(evenlyDownsample([1, 2, 3], 0)).toEqual([]);
  });
});

describe('telemetryTimeline', () => {
  it('caps rows per GPU and lists only instants with throttling reasons, decoded', () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => row(i * 200, { throttleMask: i === 7 ? 0x4 | 0x40 : i % 2 ? 0x1 : 0 }));
    const out = telemetryTimeline(3, rows, 5000);
    expect(out.rows).toHaveLength(5000);
    expect(out.rows[0]?.tMs).toBe(0);
    expect(out.rows.at(-1)?.tMs).toBe(19_999 * 200);
    // gpu_idle (0x1) is not throttling; the one short event survives thinning because reasons come from every row.
    expect(out.throttleReasons).toEqual([{ tMs: 1400, reasons: ['sw_power_cap', 'hw_thermal_slowdown'] }]);
  });

  it('keeps each GPU its own share and merges them in time order', () => {
    const rows = [row(0), row(0, { gpuIndex: 1 }), row(200), row(200, { gpuIndex: 1, throttleMask: 0x4 })];
    const out = telemetryTimeline(1, rows, 5000);
    expect(out.rows.map((r) => [r.tMs, r.gpuIndex])).toEqual([[0, 0], [0, 1], [200, 0], [200, 1]]);
    expect(out.throttleReasons).toEqual([{ tMs: 200, reasons: ['sw_power_cap'] }]);
  });
});
