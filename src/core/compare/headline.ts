import { IDENTITY_KEYS, type BenchmarkRow, type LocalResult } from '../../shared/domain/compare';
import type { Headline, HeadlineCard, HeadlineMiss } from '../../shared/domain/headline';
import type { ReferenceDataset } from '../../shared/domain/reference';
import { shortCardName } from '../../shared/format/headline';
import { normaliseQuant } from '../reference/model-key';
import { suggestComparableModel, type CandidateBenchmark, type ModelCandidate } from './headline-suggestion';
import { benchmarkKind } from './match-figures';
import { geometricMean } from './ratio';
import { compareRunToCards } from './run-comparison';

export const HEADLINE_RULE =
  'per card: geometric mean of (yours ÷ card) over your benchmarks that have a figure for it, using the figure ' +
  'Compare picks (exact before close); lower-is-better units inverted, so > 1 means you are faster';

export interface HeadlineOptions {
  runId: number;
  /** The cards of the headline (DEFAULT_CARDS). */
  cardKeys: readonly string[];
  /** Models Rigmark can generate, for "what would compare" when a card has no ratio. */
  candidates: readonly ModelCandidate[];
  /** The benchmarks those models run (llama.cpp pp512 / tg128). */
  candidateBenchmarks: readonly CandidateBenchmark[];
}

/** "llama.cpp · synthetic tiny Q4_0 · cpu": the identity facts figures are joined on, in words. */
export function describeWorkload(local: LocalResult): string {
  const id = local.identity;
  const text = (key: string): string | null => {
    const value = id[key];
    return value === undefined || value === null || value === '' ? null : String(value);
  };
  const quant = text(IDENTITY_KEYS.quant);
  // In the dataset's spelling (GGUF files say MOSTLY_Q4_0), so the words match the figures they lack.
  const model = [id[IDENTITY_KEYS.isSynthetic] === true ? 'synthetic' : null, text(IDENTITY_KEYS.modelKey), quant === null ? null : (normaliseQuant(quant) ?? quant)]
    .filter((p): p is string => p !== null)
    .join(' ');
  const concurrency = text(IDENTITY_KEYS.concurrency);
  const parts = [text(IDENTITY_KEYS.engine), model || null, concurrency ? `concurrency ${concurrency}` : null, text(IDENTITY_KEYS.backend)];
  const words = parts.filter((p): p is string => p !== null).join(' · ');
  return words === '' ? local.benchmarkId : words;
}

function noFigureReason(benchmarkId: string, workload: string): string {
  return `no figure for ${benchmarkId} on ${workload}`;
}

function missesOf(rows: readonly BenchmarkRow[], results: readonly LocalResult[], cardKeys: readonly string[], comparableKinds: ReadonlySet<string>): HeadlineMiss[] {
  const misses: HeadlineMiss[] = [];
  rows.forEach((row, index) => {
    const local = results[index];
    if (!local || !comparableKinds.has(benchmarkKind(row.benchmarkId))) return;
    const missing = row.cards.filter((cell) => cell.ratio === null && cardKeys.includes(cell.cardKey));
    const [first] = missing;
    if (!first) return;
    const workload = describeWorkload(local);
    let reason = noFigureReason(row.benchmarkId, workload);
    if (row.skippedReason !== null) reason = `${row.benchmarkId} gave no value to compare (${row.skippedReason})`;
    else if (first.picked !== null) reason = `${row.benchmarkId}: ${first.reason ?? 'no ratio'}`;
    misses.push({ benchmarkId: row.benchmarkId, workload, cardKeys: missing.map((cell) => cell.cardKey), reason });
  });
  return misses;
}

