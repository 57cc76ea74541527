import type { Identity } from '../../../shared/domain/benchmark';
import type { WorkerJob } from '../../../shared/worker-protocol';

/** What one measured repetition returns. */
export interface Measurement {
  /** The primary figure, in the benchmark's unit. */
  value: number;
  /** Secondary figures of the same repetition, keyed by name (units declared in `metricUnits`). */
  metrics?: Record<string, number>;
  /** Units of work done (tokens, bytes, FLOPs) — lets telemetry derive energy per unit. */
  workUnits?: number;
}

/** Context handed to a worker benchmark by the harness. */
export interface WorkerContext {
  job: WorkerJob;
  /** Report progress within the current phase (0..1 of the whole instance is computed by the harness). */
  reportPhase(phase: string): void;
  /** Signals cancellation (the parent also kills the process; this lets cleanup run first where possible). */
  signal: AbortSignal;
}

/**
 * A benchmark as it runs inside a worker process. The harness (`worker/harness.ts`) owns the loop: it calls
 * `setup` once, `measure` for each warm-up and repetition (adding repetitions while CV is above the threshold),
 * then `teardown` — also on failure. Implementations only measure.
 */
export interface WorkerBenchmark<State = unknown> {
  /** Prepare (load a model, allocate buffers). Throw `UnavailableError` when the machine cannot run it. */
  setup(ctx: WorkerContext): Promise<State>;
  /** One repetition. Time only the measured region. */
  measure(state: State, ctx: WorkerContext, index: number): Promise<Measurement>;
  /**
   * One warm-up, when it should differ from a repetition (llama-bench warms generation up with one token, not 128).
   * Default: `measure`.
   */
  warmUp?(state: State, ctx: WorkerContext, index: number): Promise<Measurement>;
  teardown?(state: State): Promise<void>;
  /** Workload identity, known after setup (engine version, backend, model, sizes…). */
  identity(state: State, ctx: WorkerContext): Identity;
  /** Units of secondary metrics, e.g. { singleThreadMBps: 'MB/s' }. */
  metricUnits?: Record<string, string>;
  /** Notes shown with the result (e.g. "read figure is cached: O_DIRECT refused"). The harness adds its own. */
  notes?(state: State): string[];
}

/** Thrown from setup when a benchmark cannot run here; becomes status `unavailable`, not a failure. */
export class UnavailableError extends Error {
  constructor(
    message: string,
    readonly howToEnable?: string,
  ) {
    super(message);
    this.name = 'UnavailableError';
  }
}
