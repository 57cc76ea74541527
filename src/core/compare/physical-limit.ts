import type { LocalResult, PhysicalLimit } from '../../shared/domain/compare';
import { benchmarkKind } from './match-figures';

export const GENERATION_LIMIT_FORMULA =
  'token generation is memory-bound: limit tokens/s = bandwidth (bytes/s) ÷ bytes read per token (weights + KV)';
export const PROMPT_LIMIT_FORMULA =
  'prompt processing is compute-bound: limit tokens/s = peak FLOP/s ÷ (2 × parameters) FLOPs per token';

function positive(value: number | null | undefined, name: string): string | null {
  if (value === null || value === undefined) return `${name} unknown`;
  if (!Number.isFinite(value) || value <= 0) return `${name} must be a positive finite number`;
  return null;
}

function limitResult(
  kind: PhysicalLimit['kind'],
  formula: string,
  tokensPerSecond: number | null,
  compute: () => number,
  problem: string | null,
): PhysicalLimit {
  if (problem !== null) return { kind, limit: null, pctOfLimit: null, reason: problem, formula };
  const limit = compute();
  const pct = ((tokensPerSecond as number) / limit) * 100;
  if (!Number.isFinite(limit) || limit <= 0 || !Number.isFinite(pct)) {
    return { kind, limit: null, pctOfLimit: null, reason: 'out of representable range', formula };
  }
  return { kind, limit, pctOfLimit: pct, reason: null, formula };
}

/**
 * Token generation against the memory-bandwidth ceiling. `bandwidthGBps` in GB/s (10⁹ bytes/s: the card's spec
 * or a measured `gpu.bandwidth`), `bytesPerToken` in bytes (model weight bytes, plus KV if known).
 */
export function tokenGenerationLimit(input: {
  tokensPerSecond: number | null;
  bandwidthGBps: number | null;
  bytesPerToken: number | null;
}): PhysicalLimit {
  const problem =
    positive(input.tokensPerSecond, 'tokens/s') ??
    positive(input.bandwidthGBps, 'memory bandwidth') ??
    positive(input.bytesPerToken, 'bytes per token');
  return limitResult(
    'memory-bandwidth',
    GENERATION_LIMIT_FORMULA,
    input.tokensPerSecond,
    () => ((input.bandwidthGBps as number) * 1e9) / (input.bytesPerToken as number),
    problem,
  );
}

/** Prompt processing against peak compute. `peakTflops` in TFLOP/s (10¹² FLOP/s), `params` = parameter count. */
export function promptProcessingLimit(input: {
  tokensPerSecond: number | null;
  peakTflops: number | null;
  params: number | null;
}): PhysicalLimit {
  const problem =
    positive(input.tokensPerSecond, 'tokens/s') ??
    positive(input.peakTflops, 'peak TFLOPS') ??
    positive(input.params, 'parameter count');
  return limitResult(
    'peak-compute',
    PROMPT_LIMIT_FORMULA,
    input.tokensPerSecond,
    () => ((input.peakTflops as number) * 1e12) / (2 * (input.params as number)),
    problem,
  );
}

/** Facts about the card and model a limit needs; any may be unknown. */
export interface LimitFacts {
  bandwidthGBps?: number | null;
  peakTflops?: number | null;
  bytesPerToken?: number | null;
  params?: number | null;
}

/**
 * The physical limit that applies to a local result: generation benchmarks (`llamacpp.tg*`, `ollama.generate`)
 * against bandwidth, prompt processing (`llamacpp.pp*`) against compute. Null for benchmarks with no such limit.
 */
export function physicalLimitFor(local: LocalResult, facts: LimitFacts): PhysicalLimit | null {
  const kind = benchmarkKind(local.benchmarkId);
  if (kind === 'llamacpp.tg' || kind === 'ollama.generate') {
    return tokenGenerationLimit({
      tokensPerSecond: local.median,
      bandwidthGBps: facts.bandwidthGBps ?? null,
      bytesPerToken: facts.bytesPerToken ?? null,
    });
  }
  if (kind === 'llamacpp.pp') {
    return promptProcessingLimit({
      tokensPerSecond: local.median,
      peakTflops: facts.peakTflops ?? null,
      params: facts.params ?? null,
    });
  }
  return null;
}
