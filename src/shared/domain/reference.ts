import { z } from 'zod';
import { CategorySchema } from './benchmark';
import { BackendNameSchema, GpuVendorSchema } from './system';

/** Suites as `public-figures.json` names them. `other` = engine not stated: never treated as llama.cpp or Ollama. */
export const ReferenceSuiteSchema = z.enum(['llamacpp', 'ollama', 'vllm', 'image', 'vision', 'spec', 'other']);
export type ReferenceSuite = z.infer<typeof ReferenceSuiteSchema>;

/** `primary` = the measurer's own publication; `secondary` = a compilation quoting it. */
export const SourceKindSchema = z.enum(['primary', 'primary(mirror)', 'secondary']);
export type SourceKind = z.infer<typeof SourceKindSchema>;

/** Engines Rigmark joins on. Anything else (or unstated) is `null` in a figure's workload. */
export const EngineNameSchema = z.enum(['llama.cpp', 'ollama', 'vllm']);
export type EngineName = z.infer<typeof EngineNameSchema>;

/**
 * Caveats derived from a record's note/ids, so the UI and the ranking can act on them without parsing prose.
 * `historical-build`: a build the source itself calls old; `suspect-value`: the source or the compiler flags the
 * value; `multi-gpu`: more than one GPU; `lower-bound`: the figure is a stated minimum; `unverified-transcription`:
 * copied from a compilation not yet checked against the original page.
 */
export const FigureFlagSchema = z.enum([
  'historical-build',
  'suspect-value',
  'multi-gpu',
  'lower-bound',
  'unverified-transcription',
]);
export type FigureFlag = z.infer<typeof FigureFlagSchema>;

/** Partial ISO date: `2024`, `2024-05` or `2024-05-12` (sources state dates at different precision). */
export const PartialDateSchema = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD');

/**
 * The workload identity derived from a record (by `scripts/build-reference.ts`), in the same key names a local
 * result's identity uses (`IDENTITY_KEYS` in ./compare). `null` = the source does not state it.
 */
export const WorkloadSchema = z.object({
  /** The Rigmark benchmark this figure can be compared with (`llamacpp.pp512`, `spec.memory-bandwidth`, …). */
  rigmarkBenchmarkId: z.string().nullable(),
  category: CategorySchema.nullable(),
  engine: EngineNameSchema.nullable(),
  /** Engine build as stated: llama.cpp commit, Ollama version. */
  engineBuild: z.string().nullable(),
  /** Harness that produced the figure (`llama-bench`, `llama-server`, `vllm bench serve`, …). */
  tool: z.string().nullable(),
  modelKey: z.string().nullable(),
  /** Tensor-shape family: models with identical shapes (LLaMA 1 7B and Llama 2 7B) share it. */
  modelShape: z.string().nullable(),
  quant: z.string().nullable(),
  promptTokens: z.number().int().positive().nullable(),
  genTokens: z.number().int().positive().nullable(),
  concurrency: z.number().int().positive().nullable(),
  backend: BackendNameSchema.nullable(),
  flashAttention: z.boolean().nullable(),
  gpuCount: z.number().int().positive(),
  flags: z.array(FigureFlagSchema),
});
export type Workload = z.infer<typeof WorkloadSchema>;

/** One published figure with every provenance field of the source record, camelCased, plus derived fields. */
export const ReferenceRecordSchema = z.object({
  /** Stable id: `<gpuKey>/<benchmarkId>/<8 hex of sha256 over the source record>`. */
  id: z.string().min(1),
  /** Position in the source file; the last tie-break when ranking figures. */
  sourceIndex: z.number().int().nonnegative(),
  gpu: z.string(),
  gpuVariant: z.string(),
  gpuKey: z.string().min(1),
  suite: ReferenceSuiteSchema,
  benchmarkId: z.string().min(1),
  model: z.string(),
  settings: z.string(),
  metric: z.string(),
  unit: z.string().min(1),
  /** `null` where direction has no meaning (TDP). */
  higherIsBetter: z.boolean().nullable(),
  value: z.number(),
  valueAsPublished: z.string(),
  sourceUrl: z.string().min(1),
  sourceTitle: z.string(),
  sourceKind: SourceKindSchema,
  note: z.string(),
  /** When the figure was published, as precisely as the source says; `null` when it does not. */
  publishedOn: PartialDateSchema.nullable(),
  /** Where `publishedOn` came from (shown next to it). */
  publishedOnBasis: z.string(),
  workload: WorkloadSchema,
});
export type ReferenceRecord = z.infer<typeof ReferenceRecordSchema>;

