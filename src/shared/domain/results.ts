import { z } from 'zod';
import { CategorySchema, IdentitySchema, ResultStatusSchema, RunStatusSchema } from './benchmark';
import { PhysicalLimitSchema } from './compare';
import { SystemSnapshotSchema, TelemetryRowSchema } from './system';

/** One raw repetition as stored. `metrics` holds secondary figures of the same repetition (e.g. single-thread MB/s). */
export const SampleSchema = z.object({
  index: z.number().int().nonnegative(),
  isWarmup: z.boolean(),
  value: z.number(),
  metrics: z.record(z.string(), z.number()),
  durationMs: z.number().nonnegative(),
  takenAt: z.string(),
});
export type Sample = z.infer<typeof SampleSchema>;

/** Statistics over the counted (non-warm-up) samples, always recomputed from samples. */
export const StatsSchema = z.object({
  count: z.number().int().nonnegative(),
  median: z.number().nullable(),
  mean: z.number().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  stdev: z.number().nullable(),
  /** stdev / mean, a fraction (0.02 = 2 %). */
  cv: z.number().nullable(),
});
export type Stats = z.infer<typeof StatsSchema>;

export const MetricSummarySchema = z.object({ unit: z.string(), stats: StatsSchema });

export const TelemetrySummarySchema = z.object({
  sampleCount: z.number().int().nonnegative(),
  avgPowerW: z.number().nullable(),
  maxTempC: z.number().nullable(),
  avgUtilPct: z.number().nullable(),
  /** Average SM clock as % of the card's max SM clock. */
  clocksHeldPct: z.number().nullable(),
  isThrottled: z.boolean(),
  throttleReasons: z.array(z.string()),
  /** Joules per unit of work (per token, per image) where the benchmark reports work counts. */
  energyPerUnitJ: z.number().nullable(),
});
export type TelemetrySummary = z.infer<typeof TelemetrySummarySchema>;

/**
 * One result's GPU telemetry over time (`runs:telemetry`): the stored rows, evenly thinned to at most
 * `MAX_TELEMETRY_TIMELINE_ROWS` per GPU, and the instants whose clock-event mask carries throttling reasons, already
 * decoded by core (so no bit table lives in the UI).
 */
export const ResultTelemetrySchema = z.object({
  resultId: z.number().int().positive(),
  rows: z.array(TelemetryRowSchema),
  /** Only readings with throttling reasons (not idle, not application clocks), in time order. */
  throttleReasons: z.array(z.object({ tMs: z.number().nonnegative(), reasons: z.array(z.string()).min(1) })),
});
export type ResultTelemetry = z.infer<typeof ResultTelemetrySchema>;

/** Most rows `runs:telemetry` returns (per GPU): a chart cannot show more, and a long run must not flood IPC. */
export const MAX_TELEMETRY_TIMELINE_ROWS = 5000;

export const ResultSchema = z.object({
  id: z.number().int(),
  runId: z.number().int(),
  benchmarkId: z.string(),
  title: z.string(),
  category: CategorySchema,
  status: ResultStatusSchema,
  unit: z.string(),
  higherIsBetter: z.boolean(),
  identity: IdentitySchema,
  identityHash: z.string(),
  reason: z.string().nullable(),
  stderrTail: z.string().nullable(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  stats: StatsSchema,
  /** Secondary metrics, each with its own statistics. */
  metrics: z.record(z.string(), MetricSummarySchema),
  samples: z.array(SampleSchema),
  telemetry: TelemetrySummarySchema.nullable(),
  /**
   * The median against the physical ceiling of this machine's GPU, from the card's published spec (set only when
   * the GPU is in the reference catalogue and the benchmark ran on it, never on a software adapter or the CPU).
   */
  physicalLimit: PhysicalLimitSchema.extend({ cardKey: z.string(), specSource: z.string() }).nullable().optional(),
});
export type Result = z.infer<typeof ResultSchema>;

export const RunSummarySchema = z.object({
  id: z.number().int(),
  suite: z.string(),
  status: RunStatusSchema,
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  systemId: z.number().int(),
  systemLabel: z.string(),
  resultCount: z.number().int(),
  failedCount: z.number().int(),
  /** Why the run itself failed (`database locked for 30 s`, `disk full`); absent or null otherwise. */
  reason: z.string().max(2000).nullable().optional(),
});
export type RunSummary = z.infer<typeof RunSummarySchema>;


/**
 * One result of a benchmark in one run (`runs:history`). Results of one benchmark id can be different workloads (a
 * 1B and an 8B model): `workloadKey` is equal exactly when benchmark, model, quantisation, backend and "synthetic"
 * are, and only points with the same key belong on one line.
 */
export const HistoryPointSchema = z.object({
  runId: z.number().int(),
  resultId: z.number().int(),
  startedAt: z.string(),
  median: z.number().nullable(),
  unit: z.string(),
  status: z.string(),
  systemLabel: z.string(),
  /** The result's own title as stored (an imported run may name a benchmark this catalogue lacks). */
  title: z.string(),
  identity: IdentitySchema,
  workloadKey: z.string(),
});
export type HistoryPoint = z.infer<typeof HistoryPointSchema>;

export const RunDetailSchema = z.object({
  run: RunSummarySchema,
  system: SystemSnapshotSchema,
  results: z.array(ResultSchema),
});
export type RunDetail = z.infer<typeof RunDetailSchema>;
