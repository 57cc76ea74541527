import { CategorySchema } from '../../shared/domain/benchmark';
import type { LocalResult, UpgradeGain, UpgradeGainRow } from '../../shared/domain/compare';
import type { ReferenceDataset } from '../../shared/domain/reference';
import { toFigureRef } from './figure-ref';
import { matchFigures } from './match-figures';
import { deltaPctOf, directionAwareRatio, medianRatio } from './ratio';
import { skipReason } from './score';

function gainRow(local: LocalResult, targetKey: string, dataset: ReferenceDataset): UpgradeGainRow {
  const base = { benchmarkId: local.benchmarkId, identity: local.identity, category: local.category, unit: local.unit, yours: local.median };
  const skipped = skipReason(local);
  if (skipped !== null) return { ...base, target: null, ratio: null, deltaPct: null, reason: skipped };
  const best = matchFigures(local, dataset).find((m) => m.figure.gpuKey === targetKey);
  if (!best) {
    return { ...base, target: null, ratio: null, deltaPct: null, reason: 'no published figure for this workload' };
  }
  // The target is the subject here: > 1 means moving to it makes this benchmark faster.
  const gain = directionAwareRatio(best.figure.value, local.median, local.higherIsBetter, {
    subject: 'target',
    reference: 'your',
  });
  return { ...base, target: { figure: toFigureRef(best.figure), match: best.match, labels: best.labels }, ...gain };
}

/**
 * Expected change per benchmark and per category (median) from your measured figures to a target card's
 * published ones, direction-aware: ratio 1.5 / +50 % = the target is 1.5× as fast on that workload.
 */
export function upgradeGain(
  results: readonly LocalResult[],
  targetKey: string,
  dataset: ReferenceDataset,
): UpgradeGain {
  const rows = results.map((local) => gainRow(local, targetKey, dataset));
  const categories = CategorySchema.options
    .map((category) => {
      const ratios = rows.filter((r) => r.category === category && r.ratio !== null).map((r) => r.ratio as number);
      const middle = medianRatio(ratios);
      return { category, medianRatio: middle, medianDeltaPct: deltaPctOf(middle), count: ratios.length };
    })
    .filter((summary) => rows.some((row) => row.category === summary.category));
  const displayName = dataset.cards.find((card) => card.key === targetKey)?.displayName ?? targetKey;
  return { targetKey, displayName, rows, categories };
}
