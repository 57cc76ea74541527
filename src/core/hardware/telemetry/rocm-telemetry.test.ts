import { describe, expect, it } from 'vitest';
import { hardwareFixture } from '../../../../test/fixtures/hardware';
import { parseRocmTelemetry } from './rocm-telemetry';

describe('parseRocmTelemetry', () => {
  it('reads power, edge temperature, clocks, use and VRAM used of an RX 7900 XTX', () => {
    expect(parseRocmTelemetry(hardwareFixture('rocm-smi-telemetry-7900xtx.json'), 250)).toEqual([
      { tMs: 250, gpuIndex: 0, powerW: 338, tempC: 62, smClockMHz: 2482, memClockMHz: 1249, utilPct: 99, memUsedMiB: 17475, throttleMask: null },
    ]);
  });

  it('uses MI300X socket power and the junction sensor where there is no edge sensor', () => {
    const rows = parseRocmTelemetry(hardwareFixture('rocm-smi-telemetry-mi300x.json'), 0);
    expect(rows.map((r) => [r.gpuIndex, r.powerW, r.tempC, r.smClockMHz, r.memUsedMiB])).toEqual([
      [0, 642, 71, 2100, 102400],
      [1, 131, 40, 132, 282],
    ]);
  });

  it('keeps only the requested card', () => {
    expect(parseRocmTelemetry(hardwareFixture('rocm-smi-telemetry-mi300x.json'), 0, 1).map((r) => r.gpuIndex)).toEqual([1]);
  });
});
