import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../../test/helpers/temp-dir';
import type { NvidiaSmiScenario } from '../../../../test/stand-ins';
import { envWithStandIns, standInNvidiaSmiDir, standInRocmSmiDir } from '../../../../test/stand-ins';
import type { TelemetryRow } from '../../../shared/domain/system';
import { createTelemetrySampler } from './create-sampler';
import { summarizeTelemetry } from './summarize';
import { decodeThrottleReasons } from './throttle-reasons';
import type { SpawnFn, TelemetrySampler } from './types';

/** Resolves once `condition` holds; the test's own timeout bounds the wait. */
async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((r) => setTimeout(r, 20));
}

/** The real spawn, keeping each child so tests can check it was stopped. */
function recordingSpawn(children: ChildProcess[], argLists: string[][]): SpawnFn {
  return ((command: string, args: readonly string[], options: Parameters<typeof spawn>[2]) => {
    const child = spawn(command, args, options);
    children.push(child);
    argLists.push([...args]);
    return child;
  }) as SpawnFn;
}

let sampler: TelemetrySampler | null = null;
afterEach(async () => {
  await sampler?.stop();
  sampler = null;
});

describe('createTelemetrySampler with the stand-in nvidia-smi', () => {
  const start = (scenario: NvidiaSmiScenario, extra: { children?: ChildProcess[]; argLists?: string[][]; onRow?: (r: TelemetryRow) => void } = {}) => {
    sampler = createTelemetrySampler({
      env: envWithStandIns([standInNvidiaSmiDir], { scenario }),
      intervalMs: 50,
      gpuIndex: 0,
      spawn: recordingSpawn(extra.children ?? [], extra.argLists ?? []),
      ...(extra.onRow ? { onRow: extra.onRow } : {}),
    });
    sampler?.start();
    return sampler;
  };

  it('collects rows from one nvidia-smi loop, hands each to onRow, and kills the loop on stop', async () => {
    const seen: TelemetryRow[] = [];
    const children: ChildProcess[] = [];
    const argLists: string[][] = [];
    const s = start('default', { children, argLists, onRow: (r) => seen.push(r) });
    expect(s?.tool).toBe('nvidia-smi');
    await waitFor(() => seen.length >= 6);
    const rows = (await s?.stop()) ?? [];
    expect(rows.length).toBeGreaterThanOrEqual(6);
    expect(rows).toEqual(seen);
    expect(children).toHaveLength(1);
    expect(children[0]?.signalCode ?? children[0]?.exitCode).toBe('SIGTERM');
    expect(argLists[0]).toEqual(expect.arrayContaining(['-lms', '50', '-i', '0']));
    for (const [i, row] of rows.entries()) {
      expect(row.gpuIndex).toBe(0);
      expect(row.powerW).toBeGreaterThan(0);
      expect(row.smClockMHz).toBeGreaterThan(0);
      if (i > 0) expect(row.tMs).toBeGreaterThanOrEqual(rows[i - 1]?.tMs ?? 0);
    }
    const capped = rows.filter((r) => r.throttleMask === 4);
    expect(capped.length).toBeGreaterThan(0);
    expect(decodeThrottleReasons(capped[0]?.throttleMask ?? null)).toEqual(['sw_power_cap']);
    const summary = summarizeTelemetry(rows, { maxSmClockMHz: 3120, workUnits: 128, durationMs: 1000 });
    expect(summary).toMatchObject({ isThrottled: true, throttleReasons: ['sw_power_cap'], sampleCount: rows.length });
  });

  it('asks again with clocks_throttle_reasons.active when an older driver rejects the newer field', async () => {
    const argLists: string[][] = [];
    const seen: TelemetryRow[] = [];
    const s = start('legacy-driver', { argLists, onRow: (r) => seen.push(r) });
    await waitFor(() => seen.some((r) => r.throttleMask === 4));
    await s?.stop();
    expect(argLists).toHaveLength(2);
    expect(argLists[0]?.[0]).toContain('clocks_event_reasons.active');
    expect(argLists[1]?.[0]).toContain('clocks_throttle_reasons.active');
    expect(s?.lastError).toBeNull();
  });

  it('returns no rows and keeps the tool message when the driver cannot be reached', async () => {
    const s = start('driver-failure');
    await waitFor(() => s?.lastError !== null);
    expect(await s?.stop()).toEqual([]);
    expect(s?.lastError).toContain("NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver");
  });

  it('keeps sampling when onRow throws', async () => {
    let calls = 0;
    const s = start('default', {
      onRow: () => {
        calls += 1;
        throw new Error('store is full');
      },
    });
    await waitFor(() => calls >= 3);
    expect(((await s?.stop()) ?? []).length).toBeGreaterThanOrEqual(3);
  });
});

describe('createTelemetrySampler with the stand-in rocm-smi', () => {
  it('polls rocm-smi and reads power, temperature, clocks, use and VRAM used', async () => {
    const seen: TelemetryRow[] = [];
    sampler = createTelemetrySampler({ env: envWithStandIns([standInRocmSmiDir]), intervalMs: 50, onRow: (r) => seen.push(r) });
    expect(sampler?.tool).toBe('rocm-smi');
    sampler?.start();
    await waitFor(() => seen.length >= 3);
    const rows = (await sampler?.stop()) ?? [];
    expect(rows).toEqual(seen);
    for (const row of rows) {
      expect(row).toMatchObject({ gpuIndex: 0, memClockMHz: 1249, memUsedMiB: 17475, throttleMask: null });
      expect(row.powerW).toBeGreaterThanOrEqual(320);
      expect(row.smClockMHz).toBeGreaterThanOrEqual(2400);
    }
    expect(sampler?.lastError).toBeNull();
  });
});

describe('createTelemetrySampler without vendor tools', () => {
  let temp: { dir: string; cleanup: () => void };
  beforeEach(() => {
    temp = makeTempDir('rigmark-sampler-');
  });
  afterEach(() => temp.cleanup());

  it('returns null when neither nvidia-smi nor rocm-smi is installed', () => {
    expect(createTelemetrySampler({ env: { PATH: temp.dir } })).toBeNull();
  });

  it('reads only the requested vendor', () => {
    const env = envWithStandIns([standInNvidiaSmiDir, standInRocmSmiDir]);
    expect(createTelemetrySampler({ env })?.tool).toBe('nvidia-smi');
    expect(createTelemetrySampler({ env, vendor: 'amd' })?.tool).toBe('rocm-smi');
    expect(createTelemetrySampler({ env: envWithStandIns([standInRocmSmiDir]), vendor: 'nvidia' })).toBeNull();
  });

  it('resolves stop() with no rows when it was never started', async () => {
    const s = createTelemetrySampler({ env: envWithStandIns([standInNvidiaSmiDir]) });
    expect(await s?.stop()).toEqual([]);
  });
});
