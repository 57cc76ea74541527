import { z } from 'zod';
import { CategorySchema, IdentitySchema, ResultStatusSchema } from './benchmark';
import { SourceKindSchema } from './reference';

/**
 * Identity keys that comparisons join on. Benchmark families write their result identity with these names so
 * `core/compare` can line results up with published figures (the figures' `workload` uses the same names).
 */
export const IDENTITY_KEYS = {
  engine: 'engine',
  engineVersion: 'engineVersion',
  backend: 'backend',
  modelKey: 'modelKey',
  quant: 'quant',
  isSynthetic: 'isSynthetic',
  promptTokens: 'promptTokens',
  genTokens: 'genTokens',
  concurrency: 'concurrency',
  threads: 'threads',
  gpuLayers: 'gpuLayers',
  flashAttention: 'flashAttention',
} as const;
export type IdentityKey = (typeof IDENTITY_KEYS)[keyof typeof IDENTITY_KEYS];

/** Values of `identity.engine` that figures are joined on. */
export const ENGINE_NAMES = { llamaCpp: 'llama.cpp', ollama: 'ollama', vllm: 'vllm' } as const;

/** Rigmark benchmark ids that published figures exist for (see docs/METHOD.md "Catalogue"). */
export const COMPARABLE_BENCHMARK_IDS = {
  llamacppPp512: 'llamacpp.pp512',
  llamacppTg128: 'llamacpp.tg128',
  ollamaGenerate: 'ollama.generate',
  servingThroughput: 'serving.throughput',
  imageGenerate: 'image.generate',
  visionThroughput: 'vision.throughput',
} as const;

/** Card every Rigmark Score is relative to (an RTX 3090 scores 100). */
export const SCORE_REFERENCE_CARD = 'rtx-3090';

/** One local result as comparisons need it (a projection of the stored `Result`). */
export const LocalResultSchema = z.object({
  benchmarkId: z.string(),
  category: CategorySchema,
  unit: z.string(),
  higherIsBetter: z.boolean(),
  median: z.number().nullable(),
  identity: IdentitySchema,
  status: ResultStatusSchema,
});
export type LocalResult = z.infer<typeof LocalResultSchema>;

/** `exact`: same workload identity. `close`: same model shape, quantisation and lengths, something else differs. */
export const MatchLevelSchema = z.enum(['exact', 'close']);
export type MatchLevel = z.infer<typeof MatchLevelSchema>;

/** The published figure a comparison used, with its source one click away. */
export const FigureRefSchema = z.object({
  recordId: z.string(),
  gpuKey: z.string(),
  gpu: z.string(),
  gpuVariant: z.string(),
  value: z.number(),
  unit: z.string(),
  valueAsPublished: z.string(),
  /** What was run, as the source states it (often a paragraph: shown behind a details control). */
  settings: z.string(),
  /** The stated workload facts in one line ("pp512 · CUDA · Q4_K_M · llama-bench"); '' when none are stated. */
  settingsSummary: z.string(),
  sourceTitle: z.string(),
  sourceUrl: z.string(),
  sourceKind: SourceKindSchema,
  publishedOn: z.string().nullable(),
  note: z.string(),
});
export type FigureRef = z.infer<typeof FigureRefSchema>;

/** A direction-aware ratio: > 1 means the first side is faster. `null` with a reason when it cannot be computed. */
export const RatioSchema = z.object({
  ratio: z.number().nullable(),
  /** (ratio − 1) × 100. */
  deltaPct: z.number().nullable(),
  reason: z.string().nullable(),
});
export type Ratio = z.infer<typeof RatioSchema>;

export const FigureMatchSchema = z.object({
  figure: FigureRefSchema,
  match: MatchLevelSchema,
  /** Why a match is only close, and caveats worth showing ("backend vulkan vs yours cuda"). */
  labels: z.array(z.string()),
});

/** Your result against one card. */
export const CardCellSchema = RatioSchema.extend({
  cardKey: z.string(),
  /** The picked figure (exact first, newest primary first), or null when the card has none for this workload. */
  picked: FigureMatchSchema.nullable(),
  /** ratio > 1 (strictly): you are faster. null when no ratio. */
  isWin: z.boolean().nullable(),
  /** Every other matching figure for this card, ranked, each with its own ratio. */
  alternatives: z.array(FigureMatchSchema.extend(RatioSchema.shape)),
});
export type CardCell = z.infer<typeof CardCellSchema>;

export const BenchmarkRowSchema = z.object({
  benchmarkId: z.string(),
  /** The result's workload identity (model, quantisation, backend, lengths): a run can hold one id several times. */
  identity: IdentitySchema,
  category: CategorySchema,
  unit: z.string(),
  higherIsBetter: z.boolean(),
  yours: z.number().nullable(),
  status: ResultStatusSchema,
  /** Set when the result itself cannot be compared (failed, no median…). */
  skippedReason: z.string().nullable(),
  cards: z.array(CardCellSchema),
});
export type BenchmarkRow = z.infer<typeof BenchmarkRowSchema>;