/** `resources/reference/figures.json`. */
export const FiguresFileSchema = z.object({
  datasetVersion: z.string().min(1),
  /** The source file's date (fixed, so rebuilding is byte-identical). */
  generatedAt: z.string().min(1),
  sourceFile: z.string().min(1),
  sourceSha256: z.string().regex(/^[0-9a-f]{64}$/),
  records: z.array(z.unknown()),
});

/** Hand-curated identity of a card: how to name it and how detected GPU names map to it. */
export const CardMetaSchema = z.object({
  key: z.string().min(1),
  displayName: z.string().min(1),
  vendor: GpuVendorSchema,
  /** 2 for figures measured on two cards together (`2x-rtx-3090`); never matched to a detected GPU. */
  gpuCount: z.number().int().positive(),
  /** Model names as detection tools print them, vendor prefix optional ("GeForce RTX 3090 Ti"). */
  aliases: z.array(z.string().min(1)),
  /** Apple chips come in several GPU-core counts; the count the figures were measured on. */
  gpuCores: z.number().int().positive().nullable(),
});
export type CardMeta = z.infer<typeof CardMetaSchema>;

/** `resources/reference/cards.json`. */
export const CardsFileSchema = z.object({ cards: z.array(CardMetaSchema) });

/** The loaded, validated dataset: figures plus the card catalogue. */
export const ReferenceDatasetSchema = z.object({
  datasetVersion: z.string(),
  generatedAt: z.string(),
  sourceFile: z.string(),
  sourceSha256: z.string(),
  records: z.array(ReferenceRecordSchema),
  cards: z.array(CardMetaSchema),
});
export type ReferenceDataset = z.infer<typeof ReferenceDatasetSchema>;

export const SpecFieldSchema = z.enum([
  'vramGB',
  'memoryBandwidthGBps',
  'fp32Tflops',
  'fp16TensorTflops',
  'bf16TensorTflops',
  'tdpW',
]);
export type SpecField = z.infer<typeof SpecFieldSchema>;

/** A spec figure with the record it came from and the rule that picked it among candidates. */
export const SpecValueSchema = z.object({
  value: z.number(),
  unit: z.string(),
  /** `spec-record`: a vendor/board spec record; `variant-name`: memory size stated in the card's variant name. */
  basis: z.enum(['spec-record', 'variant-name']),
  recordId: z.string(),
  variant: z.string(),
  valueAsPublished: z.string(),
  sourceTitle: z.string(),
  sourceUrl: z.string(),
  sourceKind: SourceKindSchema,
  note: z.string(),
  /** The documented rule, in words, that chose this candidate. */
  rule: z.string(),
  /** The other candidates (other variants or sources), so the UI can show the disagreement. */
  alternatives: z.array(
    z.object({ recordId: z.string(), value: z.number(), variant: z.string(), sourceTitle: z.string() }),
  ),
});
export type SpecValue = z.infer<typeof SpecValueSchema>;

export const CardSpecsSchema = z.record(SpecFieldSchema, SpecValueSchema.nullable());
export type CardSpecs = Record<SpecField, SpecValue | null>;

/** What `listCards()` returns per card. */
export const CardSummarySchema = z.object({
  key: z.string(),
  displayName: z.string(),
  vendor: GpuVendorSchema,
  gpuCount: z.number().int().positive(),
  /** Variants as the sources name them (`SXM4 80GB`, `PCIe 40GB`); empty when none is stated. */
  variants: z.array(z.string()),
  figureCount: z.number().int().nonnegative(),
  specs: CardSpecsSchema,
});
export type CardSummary = z.infer<typeof CardSummarySchema>;

/** Result of mapping a detected GPU name onto the catalogue. */
export const GpuNameMatchSchema = z.object({
  key: z.string(),
  displayName: z.string(),
  /** Form factor + memory read from the detected name, e.g. `SXM 80GB`; `null` when the name does not say. */
  variant: z.string().nullable(),
});
export type GpuNameMatch = z.infer<typeof GpuNameMatchSchema>;
