import { z } from 'zod';

/**
 * Parameters of `ollama.generate`, shared by `definitions.ts` (defaults) and the worker (validation of
 * `ctx.job.params`). Only zod here: the parent imports this file. Times in milliseconds.
 */

/** Where Ollama listens unless the user set `ollamaEndpoint` in Settings. */
export const OLLAMA_DEFAULT_ENDPOINT = 'http://127.0.0.1:11434';

/** Settings key of the endpoint. */
export const OLLAMA_ENDPOINT_SETTING = 'ollamaEndpoint';

/** Shown whenever Ollama does not answer. */
export const OLLAMA_HOW_TO_ENABLE = 'install Ollama and run “ollama serve”, or set the endpoint in Settings';

export const OllamaParamsSchema = z.object({
  /** Base URL of the Ollama server (from Settings, loopback by default). */
  endpoint: z.string().min(1).default(OLLAMA_DEFAULT_ENDPOINT),
  /** An Ollama model name (`gpt-oss:20b`); unset = the smallest model `/api/tags` lists. */
  model: z.string().min(1).optional(),
  /** Tokens generated per measured request (Ollama `num_predict`), as the fleet figures' 128. */
  numPredict: z.number().int().positive().max(8192).default(128),
  /**
   * Tokens of the streamed TTFT request. A few more than one, because thinking models (gpt-oss) spend their
   * first tokens on channel markers that stream as empty text.
   */
  ttftNumPredict: z.number().int().positive().max(512).default(16),
  /** Whole request, model load included (a 20B model from a slow disk takes minutes). */
  requestTimeoutMs: z.number().int().positive().default(600_000),
  /** Longest gap between two chunks of a streamed answer. */
  idleTimeoutMs: z.number().int().positive().default(120_000),
  /** `/api/version` and `/api/tags`. */
  metadataTimeoutMs: z.number().int().positive().default(10_000),
});
export type OllamaParams = z.infer<typeof OllamaParamsSchema>;

/**
 * Validates raw job parameters and applies defaults.
 * @throws Error naming the first invalid field.
 */
export function parseOllamaParams(raw: Record<string, unknown>): OllamaParams {
  // `--model ollama:NAME:TAG` arrives as the blob path in `model` (for llama.cpp) and the name in `ollamaModel`.
  const { ollamaModel, ...rest } = raw;
  const result = OllamaParamsSchema.safeParse(typeof ollamaModel === 'string' ? { ...rest, model: ollamaModel } : rest);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`invalid Ollama parameter ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'unknown'}`);
  }
  return result.data;
}

/**
 * The fixed prompt. Each request prefixes a request number so Ollama's prompt cache (which reuses the longest
 * common prefix of a slot) cannot skip the prompt: every request evaluates the full prompt, as the first does.
 */
export function ollamaPrompt(requestNumber: number): string {
  return (
    `Request ${String(requestNumber).padStart(4, '0')}. Write a detailed, step-by-step explanation of how a ` +
    'refrigerator keeps food cold. Cover the compressor, the refrigerant cycle, the condenser coils, the ' +
    'evaporator and the thermostat, and explain why the back of the fridge feels warm. Use plain language.'
  );
}