/** Per category and card: median of the per-benchmark ratios and "wins X of N". */
export const CategorySummarySchema = z.object({
  category: CategorySchema,
  cardKey: z.string(),
  medianRatio: z.number().nullable(),
  medianDeltaPct: z.number().nullable(),
  wins: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type CategorySummary = z.infer<typeof CategorySummarySchema>;

export const ScoreEntrySchema = z.object({
  benchmarkId: z.string(),
  ratio: z.number(),
  recordId: z.string(),
  match: MatchLevelSchema,
});

/** 100 × geometric mean of (yours / RTX 3090), direction-aware, over benchmarks with an RTX 3090 figure. */
export const RigmarkScoreSchema = z.object({
  value: z.number().nullable(),
  referenceCardKey: z.string(),
  /** How many benchmarks entered; always shown with the score. */
  benchmarkCount: z.number().int().nonnegative(),
  entries: z.array(ScoreEntrySchema),
  reason: z.string().nullable(),
  formula: z.string(),
});
export type RigmarkScore = z.infer<typeof RigmarkScoreSchema>;

export const NearestCardSchema = z.object({
  cardKey: z.string(),
  displayName: z.string(),
  /** Geometric mean of your ratios against this card (1 = same speed). */
  geomeanRatio: z.number(),
  benchmarkCount: z.number().int().positive(),
  rule: z.string(),
});
export type NearestCard = z.infer<typeof NearestCardSchema>;

export const RunComparisonSchema = z.object({
  kind: z.literal('run'),
  cards: z.array(z.object({ key: z.string(), displayName: z.string() })),
  rows: z.array(BenchmarkRowSchema),
  categories: z.array(CategorySummarySchema),
  score: RigmarkScoreSchema,
  nearestCard: NearestCardSchema.nullable(),
});
export type RunComparison = z.infer<typeof RunComparisonSchema>;

export const UpgradeGainRowSchema = RatioSchema.extend({
  benchmarkId: z.string(),
  identity: IdentitySchema,
  category: CategorySchema,
  unit: z.string(),
  yours: z.number().nullable(),
  target: FigureMatchSchema.nullable(),
});
export type UpgradeGainRow = z.infer<typeof UpgradeGainRowSchema>;

/** Expected change from your measured figures to a target card's published ones (> 1 = the target is faster). */
export const UpgradeGainSchema = z.object({
  targetKey: z.string(),
  displayName: z.string(),
  rows: z.array(UpgradeGainRowSchema),
  categories: z.array(
    z.object({
      category: CategorySchema,
      medianRatio: z.number().nullable(),
      medianDeltaPct: z.number().nullable(),
      count: z.number().int().nonnegative(),
    }),
  ),
});
export type UpgradeGain = z.infer<typeof UpgradeGainSchema>;

/** Achieved throughput against a physical ceiling (memory bandwidth or peak compute). */
export const PhysicalLimitSchema = z.object({
  kind: z.enum(['memory-bandwidth', 'peak-compute']),
  /** Ceiling in the benchmark's unit (tokens/s). */
  limit: z.number().nullable(),
  pctOfLimit: z.number().nullable(),
  reason: z.string().nullable(),
  formula: z.string(),
});
export type PhysicalLimit = z.infer<typeof PhysicalLimitSchema>;

export const CardPairRowSchema = RatioSchema.extend({
  /** The source's benchmark id the pair shares. */
  sourceBenchmarkId: z.string(),
  rigmarkBenchmarkId: z.string().nullable(),
  category: CategorySchema.nullable(),
  model: z.string(),
  metric: z.string(),
  unit: z.string(),
  higherIsBetter: z.boolean(),
  ref: FigureRefSchema,
  vs: FigureRefSchema,
  isSameSource: z.boolean(),
  labels: z.array(z.string()),
});
export type CardPairRow = z.infer<typeof CardPairRowSchema>;

/** Card vs card from published figures only: > 1 / positive delta = the `ref` card is faster. */
export const CardComparisonSchema = z.object({
  kind: z.literal('cards'),
  refKey: z.string(),
  vsKey: z.string(),
  refDisplayName: z.string(),
  vsDisplayName: z.string(),
  pairingRule: z.string(),
  rows: z.array(CardPairRowSchema),
  categories: z.array(
    z.object({
      category: CategorySchema,
      medianRatio: z.number().nullable(),
      medianDeltaPct: z.number().nullable(),
      refWins: z.number().int().nonnegative(),
      total: z.number().int().nonnegative(),
    }),
  ),
});
export type CardComparison = z.infer<typeof CardComparisonSchema>;

/** A run set against reference cards, with what the UI needs around it. */
export const RunComparisonViewSchema = z.object({
  runId: z.number().int(),
  comparison: RunComparisonSchema,
  /** The user's first GPU and whether it is itself in the reference set. */
  yourGpu: z.object({ detectedName: z.string().nullable(), referenceKey: z.string().nullable() }),
  /** Benchmarks of the catalogue that have published figures to compare with (for "this run has none"). */
  comparableBenchmarkIds: z.array(z.string()),
});
export type RunComparisonView = z.infer<typeof RunComparisonViewSchema>;
