import { z } from 'zod';

/**
 * Parameters of `serving.throughput`, shared by `definitions.ts` (defaults) and the worker (validation of
 * `ctx.job.params`). Only zod here: the parent imports this file. Times in milliseconds.
 */

/** Where vLLM listens by default; the user sets `openaiEndpoint` for llama-server (8080), Ollama (11434)… */
export const OPENAI_DEFAULT_ENDPOINT = 'http://127.0.0.1:8000';

/** Settings keys. */
export const OPENAI_ENDPOINT_SETTING = 'openaiEndpoint';
export const OPENAI_MODEL_SETTING = 'openaiModel';

/** Shown whenever no OpenAI-compatible server answers. */
export const SERVING_HOW_TO_ENABLE =
  'start an OpenAI-compatible server (e.g. “vllm serve <model>”, “llama-server -m <file.gguf>”, SGLang, or Ollama) ' +
  'and set its URL as the OpenAI endpoint in Settings';

/** The catalogue's sweep (docs/METHOD.md): the published serving figures are at these concurrencies. */
export const DEFAULT_CONCURRENCY = [1, 16, 32, 64];

export const ServingParamsSchema = z.object({
  /** Base URL of the server, with or without a trailing `/v1`. */
  endpoint: z.string().min(1).default(OPENAI_DEFAULT_ENDPOINT),
  /** A model id from `/v1/models`; unset = the first listed. */
  model: z.string().min(1).optional(),
  /** Output tokens per request (`max_tokens`, with `ignore_eos` so servers that honour it produce exactly this). */
  maxTokens: z.number().int().positive().max(8192).default(128),
  /** Concurrent streams of each level, in run order; the value is the aggregate at the highest. */
  concurrency: z.array(z.number().int().positive().max(1024)).min(1).default(DEFAULT_CONCURRENCY),
  /** Whole request, stream included. */
  requestTimeoutMs: z.number().int().positive().default(600_000),
  /** Longest gap between two chunks of a stream (also how long a queued request may wait for its first byte). */
  idleTimeoutMs: z.number().int().positive().default(120_000),
  /** `/v1/models` and version probes. */
  metadataTimeoutMs: z.number().int().positive().default(10_000),
});
export type ServingParams = z.infer<typeof ServingParamsSchema>;

/**
 * Validates raw job parameters and applies defaults.
 * @throws Error naming the first invalid field.
 */
export function parseServingParams(raw: Record<string, unknown>): ServingParams {
  const result = ServingParamsSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`invalid serving parameter ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'unknown'}`);
  }
  return result.data;
}

/** `http://h:8000/v1/` → `http://h:8000`: the OpenAI paths are appended with their `/v1`. */
export function serverBase(endpoint: string): string {
  return endpoint.replace(/\/+$/, '').replace(/\/v1$/, '');
}

const TOPICS = [
  'how a refrigerator keeps food cold',
  'how a bicycle gear system works',
  'how bread rises while it bakes',
  'how a lighthouse lens focuses light',
  'how bees communicate the location of flowers',
  'how a suspension bridge carries its load',
  'how rain forms inside a cloud',
  'how a mechanical watch keeps time',
];

/**
 * The fixed prompt of stream `stream` in a level. A unique tag opens each prompt so servers with prefix caching
 * (vLLM, SGLang) still evaluate every prompt in full, as the published random-prompt benchmarks do.
 */
export function servingPrompt(tag: string, stream: number): string {
  const topic = TOPICS[stream % TOPICS.length] ?? TOPICS[0];
  return (
    `[${tag}] Write a detailed, step-by-step explanation of ${topic ?? ''}. Describe each part involved and why ` +
    'it matters, give one everyday example, and use plain language in full sentences.'
  );
}
