import type { Identity } from '../../shared/domain/benchmark';
import { ENGINE_NAMES, IDENTITY_KEYS, type LocalResult, type MatchLevel } from '../../shared/domain/compare';
import type { ReferenceDataset, ReferenceRecord } from '../../shared/domain/reference';
import { compareFigures } from '../reference/figure-order';
import { modelShapeOf, normaliseModelKey, normaliseQuant } from '../reference/model-key';

/**
 * A token-generation figure measured over up to this many times more (or fewer) generated tokens still counts as
 * a close match: llama-bench's tg512 (the Llama 3 8B figures) against Rigmark's tg128. While the KV cache is small,
 * generation speed barely depends on the length; prompt lengths must match exactly (prompt cost grows with length).
 */
export const MAX_GEN_LENGTH_FACTOR = 4;

/** A published figure that fits a local result, how well, and what differs. */
export interface FigureMatch {
  figure: ReferenceRecord;
  match: MatchLevel;
  /** Why the match is only close, and caveats worth showing. */
  labels: string[];
  /** How many identity facts differ or are unknown (0 for exact); ranks close matches. */
  differences: number;
}

type Verdict = 'same' | 'differs' | 'mismatch';
type IdentityValue = Identity[string] | undefined;

/** `llamacpp.pp512` → `llamacpp.pp`: lengths are compared through the identity, not the id. */
export function benchmarkKind(benchmarkId: string): string {
  const llama = /^(llamacpp\.(?:pp|tg))\d+$/.exec(benchmarkId);
  return llama?.[1] ?? benchmarkId;
}

/** The local identity with lengths filled in from a llama.cpp id (`llamacpp.tg128`) when the identity lacks them. */
function localIdentity(local: LocalResult): Identity {
  const identity: Identity = { ...local.identity };
  const lengths = /^llamacpp\.(pp|tg)(\d+)$/.exec(local.benchmarkId);
  if (lengths?.[1] && lengths[2]) {
    const key = lengths[1] === 'pp' ? IDENTITY_KEYS.promptTokens : IDENTITY_KEYS.genTokens;
    if (identity[key] === undefined) identity[key] = Number(lengths[2]);
  }
  return identity;
}

class MatchBuilder {
  readonly labels: string[] = [];
  differences = 0;

  /** A fact both sides must share. Absent locally = not part of this benchmark's identity: skipped. */
  join(name: string, yours: IdentityValue, theirs: string | number | boolean | null): Verdict {
    if (yours === undefined || yours === theirs) return 'same';
    if (theirs === null) return this.differ(`${name} not stated by source`);
    if (yours === null) return this.differ(`your ${name} unknown`);
    return 'mismatch';
  }

  /** A setting that may differ at the cost of a close match (backend, flash attention). */
  setting(name: string, yours: IdentityValue, theirs: string | number | boolean | null): void {
    if (yours === undefined || yours === null || theirs === null || yours === theirs) return;
    this.differ(`${name} ${String(theirs)} vs yours ${String(yours)}`);
  }

  differ(label: string): 'differs' {
    this.labels.push(label);
    this.differences += 1;
    return 'differs';
  }
}

function lower(value: IdentityValue): IdentityValue {
  return typeof value === 'string' ? value.toLowerCase() : value;
}

function matchEngineAndModel(b: MatchBuilder, id: Identity, figure: ReferenceRecord): Verdict {
  const engine = id[IDENTITY_KEYS.engine];
  const theirs = figure.workload.engine;
  // README rule: a figure whose engine is not stated is never a llama.cpp or Ollama figure.
  if (theirs === null && (engine === ENGINE_NAMES.llamaCpp || engine === ENGINE_NAMES.ollama)) return 'mismatch';
  if (b.join('engine', lower(engine), theirs) === 'mismatch') return 'mismatch';
  const model = id[IDENTITY_KEYS.modelKey];
  if (typeof model !== 'string' || figure.workload.modelKey === null) return 'mismatch';
  const modelKey = normaliseModelKey(model);
  if (modelKey === figure.workload.modelKey) return 'same';
  if (modelShapeOf(modelKey) !== figure.workload.modelShape) return 'mismatch';
  return b.differ(`model ${figure.workload.modelKey} (same shape as yours, ${String(modelKey)})`);
}

