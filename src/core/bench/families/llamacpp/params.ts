import { isAbsolute } from 'node:path';
import { z } from 'zod';
import { LLAMA_BACKENDS } from './backend';

/**
 * The synthetic model a llama.cpp benchmark runs when the user names none (docs/METHOD.md "Suites"): the shape the
 * bundled figures cover best, so a default run compares with the A100 and the RTX 4090.
 */
export const DEFAULT_MODEL = 'synthetic:llama-3-8b-q4_k_m';

const SYNTHETIC_PREFIX = 'synthetic:';

/** Prompt length of pp512 and generation length of tg128, as llama-bench's defaults. */
export const PROMPT_TOKENS = 512;
export const GEN_TOKENS = 128;

/**
 * Parameters of `llamacpp.pp512` / `llamacpp.tg128`. Defaults follow llama-bench (`-b 2048 -ub 512 -fa 0 -ngl 99`)
 * so figures line up with the published scoreboards that were made with it.
 */
export const LlamaParamsSchema = z.object({
  /** `synthetic:NAME` (a manifest of core/models/synthetic) or an absolute path to a GGUF file. */
  model: z.string().min(1).default(DEFAULT_MODEL),
  /** CPU threads for evaluation; unset means the physical core count (llama-bench's default). */
  threads: z.number().int().positive().max(1024).optional(),
  /** `'max'`: every layer on the GPU, as llama-bench `-ngl 99`; a number offloads that many. */
  gpuLayers: z.union([z.literal('max'), z.number().int().nonnegative()]).default('max'),
  flashAttention: z.boolean().default(false),
  /** llama.cpp `n_batch`: tokens handed to one decode call. */
  batchSize: z.number().int().positive().default(2048),
  /** llama.cpp `n_ubatch`: tokens computed in one graph. */
  ubatchSize: z.number().int().positive().default(512),
  /** Backend override; normally chosen by the parent from the system snapshot (see `chooseBackend`). */
  backend: z.enum(LLAMA_BACKENDS).optional(),
});
export type LlamaParams = z.infer<typeof LlamaParamsSchema>;

/** Where a model comes from. */
export type ModelRef = { kind: 'synthetic'; name: string } | { kind: 'file'; path: string };

/**
 * Parses the `model` parameter.
 * @throws Error for an empty synthetic name or a relative path (the worker's cwd is not the user's).
 */
export function parseModelRef(model: string): ModelRef {
  if (model.startsWith(SYNTHETIC_PREFIX)) {
    const name = model.slice(SYNTHETIC_PREFIX.length).trim();
    if (name === '') throw new Error('model "synthetic:" names no synthetic model');
    return { kind: 'synthetic', name };
  }
  if (!isAbsolute(model)) throw new Error(`model must be "synthetic:NAME" or an absolute file path, got "${model}"`);
  return { kind: 'file', path: model };
}

/**
 * Validates raw job parameters and applies defaults.
 * @throws Error naming the first invalid field.
 */
export function parseLlamaParams(raw: Record<string, unknown>): LlamaParams {
  const result = LlamaParamsSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`invalid llama.cpp parameter ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'unknown'}`);
  }
  return result.data;
}

/**
 * The batch node-llama-cpp gets. Its context sets `n_ubatch = n_batch` and queues tokens in JS, so llama-bench's
 * (`n_batch`, `n_ubatch`) pair maps to one size: the smaller of the two, capped by the context like llama.cpp caps
 * `n_batch` at `n_ctx`. For a 512-token prompt with the defaults both run one 512-token graph.
 */
export function effectiveBatchSize(params: Pick<LlamaParams, 'batchSize' | 'ubatchSize'>, contextSize: number): number {
  return Math.max(1, Math.min(params.batchSize, params.ubatchSize, contextSize));
}