function cardReason(cardKey: string, displayName: string, misses: readonly HeadlineMiss[], results: readonly LocalResult[], uncomparable: readonly string[]): string {
  if (results.length === 0) return 'the run has no results';
  const own = misses.filter((m) => m.cardKeys.includes(cardKey));
  if (own.length > 0) {
    // One phrase per workload identity: "no A100 figure for llama.cpp · tiny Q4_0 · cpu (llamacpp.pp512, llamacpp.tg128)".
    const byWorkload = new Map<string, string[]>();
    const other: string[] = [];
    for (const m of own) {
      if (m.reason !== noFigureReason(m.benchmarkId, m.workload)) other.push(m.reason);
      else byWorkload.set(m.workload, [...(byWorkload.get(m.workload) ?? []), m.benchmarkId]);
    }
    const groups = [...byWorkload].map(([workload, ids]) => `${workload} (${ids.join(', ')})`);
    return [groups.length > 0 ? `no ${displayName} figure for ${groups.join('; ')}` : null, ...other].filter(Boolean).join('; ');
  }
  return `none of this run's benchmarks has published figures (${uncomparable.join(', ')})`;
}

/** The cards' reasons, said once for cards that lack the same figures: "no A100 or RTX 4090 figure for …". */
function mergedReasons(cards: readonly HeadlineCard[]): string[] {
  const byTemplate = new Map<string, string[]>();
  for (const card of cards) {
    if (card.reason === null) continue;
    const name = shortCardName(card.displayName);
    const template = card.reason.replace(`no ${name} figure`, 'no \u0000 figure');
    byTemplate.set(template, [...(byTemplate.get(template) ?? []), name]);
  }
  return [...byTemplate].map(([template, names]) => template.replace('\u0000', names.join(' or ')));
}

/**
 * The headline of a run: the Rigmark Score with its benchmark count, and per card the geometric mean of the
 * ratios Compare shows (`compareRunToCards`, so the two never disagree) with its count. When a card has no ratio,
 * `reason` names the workload identities without a figure and `suggestion` the model that would compare.
 * Pure: pass the dataset the comparison uses (bundled plus the user's files).
 */
export function runHeadline(results: readonly LocalResult[], dataset: ReferenceDataset, options: HeadlineOptions): Headline {
  const comparison = compareRunToCards(results, options.cardKeys, dataset);
  const comparableKinds = new Set(
    dataset.records.map((r) => r.workload.rigmarkBenchmarkId).filter((id): id is string => id !== null).map(benchmarkKind),
  );
  const uncomparableIds = results.map((r) => r.benchmarkId).filter((id) => !comparableKinds.has(benchmarkKind(id)));
  const misses = missesOf(comparison.rows, results, options.cardKeys, comparableKinds);
  const cards = comparison.cards.map(({ key, displayName }): HeadlineCard => {
    const cells = comparison.rows
      .map((row) => ({ benchmarkId: row.benchmarkId, cell: row.cards.find((c) => c.cardKey === key) }))
      .filter((x): x is { benchmarkId: string; cell: NonNullable<typeof x.cell> & { ratio: number } } => x.cell?.ratio != null);
    const geomeanRatio = geometricMean(cells.map((x) => x.cell.ratio));
    return {
      cardKey: key,
      displayName,
      geomeanRatio,
      benchmarkCount: geomeanRatio === null ? 0 : cells.length,
      benchmarkIds: geomeanRatio === null ? [] : cells.map((x) => x.benchmarkId),
      closeCount: geomeanRatio === null ? 0 : cells.filter((x) => x.cell.picked?.match === 'close').length,
      reason: geomeanRatio === null ? cardReason(key, shortCardName(displayName), misses, results, uncomparableIds) : null,
    };
  });
  const isMissingCard = cards.some((c) => c.geomeanRatio === null);
  const { score } = comparison;
  const scoreCard = shortCardName(dataset.cards.find((c) => c.key === score.referenceCardKey)?.displayName ?? score.referenceCardKey);
  const scoreReason = score.value === null && score.benchmarkCount === 0 ? `no benchmark of this run has a figure for the ${scoreCard}` : score.reason;
  return {
    runId: options.runId,
    score: { value: score.value, benchmarkCount: score.benchmarkCount, referenceCardKey: score.referenceCardKey, reason: scoreReason },
    cards,
    reasons: mergedReasons(cards),
    misses,
    uncomparableIds,
    suggestion: isMissingCard ? suggestComparableModel(options.candidates, options.candidateBenchmarks, options.cardKeys, dataset) : null,
    rule: HEADLINE_RULE,
  };
}
