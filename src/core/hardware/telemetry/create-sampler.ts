import { spawn as nodeSpawn } from 'node:child_process';
import type { ToolRunner } from '../tool-runner';
import { createToolRunner, findExecutable } from '../tool-runner';
import { createNvidiaSampler } from './nvidia-sampler';
import { createRocmSampler } from './rocm-sampler';
import type { SpawnFn, TelemetryRow, TelemetrySampler } from './types';

/** Options of {@link createTelemetrySampler}. */
export interface TelemetrySamplerOptions {
  /** Runs rocm-smi polls. Default: execFile with `env`. */
  runTool?: ToolRunner;
  /** Starts the nvidia-smi loop. Default: `child_process.spawn`. */
  spawn?: SpawnFn;
  /** Environment for the tools; its PATH decides which tool exists. Default `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** Sampling interval in milliseconds. Default 200. */
  intervalMs?: number;
  /** Only this GPU, by the vendor tool's index (`Gpu.index` for GPUs from nvidia-smi / rocm-smi). */
  gpuIndex?: number;
  /** Called with each row as it arrives. */
  onRow?: (row: TelemetryRow) => void;
  /** Read this vendor's tool only; by default nvidia-smi, then rocm-smi, whichever is on PATH first. */
  vendor?: 'nvidia' | 'amd';
  /** Epoch-millisecond clock. Default `Date.now`. */
  now?: () => number;
}

/** Default sampling interval in milliseconds (5 Hz: fine enough for repetitions of a second or more). */
export const DEFAULT_TELEMETRY_INTERVAL_MS = 200;

/**
 * Creates a GPU telemetry sampler for the vendor tool present on this machine.
 * @returns null when neither nvidia-smi nor rocm-smi is installed (telemetry is then simply absent).
 */
export function createTelemetrySampler(opts: TelemetrySamplerOptions = {}): TelemetrySampler | null {
  const env = opts.env ?? process.env;
  const common = {
    intervalMs: opts.intervalMs ?? DEFAULT_TELEMETRY_INTERVAL_MS,
    now: opts.now ?? Date.now,
    ...(opts.gpuIndex !== undefined ? { gpuIndex: opts.gpuIndex } : {}),
    ...(opts.onRow ? { onRow: opts.onRow } : {}),
  };
  const nvidia = opts.vendor === 'amd' ? null : findExecutable('nvidia-smi', env);
  if (nvidia) return createNvidiaSampler({ ...common, spawn: opts.spawn ?? nodeSpawn, env, command: nvidia });
  const rocm = opts.vendor === 'nvidia' ? null : findExecutable('rocm-smi', env);
  if (rocm) return createRocmSampler({ ...common, runTool: opts.runTool ?? createToolRunner({ env }), command: rocm });
  return null;
}
