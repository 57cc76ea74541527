import { z } from 'zod';

/** Categories as the fleet comparison pages group them (docs/METHOD.md "Scores and views"). */
export const CategorySchema = z.enum(['llm', 'serving', 'image', 'vision', 'gpu-compute', 'system']);
export type Category = z.infer<typeof CategorySchema>;

export const SuiteSchema = z.enum(['quick', 'full', 'system']);
export type Suite = z.infer<typeof SuiteSchema>;

/** Status of one benchmark instance inside a run. */
export const ResultStatusSchema = z.enum([
  'pending',
  'running',
  'passed',
  'unstable',
  'failed',
  'unavailable',
  'cancelled',
  'interrupted',
]);
export type ResultStatus = z.infer<typeof ResultStatusSchema>;

/** `failed`: the run itself could not go on (its database stayed locked or the disk was full); the reason says which. */
export const RunStatusSchema = z.enum(['running', 'completed', 'cancelled', 'interrupted', 'failed']);
export type RunStatus = z.infer<typeof RunStatusSchema>;

export const AvailabilitySchema = z.discriminatedUnion('isAvailable', [
  z.object({ isAvailable: z.literal(true) }),
  z.object({
    isAvailable: z.literal(false),
    reason: z.string(),
    /** A plain instruction that would make the benchmark available. */
    howToEnable: z.string().optional(),
  }),
]);
export type Availability = z.infer<typeof AvailabilitySchema>;

/** The serialisable face of a benchmark definition (what `list` and the UI show). */
export const BenchmarkInfoSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  category: CategorySchema,
  unit: z.string(),
  higherIsBetter: z.boolean(),
  defaultRepetitions: z.number().int().positive(),
  timeoutMs: z.number().int().positive(),
  suites: z.array(SuiteSchema),
  /** Rough wall time of one instance, for the estimate shown before a run. */
  estimatedMs: z.number().nonnegative(),
  availability: AvailabilitySchema,
});
export type BenchmarkInfo = z.infer<typeof BenchmarkInfoSchema>;

/** Repetition policy (docs/METHOD.md "Method"): warm-ups, planned reps, adaptive extension up to maxRepetitions. */
export const RepetitionPolicySchema = z.object({
  warmups: z.number().int().nonnegative(),
  planned: z.number().int().positive(),
  max: z.number().int().positive(),
  /** Coefficient of variation (stdev / mean) above which more repetitions are added, e.g. 0.035. */
  cvThreshold: z.number().positive(),
  /**
   * Wall time this instance may spend measuring (warm-ups and repetitions, setup excluded) when a suite has a time
   * budget: no extra repetition starts that would end past it. The planned repetitions always run (at least 3).
   */
  budgetMs: z.number().positive().optional(),
});
export type RepetitionPolicy = z.infer<typeof RepetitionPolicySchema>;

/**
 * Workload identity: everything that makes two figures comparable. Free-form keys so each family records what
 * matters to it (engine, version, backend, model, lengths, threads…); hashed canonically by core.
 */
export const IdentitySchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));
export type Identity = z.infer<typeof IdentitySchema>;
