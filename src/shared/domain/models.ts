import { z } from 'zod';

/** Where a model file was found. */
export const ModelSourceSchema = z.enum(['file', 'ollama', 'lm-studio', 'huggingface', 'synthetic']);
export type ModelSource = z.infer<typeof ModelSourceSchema>;

/** The header facts the UI and the planner need, picked from `readGgufInfo`. Counts are plain numbers. */
export const ModelInfoSummarySchema = z.object({
  architecture: z.string().nullable(),
  name: z.string().nullable(),
  /** `'Q4_K_M'`, `'F16'`… (gguf/reader.ts `quantization`). */
  quantization: z.string().nullable(),
  parameterCount: z.number().int().nonnegative(),
  contextLength: z.number().int().nullable(),
  embeddingLength: z.number().int().nullable(),
  blockCount: z.number().int().nullable(),
  vocabSize: z.number().int().nullable(),
  tensorCount: z.number().int().nonnegative(),
  isSynthetic: z.boolean(),
});
export type ModelInfoSummary = z.infer<typeof ModelInfoSummarySchema>;

/** The header read, or why it could not be: `code` is a GgufError code, or `UNREADABLE` for file system errors. */
export const ModelInfoSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), summary: ModelInfoSummarySchema }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) }),
]);
export type ModelInfo = z.infer<typeof ModelInfoSchema>;

/** One model file found on disk. */
export const ModelEntrySchema = z.object({
  /** Stable id: `file:/abs/path.gguf`, `ollama:llama3:8b`, `lm-studio:pub/repo/file.gguf`, `huggingface:org/repo/file.gguf`, `synthetic:tiny`. */
  id: z.string().min(1),
  source: ModelSourceSchema,
  /** Absolute path of the GGUF file (for Ollama, the blob). */
  path: z.string().min(1),
  /** File size in bytes (all shards for a split model). */
  sizeBytes: z.number().int().nonnegative(),
  displayName: z.string().min(1),
  /** Absent when discovery was asked not to read headers. */
  info: ModelInfoSchema.optional(),
});
export type ModelEntry = z.infer<typeof ModelEntrySchema>;

/** A synthetic same-shape model Rigmark can write (docs/METHOD.md "Models without downloads"). */
export const SyntheticModelSchema = z.object({
  name: z.string(),
  displayName: z.string(),
  quantization: z.string(),
  parameterCount: z.number().int().nonnegative(),
  /** Exact size of the file once written. */
  sizeBytes: z.number().int().nonnegative(),
  isGenerated: z.boolean(),
  path: z.string().nullable(),
});
export type SyntheticModel = z.infer<typeof SyntheticModelSchema>;

export const ModelsViewSchema = z.object({
  models: z.array(ModelEntrySchema.extend({ sha256: z.string().nullable() })),
  synthetic: z.array(SyntheticModelSchema),
  /** Where generated models are written. */
  modelsDir: z.string(),
});
export type ModelsView = z.infer<typeof ModelsViewSchema>;
