import { z } from 'zod';

/**
 * One run's headline result: the Rigmark Score and, per default card (A100, RTX 4090), the geometric mean of your
 * ratios over the benchmarks that have a figure for it. Shown on the finish screen, This machine, Results, Run
 * detail and at the end of `rigmark run`; formatted by `shared/format/headline.ts` so every shell says it alike.
 */

export const HeadlineCardSchema = z.object({
  cardKey: z.string(),
  displayName: z.string(),
  /** Geometric mean of (yours ÷ card), direction-aware, over the matched benchmarks; > 1 = you are faster. */
  geomeanRatio: z.number().nullable(),
  benchmarkCount: z.number().int().nonnegative(),
  benchmarkIds: z.array(z.string()),
  /** How many of those matched only `close` (another backend, generation length…), as Compare labels them. */
  closeCount: z.number().int().nonnegative(),
  /** Why there is no ratio, naming the workloads that have no figure for this card; null when there is one. */
  reason: z.string().nullable(),
});
export type HeadlineCard = z.infer<typeof HeadlineCardSchema>;

/** A result of the run that a default card has no figure for (or that gave no value at all). */
export const HeadlineMissSchema = z.object({
  benchmarkId: z.string(),
  /** The workload identity in words: "llama.cpp · synthetic llama-3.2-1b Q4_0 · cpu". */
  workload: z.string(),
  /** The default cards without a figure for it. */
  cardKeys: z.array(z.string()),
  reason: z.string(),
});
export type HeadlineMiss = z.infer<typeof HeadlineMissSchema>;

/** A model Rigmark can generate whose workload has figures for the default cards, found in the reference data. */
export const HeadlineSuggestionSchema = z.object({
  /** The `--model` value: `synthetic:llama-3-8b-q4_k_m`. */
  model: z.string(),
  label: z.string(),
  benchmarkIds: z.array(z.string()),
  cardKeys: z.array(z.string()),
  /** What to do: "run the quick suite", or how to pick the model. */
  action: z.string(),
  /** The whole sentence: "synthetic Llama 3 8B Q4_K_M on llama.cpp pp512/tg128 has figures for A100 and RTX 4090: run the quick suite". */
  text: z.string(),
});
export type HeadlineSuggestion = z.infer<typeof HeadlineSuggestionSchema>;

export const HeadlineSchema = z.object({
  runId: z.number().int(),
  score: z.object({
    value: z.number().nullable(),
    benchmarkCount: z.number().int().nonnegative(),
    referenceCardKey: z.string(),
    reason: z.string().nullable(),
  }),
  cards: z.array(HeadlineCardSchema),
  /** The cards' reasons, each said once ("no A100 or RTX 4090 figure for …"). */
  reasons: z.array(z.string()),
  misses: z.array(HeadlineMissSchema),
  /** Benchmarks of the run that no published figure exists for on any card (system, GPU kernels). */
  uncomparableIds: z.array(z.string()),
  /** Set when a default card has no ratio: what would compare. */
  suggestion: HeadlineSuggestionSchema.nullable(),
  /** How the ratios are made, in words. */
  rule: z.string(),
});
export type Headline = z.infer<typeof HeadlineSchema>;
