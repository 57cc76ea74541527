import type { spawn } from 'node:child_process';
import type { TelemetryRow } from '../../../shared/domain/system';

export type { TelemetryRow };

/** Samples GPU telemetry in the background between `start()` and `stop()`. */
export interface TelemetrySampler {
  /** The vendor tool it reads. */
  readonly tool: 'nvidia-smi' | 'rocm-smi';
  /** Starts sampling; `tMs` of every row counts from this call. Calling it twice has no effect. */
  start(): void;
  /**
   * Stops sampling (kills the nvidia-smi loop, or lets the current rocm-smi poll finish) and resolves with every
   * row collected, in arrival order. Safe to call more than once and before `start()` (resolves with []).
   */
  stop(): Promise<TelemetryRow[]>;
  /** The last problem seen (tool exited early, unparsable output), or null. Sampling problems never throw. */
  readonly lastError: string | null;
}

/** `child_process.spawn`, injectable. */
export type SpawnFn = typeof spawn;

/** Shared options of both samplers. */
export interface SamplerCommonOptions {
  /** Sampling interval in milliseconds (default 200). */
  intervalMs: number;
  /** Only this GPU (the vendor tool's index); every GPU when omitted. */
  gpuIndex?: number;
  /** Called with each row as it arrives, so the caller can store it at once. Exceptions it throws are ignored. */
  onRow?: (row: TelemetryRow) => void;
  /** Epoch-millisecond clock (default `Date.now`). */
  now: () => number;
}