function matchLengths(b: MatchBuilder, id: Identity, figure: ReferenceRecord): Verdict {
  const w = figure.workload;
  if (b.join('prompt length', id[IDENTITY_KEYS.promptTokens], w.promptTokens) === 'mismatch') return 'mismatch';
  const gen = id[IDENTITY_KEYS.genTokens];
  if (typeof gen === 'number' && w.genTokens !== null && gen !== w.genTokens && gen > 0) {
    const factor = Math.max(gen, w.genTokens) / Math.min(gen, w.genTokens);
    const isTokenGeneration = benchmarkKind(w.rigmarkBenchmarkId ?? '') === 'llamacpp.tg';
    if (!isTokenGeneration || factor > MAX_GEN_LENGTH_FACTOR) return 'mismatch';
    return b.differ(`generation length ${w.genTokens} vs yours ${gen}`);
  }
  return b.join('generation length', gen, w.genTokens);
}

function noteCaveats(b: MatchBuilder, id: Identity, figure: ReferenceRecord): void {
  const flags = figure.workload.flags;
  if (flags.includes('historical-build')) b.differ('historical engine build (source calls it old)');
  if (flags.includes('multi-gpu')) b.differ(`measured on ${figure.workload.gpuCount} GPUs`);
  if (flags.includes('suspect-value')) b.labels.push('value flagged as suspect');
  if (flags.includes('unverified-transcription')) b.labels.push('transcribed from a compilation, not yet checked');
  if (id[IDENTITY_KEYS.isSynthetic] === true) b.labels.push('your weights are synthetic (same shapes)');
}

/** A local quantisation in the dataset's spelling (`MOSTLY_Q4_0` → `Q4_0`); "unknown" counts as unknown. */
function localQuant(quant: IdentityValue): IdentityValue {
  if (typeof quant !== 'string') return quant;
  if (/^\s*(unknown)?\s*$/i.test(quant)) return null;
  return normaliseQuant(quant) ?? quant;
}

/** How one figure fits one local result, or null when it is not comparable at all. */
export function matchFigure(local: LocalResult, figure: ReferenceRecord): FigureMatch | null {
  // Measured on a CPU implementation of WebGPU (SwiftShader, llvmpipe, WARP): says nothing about a GPU, so never
  // set beside a published GPU figure, whatever else matches (the gpu family records this in its identity).
  if (local.identity['isSoftwareAdapter'] === true) return null;
  const w = figure.workload;
  if (w.rigmarkBenchmarkId === null || benchmarkKind(w.rigmarkBenchmarkId) !== benchmarkKind(local.benchmarkId)) {
    return null;
  }
  if (figure.unit.trim().toLowerCase() !== local.unit.trim().toLowerCase()) return null;
  if (figure.higherIsBetter !== local.higherIsBetter) return null;
  const id = localIdentity(local);
  const b = new MatchBuilder();
  if (matchEngineAndModel(b, id, figure) === 'mismatch') return null;
  if (b.join('quantisation', localQuant(id[IDENTITY_KEYS.quant]), w.quant) === 'mismatch') return null;
  if (matchLengths(b, id, figure) === 'mismatch') return null;
  if (b.join('concurrency', id[IDENTITY_KEYS.concurrency], w.concurrency) === 'mismatch') return null;
  b.setting('backend', lower(id[IDENTITY_KEYS.backend]), w.backend);
  b.setting('flash attention', id[IDENTITY_KEYS.flashAttention], w.flashAttention);
  noteCaveats(b, id, figure);
  return { figure, match: b.differences === 0 ? 'exact' : 'close', labels: b.labels, differences: b.differences };
}

/**
 * The README rule, made total: exact before close; fewer differences first; a value flagged suspect last; primary
 * before secondary source; newest first (undated last); then source-file order.
 */
export function compareMatches(a: FigureMatch, b: FigureMatch): number {
  if (a.match !== b.match) return a.match === 'exact' ? -1 : 1;
  if (a.differences !== b.differences) return a.differences - b.differences;
  return compareFigures(a.figure, b.figure);
}

/**
 * Every published figure comparable with a local result, best first by `compareMatches` (the order is the same
 * within each card, so the first figure of a card is the one to use).
 */
export function matchFigures(local: LocalResult, dataset: ReferenceDataset): FigureMatch[] {
  const matches: FigureMatch[] = [];
  for (const figure of dataset.records) {
    const match = matchFigure(local, figure);
    if (match) matches.push(match);
  }
  return matches.sort(compareMatches);
}

/** Ranked matches grouped by card key (each list best first). */
export function matchesByCard(matches: readonly FigureMatch[]): Map<string, FigureMatch[]> {
  const byCard = new Map<string, FigureMatch[]>();
  for (const match of matches) {
    const list = byCard.get(match.figure.gpuKey) ?? [];
    list.push(match);
    byCard.set(match.figure.gpuKey, list);
  }
  return byCard;
}
