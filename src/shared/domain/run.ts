import { z } from 'zod';
import { ResultStatusSchema, RunStatusSchema, SuiteSchema } from './benchmark';
import { SampleSchema } from './results';

/** What a user asks to run: a suite and/or explicit benchmarks, with shared parameters. */
export const RunRequestSchema = z
  .object({
    suite: SuiteSchema.optional(),
    benchmarkIds: z.array(z.string().min(1).max(100)).max(50).optional(),
    /** Repetitions override (counted ones); the adaptive rule may add up to twice this. */
    repetitions: z.number().int().min(1).max(100).optional(),
    /** `synthetic:NAME`, an absolute GGUF path, or `ollama:NAME:TAG`, for the LLM benchmarks. */
    model: z.string().min(1).max(4096).optional(),
  })
  .refine((r) => r.suite !== undefined || (r.benchmarkIds?.length ?? 0) > 0, {
    message: 'choose a suite or at least one benchmark',
  });
export type RunRequest = z.infer<typeof RunRequestSchema>;

/** A synthetic model the first instance that uses it generates (once: the file is kept and reused). */
export const ModelGenerationSchema = z.object({
  /** `synthetic:NAME`. */
  model: z.string(),
  displayName: z.string(),
  bytes: z.number().nonnegative(),
  /** Part of the instance's `estimatedMs`. */
  estimatedMs: z.number().nonnegative(),
});
export type ModelGeneration = z.infer<typeof ModelGenerationSchema>;

/** One planned benchmark instance as shown before and during a run. */
export const PlannedInstanceSchema = z.object({
  resultId: z.number().int(),
  benchmarkId: z.string(),
  title: z.string(),
  status: ResultStatusSchema,
  /** Why it cannot run here (unavailable only). */
  reason: z.string().nullable(),
  /** What would make it available (unavailable only, when known). */
  howToEnable: z.string().nullable().optional(),
  estimatedMs: z.number().nonnegative(),
  /** Set on the instance that generates a synthetic model first: the step is shown with its estimate. */
  generation: ModelGenerationSchema.nullable().optional(),
});
export type PlannedInstance = z.infer<typeof PlannedInstanceSchema>;

/** Live events of a run, in the order they happen. The same payloads go over IPC, SSE and `--json` lines. */
export const RunEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('run-started'), runId: z.number().int(), instances: z.array(PlannedInstanceSchema) }),
  z.object({ type: z.literal('instance-started'), runId: z.number().int(), resultId: z.number().int(), benchmarkId: z.string() }),
  z.object({
    type: z.literal('progress'),
    runId: z.number().int(),
    resultId: z.number().int(),
    benchmarkId: z.string(),
    phase: z.string(),
    /** 0..1 of the instance. */
    fraction: z.number(),
    /** 0..1 of the whole run, by estimated time. */
    overallFraction: z.number(),
    etaMs: z.number().nullable(),
  }),
  z.object({
    type: z.literal('sample'),
    runId: z.number().int(),
    resultId: z.number().int(),
    benchmarkId: z.string(),
    sample: SampleSchema,
  }),
  z.object({
    type: z.literal('instance-finished'),
    runId: z.number().int(),
    resultId: z.number().int(),
    benchmarkId: z.string(),
    status: ResultStatusSchema,
    median: z.number().nullable(),
    unit: z.string(),
    reason: z.string().nullable(),
  }),
  z.object({
    type: z.literal('run-finished'),
    runId: z.number().int(),
    status: RunStatusSchema,
    /** Why the run itself failed (`database locked for 30 s`, `disk full`); null otherwise. */
    reason: z.string().nullable().optional(),
    /** Writes the store had not taken when the run ended (they land when it recovers, or are lost on close). */
    unsavedWrites: z.number().int().nonnegative().optional(),
  }),
]);
export type RunEvent = z.infer<typeof RunEventSchema>;
