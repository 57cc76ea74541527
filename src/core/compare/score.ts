import { SCORE_REFERENCE_CARD, type LocalResult, type RigmarkScore } from '../../shared/domain/compare';
import type { ReferenceDataset } from '../../shared/domain/reference';
import { matchFigures } from './match-figures';
import { directionAwareRatio, geometricMean } from './ratio';

/** Shown with every score: the score is Rigmark's own, so its formula is always visible. */
export const SCORE_FORMULA =
  'Rigmark Score = 100 × geometric mean, over your benchmarks that have an RTX 3090 figure, of (yours ÷ RTX 3090); ' +
  'for lower-is-better units (s/image) the ratio is inverted, so an RTX 3090 scores 100 and higher is faster';

const COMPARABLE_STATUSES = new Set(['passed', 'unstable']);

/** Why a local result cannot be compared, or null when it can. */
export function skipReason(local: LocalResult): string | null {
  if (!COMPARABLE_STATUSES.has(local.status)) return `status ${local.status}`;
  if (local.median === null) return 'no median';
  return null;
}

/**
 * The Rigmark Score of a run. Each comparable result with a figure for the reference card (the best one by the
 * README rule, exact before close) enters once; `benchmarkCount` says how many did. Null, with a reason, when none.
 */
export function rigmarkScore(
  results: readonly LocalResult[],
  dataset: ReferenceDataset,
  referenceCardKey: string = SCORE_REFERENCE_CARD,
): RigmarkScore {
  const entries: RigmarkScore['entries'] = [];
  for (const local of results) {
    if (skipReason(local) !== null) continue;
    const best = matchFigures(local, dataset).find((m) => m.figure.gpuKey === referenceCardKey);
    if (!best) continue;
    const { ratio } = directionAwareRatio(local.median, best.figure.value, local.higherIsBetter);
    if (ratio === null) continue;
    entries.push({ benchmarkId: local.benchmarkId, ratio, recordId: best.figure.id, match: best.match });
  }
  const mean = geometricMean(entries.map((e) => e.ratio));
  const value = mean === null ? null : mean * 100;
  const isUsable = value !== null && Number.isFinite(value);
  let reason: string | null = null;
  if (entries.length === 0) reason = `no benchmark has a ${referenceCardKey} figure`;
  else if (!isUsable) reason = 'score out of representable range';
  return {
    value: isUsable ? value : null,
    referenceCardKey,
    benchmarkCount: entries.length,
    entries,
    reason,
    formula: SCORE_FORMULA,
  };
}
