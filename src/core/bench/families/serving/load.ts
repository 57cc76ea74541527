import { EngineError, isEngineError } from '../../../engines/errors';
import { streamChat, type ServingTimeouts, type StreamOutcome } from './client';

/** Figures of one concurrency level. Rates in tokens/s, times in ms. */
export interface LevelResult {
  concurrency: number;
  /** All streams' output tokens / wall time from the first request sent to the last stream finished. */
  tokensPerSec: number;
  ttftP50Ms: number;
  ttftP95Ms: number;
  /** Median over streams of the decode rate after the first token: (tokens − 1) / (last − first token time). */
  perStreamTokensPerSec: number;
  outputTokens: number;
  /** Largest `usage.prompt_tokens` reported, or null when the server sent no usage. */
  promptTokens: number | null;
  isUsageReported: boolean;
}

/** Linear-interpolated percentile (numpy's default, as vLLM's benchmark reports), `p` in 0…100. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const lowValue = sorted[low] ?? Number.NaN;
  return lowValue + ((sorted[high] ?? lowValue) - lowValue) * (rank - low);
}

/** Turns the outcomes of one level into its figures. */
export function summariseLevel(concurrency: number, levelStartedAt: number, outcomes: readonly StreamOutcome[]): LevelResult {
  const outputTokens = outcomes.reduce((sum, o) => sum + o.outputTokens, 0);
  const endedAt = Math.max(...outcomes.map((o) => o.endedAt));
  const ttfts = outcomes.flatMap((o) => (o.firstTokenAt === null ? [] : [o.firstTokenAt - o.startedAt]));
  const decodeRates = outcomes.flatMap((o) => {
    const span = o.firstTokenAt === null || o.lastTokenAt === null ? 0 : o.lastTokenAt - o.firstTokenAt;
    return span > 0 && o.outputTokens > 1 ? [(o.outputTokens - 1) / (span / 1000)] : [];
  });
  const prompts = outcomes.flatMap((o) => (o.promptTokens === null ? [] : [o.promptTokens]));
  return {
    concurrency,
    tokensPerSec: outputTokens / ((endedAt - levelStartedAt) / 1000),
    ttftP50Ms: percentile(ttfts, 50),
    ttftP95Ms: percentile(ttfts, 95),
    perStreamTokensPerSec: percentile(decodeRates, 50),
    outputTokens,
    promptTokens: prompts.length > 0 ? Math.max(...prompts) : null,
    isUsageReported: outcomes.every((o) => o.isUsageReported),
  };
}

/** One failure for the whole level: how many streams failed, and the first real cause (not the abort it set off). */
function levelFailure(concurrency: number, failures: unknown[]): unknown {
  const real = failures.find((e) => !isEngineError(e, 'ABORTED')) ?? failures[0];
  if (!isEngineError(real)) return real;
  const count = failures.filter((e) => !isEngineError(e, 'ABORTED')).length || failures.length;
  const prefix = concurrency === 1 ? '' : `${count} of ${concurrency} streams failed at concurrency ${concurrency}; first: `;
  return new EngineError(real.code, `${prefix}${real.detail}`, real.url, { cause: real });
}

/** What a level sends. */
export interface LevelPlan {
  base: string;
  model: string;
  maxTokens: number;
  concurrency: number;
  prompt(stream: number): string;
  timeouts: ServingTimeouts;
}

/**
 * Starts `concurrency` streamed requests at once and waits for all. The first failure cancels the rest (a
 * sweep with failing requests is not comparable) and fails the level.
 * @throws {EngineError} the first stream's failure, prefixed with how many streams failed.
 */
export async function runLevel(plan: LevelPlan, signal: AbortSignal): Promise<LevelResult> {
  const level = new AbortController();
  const combined = AbortSignal.any([signal, level.signal]);
  const startedAt = performance.now();
  const settled = await Promise.allSettled(
    Array.from({ length: plan.concurrency }, (_, stream) =>
      streamChat(plan.base, { model: plan.model, prompt: plan.prompt(stream), maxTokens: plan.maxTokens }, plan.timeouts, combined).catch(
        (error: unknown) => {
          level.abort();
          throw error;
        },
      ),
    ),
  );
  const failures = settled.flatMap((s) => (s.status === 'rejected' ? [s.reason as unknown] : []));
  if (failures.length > 0) throw levelFailure(plan.concurrency, failures);
  const outcomes = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  return summariseLevel(plan.concurrency, startedAt, outcomes);
}
