import { z } from 'zod';
import { IdentitySchema, RepetitionPolicySchema } from './domain/benchmark';

/**
 * Parent → worker: the one job a worker process runs. A worker runs exactly one benchmark instance and exits.
 * `params` is benchmark-specific and validated by the benchmark's own schema inside the worker.
 */
export const WorkerJobSchema = z.object({
  type: z.literal('job'),
  benchmarkId: z.string(),
  params: z.record(z.string(), z.unknown()),
  repetitions: RepetitionPolicySchema,
  /** A folder the worker may write scratch files to; the parent removes it afterwards whatever happens. */
  scratchDir: z.string(),
  /** Data dir (models cache etc.) for benchmarks that need it. */
  dataDir: z.string(),
});
export type WorkerJob = z.infer<typeof WorkerJobSchema>;

/** Worker → parent messages. The parent validates every one and stores it as it arrives. */
export const WorkerMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({
    type: z.literal('progress'),
    /** 0..1 of this instance. */
    fraction: z.number().min(0).max(1),
    phase: z.string(),
  }),
  z.object({
    type: z.literal('sample'),
    index: z.number().int().nonnegative(),
    isWarmup: z.boolean(),
    value: z.number(),
    metrics: z.record(z.string(), z.number()),
    durationMs: z.number().nonnegative(),
    /** Units of work done in this repetition (tokens, bytes…), for energy per unit. */
    workUnits: z.number().nonnegative().optional(),
  }),
  z.object({
    type: z.literal('result'),
    identity: IdentitySchema,
    /** Units of secondary metrics, e.g. { singleThreadMBps: 'MB/s' }. */
    metricUnits: z.record(z.string(), z.string()),
    notes: z.array(z.string()),
    /** True when the time budget stopped extra repetitions the spread asked for. */
    isCutByBudget: z.boolean().optional(),
  }),
  z.object({
    type: z.literal('unavailable'),
    reason: z.string(),
    howToEnable: z.string().optional(),
  }),
  z.object({ type: z.literal('error'), code: z.string(), message: z.string() }),
]);
export type WorkerMessage = z.infer<typeof WorkerMessageSchema>;
