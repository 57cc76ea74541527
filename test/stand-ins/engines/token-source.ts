import { setTimeout as delay } from 'node:timers/promises';

/** One generation asked of a token source. */
export interface GenerationRequest {
  prompt: string;
  /** Exactly this many tokens are produced unless `signal` aborts (end-of-sequence is never sampled). */
  maxTokens: number;
  /** Called once per generated token with its text; awaited, so a slow client slows generation (backpressure). */
  onToken(piece: string): void | Promise<void>;
  signal: AbortSignal;
}

/** Timings of one generation, measured by the source itself, in milliseconds. */
export interface GenerationStats {
  promptTokens: number;
  /** Tokens produced (fewer than asked only when aborted). */
  tokens: number;
  /** Start → first token (prompt evaluation plus the first sample). */
  promptEvalMs: number;
  /** First token → last token. */
  evalMs: number;
}

/** Where the stand-in servers get their tokens: the real llama.cpp engine, or a scripted fallback. */
export interface TokenSource {
  /** What the stand-ins list as the model (e.g. the GGUF file's stem). */
  readonly modelName: string;
  /** Size in bytes reported by `/api/tags`. */
  readonly sizeBytes: number;
  /** How long loading took, in milliseconds (reported as Ollama's first `load_duration`). */
  readonly loadMs: number;
  /** Tokens the source can generate at once; more requests wait in a queue. */
  readonly parallel: number;
  generate(request: GenerationRequest): Promise<GenerationStats>;
  close(): Promise<void>;
}

/**
 * A token source that needs no model: word pieces `" w0"`, `" w1"`, … after `tokenDelayMs` each. For fault and
 * protocol tests where token values do not matter; adapters' token counts are still exact.
 */
export function createScriptedTokenSource(options: { tokenDelayMs?: number; modelName?: string } = {}): TokenSource {
  const tokenDelayMs = options.tokenDelayMs ?? 1;
  return {
    modelName: options.modelName ?? 'scripted',
    sizeBytes: 1_000_000,
    loadMs: 5,
    parallel: Number.POSITIVE_INFINITY,
    async generate(request) {
      const startedAt = performance.now();
      let firstAt = startedAt;
      let tokens = 0;
      while (tokens < request.maxTokens && !request.signal.aborted) {
        await delay(tokenDelayMs, undefined, { signal: request.signal }).catch(() => undefined);
        if (request.signal.aborted) break;
        if (tokens === 0) firstAt = performance.now();
        await request.onToken(` w${tokens}`);
        tokens += 1;
      }
      const promptTokens = request.prompt.split(/\s+/).filter((word) => word !== '').length;
      return { promptTokens, tokens, promptEvalMs: firstAt - startedAt, evalMs: performance.now() - firstAt };
    },
    close: async () => undefined,
  };
}
