import { describe, expect, it } from 'vitest';
import { hardwareFixture } from '../../../../test/fixtures/hardware';
import { NVIDIA_TELEMETRY_FIELDS_LEGACY, nvidiaTelemetryArgs, parseNvidiaTelemetryLine, parseNvidiaTimestamp } from './nvidia-telemetry';

const lines = hardwareFixture('nvidia-smi-telemetry-2gpu.csv').trim().split('\n');
const start = parseNvidiaTimestamp('2024/05/14 10:22:31.000') ?? 0;

describe('parseNvidiaTelemetryLine', () => {
  it('reads a loaded A100 line, timing it by its own timestamp', () => {
    expect(parseNvidiaTelemetryLine(lines[4] ?? '', start, start + 99_999)).toEqual({
      tMs: 507,
      gpuIndex: 0,
      powerW: 398.76,
      tempC: 55,
      smClockMHz: 1275,
      memClockMHz: 1593,
      utilPct: 100,
      memUsedMiB: 42317,
      throttleMask: 4,
    });
  });

  it('turns [N/A] and [Not Supported] readings into null', () => {
    expect(parseNvidiaTelemetryLine(lines[5] ?? '', start, start)).toMatchObject({ gpuIndex: 1, powerW: null, utilPct: null, throttleMask: null, tempC: 33 });
  });

  it('parses every line of a two-GPU loop and ignores non-data lines', () => {
    const rows = lines.map((l) => parseNvidiaTelemetryLine(l, start, start));
    expect(rows.map((r) => r?.gpuIndex)).toEqual([0, 1, 0, 1, 0, 1, 0]);
    expect(parseNvidiaTelemetryLine('Unable to determine the device handle for GPU0000:01:00.0: Unknown Error', start, start)).toBeNull();
  });

  it('falls back to the arrival time when the line carries no timestamp', () => {
    const fields = ['index', 'power.draw', 'clocks_throttle_reasons.active'];
    expect(parseNvidiaTelemetryLine('0, 250.00, 0x0000000000000020', 1000, 1450, fields)).toMatchObject({ tMs: 450, powerW: 250, throttleMask: 0x20 });
  });
});

describe('nvidiaTelemetryArgs', () => {
  it('asks for a millisecond loop, one GPU when given, with the legacy mask name when needed', () => {
    expect(nvidiaTelemetryArgs(200, 1)).toEqual([
      '--query-gpu=index,timestamp,power.draw,temperature.gpu,clocks.sm,clocks.mem,utilization.gpu,memory.used,clocks_event_reasons.active',
      '--format=csv,noheader,nounits',
      '-lms',
      '200',
      '-i',
      '1',
    ]);
    expect(nvidiaTelemetryArgs(100, undefined, NVIDIA_TELEMETRY_FIELDS_LEGACY)[0]).toContain('clocks_throttle_reasons.active');
  });
});
