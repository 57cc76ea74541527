import type { BenchmarkInfo } from '../../../shared/domain/benchmark';
import type { Result, ResultTelemetry, RunDetail, RunSummary, Sample } from '../../../shared/domain/results';
import type { SystemSnapshot } from '../../../shared/domain/system';

/** Contract-valid data for component tests (rendered through `withValidation`, so a drifted fixture fails loudly). */
export const systemWithoutGpu: SystemSnapshot = {
  capturedAt: '2025-11-27T10:00:00.000Z',
  gpus: [],
  // Core's wording (src/core/hardware/probe-gpus.ts, gpu-probes.ts), as a detection on a machine without a GPU writes it.
  gpuReason: 'no GPU found: nvidia-smi not installed, rocm-smi not installed, systeminformation reported no display controller with dedicated memory',
  tools: [{ tool: 'nvidia-smi', isFound: false, detail: 'not installed' }],
  backends: [
    { name: 'cuda', isAvailable: false, version: null, detail: 'nvidia-smi not installed' },
    { name: 'vulkan', isAvailable: true, version: '1.3', detail: 'SwiftShader (software)' },
    { name: 'cpu', isAvailable: true, version: null, detail: null },
  ],
  cpu: { vendor: 'AMD', model: 'EPYC 7B13', cores: 2, threads: 2, speedGHz: 2.45, isaFlags: ['avx2'] },
  memory: { totalMiB: 8192, availableMiB: 6000 },
  disks: [],
  os: { platform: 'linux', distro: 'Debian GNU/Linux', release: '12', kernel: '6.1.0', arch: 'x64' },
  power: { hasBattery: false, isOnBattery: null },
  runtime: { node: '20.20.2', electron: null, rigmark: '0.1.0' },
};

export const benchmarks: BenchmarkInfo[] = [
  {
    id: 'system.cpu',
    title: 'CPU throughput',
    description: 'SHA-256 and deflate',
    category: 'system',
    unit: 'MB/s',
    higherIsBetter: true,
    defaultRepetitions: 5,
    timeoutMs: 60_000,
    suites: ['quick', 'full', 'system'],
    estimatedMs: 4_000,
    availability: { isAvailable: true },
  },
  {
    id: 'ollama.generate',
    title: 'Ollama generation',
    description: 'Tokens per second through a local Ollama',
    category: 'llm',
    unit: 'tokens/s',
    higherIsBetter: true,
    defaultRepetitions: 5,
    timeoutMs: 120_000,
    suites: ['quick', 'full'],
    estimatedMs: 30_000,
    availability: { isAvailable: false, reason: 'No Ollama answered at http://127.0.0.1:11434', howToEnable: 'Start Ollama, or set its endpoint in Settings' },
  },
];

export function sample(index: number, value: number, isWarmup = false): Sample {
  return { index, isWarmup, value, metrics: {}, durationMs: 500, takenAt: '2025-11-27T10:01:00.000Z' };
}

export const runSummary: RunSummary = {
  id: 7,
  suite: 'system',
  status: 'completed',
  startedAt: '2025-11-27T10:00:00.000Z',
  finishedAt: '2025-11-27T10:00:42.000Z',
  systemId: 1,
  systemLabel: 'AMD EPYC 7B13 · no GPU',
  resultCount: 3,
  failedCount: 1,
};

export function result(overrides: Partial<Result> & Pick<Result, 'id' | 'benchmarkId' | 'title' | 'status'>): Result {
  return {
    runId: 7,
    category: 'system',
    unit: 'MB/s',
    higherIsBetter: true,
    identity: {},
    identityHash: 'abc123',
    reason: null,
    stderrTail: null,
    startedAt: '2025-11-27T10:00:01.000Z',
    finishedAt: '2025-11-27T10:00:10.000Z',
    stats: { count: 0, median: null, mean: null, min: null, max: null, stdev: null, cv: null },
    metrics: {},
    samples: [],
    telemetry: null,
    ...overrides,
  };
}

export const runDetail: RunDetail = {
  run: runSummary,
  system: systemWithoutGpu,
  results: [
    result({
      id: 71,
      benchmarkId: 'system.cpu',
      title: 'CPU throughput',
      status: 'unstable',
      stats: { count: 3, median: 1234.5, mean: 1200, min: 1000, max: 1400, stdev: 160, cv: 0.133 },
      samples: [sample(0, 900, true), sample(1, 1000), sample(2, 1234.5), sample(3, 1400)],
    }),
    result({ id: 72, benchmarkId: 'system.disk-write', title: 'Disk write', status: 'failed', reason: 'worker exited with code 134 (disk full)' }),
    result({
      id: 73,
      benchmarkId: 'ollama.generate',
      title: 'Ollama generation',
      category: 'llm',
      unit: 'tokens/s',
      status: 'unavailable',
      reason: 'No Ollama answered at http://127.0.0.1:11434',
    }),
  ],
};

/** The run above with GPU telemetry on its CPU result: power-capped (sw_power_cap) on every third reading. */
export const runDetailWithTelemetry: RunDetail = {
  ...runDetail,
  results: runDetail.results.map((r) =>
    r.id === 71
      ? {
          ...r,
          telemetry: {
            sampleCount: 9,
            avgPowerW: 402.5,
            maxTempC: 67,
            avgUtilPct: 98.4,
            clocksHeldPct: 86.5,
            isThrottled: true,
            throttleReasons: ['sw_power_cap'],
            energyPerUnitJ: 0.412,
          },
        }
      : r,
  ),
};

/** `runs:telemetry` for result 71: nine readings 200 ms apart, the third, sixth and ninth power-capped. */
export const resultTelemetry71: ResultTelemetry = {
  resultId: 71,
  rows: Array.from({ length: 9 }, (_, i) => ({
    tMs: i * 200,
    gpuIndex: 0,
    powerW: i % 3 === 2 ? 449.12 : 380 + i,
    tempC: 61 + i,
    smClockMHz: i % 3 === 2 ? 2610 : 2745,
    memClockMHz: 10501,
    utilPct: 98,
    memUsedMiB: 18432,
    throttleMask: i % 3 === 2 ? 4 : 0,
  })),
  throttleReasons: [400, 1000, 1600].map((tMs) => ({ tMs, reasons: ['sw_power_cap'] })),
};
