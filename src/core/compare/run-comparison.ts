import { CategorySchema } from '../../shared/domain/benchmark';
import type {
  BenchmarkRow,
  CardCell,
  CategorySummary,
  LocalResult,
  NearestCard,
  RunComparison,
} from '../../shared/domain/compare';
import type { ReferenceDataset } from '../../shared/domain/reference';
import { toFigureRef } from './figure-ref';
import { matchesByCard, matchFigures, type FigureMatch } from './match-figures';
import { deltaPctOf, directionAwareRatio, geometricMean, medianRatio } from './ratio';
import { rigmarkScore, skipReason } from './score';

export const NEAREST_CARD_RULE =
  'the single-GPU card whose geometric mean of (yours ÷ card) is closest to 1, among cards matched on at least ' +
  'half as many of your benchmarks as the best-covered card; ties → more benchmarks, then card key';

function toCellMatch(match: FigureMatch): NonNullable<CardCell['picked']> {
  return { figure: toFigureRef(match.figure), match: match.match, labels: match.labels };
}

function emptyCell(cardKey: string, reason: string): CardCell {
  return { cardKey, picked: null, ratio: null, deltaPct: null, reason, isWin: null, alternatives: [] };
}

function buildCell(local: LocalResult, cardKey: string, matches: readonly FigureMatch[]): CardCell {
  const [best, ...rest] = matches;
  const ratioOf = (m: FigureMatch) => directionAwareRatio(local.median, m.figure.value, local.higherIsBetter);
  if (!best) {
    return emptyCell(cardKey, 'no published figure for this workload');
  }
  const ratio = ratioOf(best);
  return {
    cardKey,
    picked: toCellMatch(best),
    ...ratio,
    isWin: ratio.ratio === null ? null : ratio.ratio > 1,
    alternatives: rest.map((m) => ({ ...toCellMatch(m), ...ratioOf(m) })),
  };
}

function buildRow(local: LocalResult, cardKeys: readonly string[], dataset: ReferenceDataset): BenchmarkRow {
  const skipped = skipReason(local);
  const byCard = skipped === null ? matchesByCard(matchFigures(local, dataset)) : new Map<string, FigureMatch[]>();
  return {
    benchmarkId: local.benchmarkId,
    identity: local.identity,
    category: local.category,
    unit: local.unit,
    higherIsBetter: local.higherIsBetter,
    yours: local.median,
    status: local.status,
    skippedReason: skipped,
    cards: cardKeys.map((key) =>
      skipped === null
        ? buildCell(local, key, byCard.get(key) ?? [])
        : emptyCell(key, skipped),
    ),
  };
}

/** Per category and card: median of the picked ratios and wins (ratio > 1) of those with a ratio. */
export function summariseCategories(rows: readonly BenchmarkRow[], cardKeys: readonly string[]): CategorySummary[] {
  const summaries: CategorySummary[] = [];
  for (const category of CategorySchema.options) {
    const inCategory = rows.filter((row) => row.category === category);
    if (inCategory.length === 0) continue;
    for (const cardKey of cardKeys) {
      const ratios = inCategory
        .map((row) => row.cards.find((cell) => cell.cardKey === cardKey)?.ratio ?? null)
        .filter((r): r is number => r !== null);
      const middle = medianRatio(ratios);
      summaries.push({
        category,
        cardKey,
        medianRatio: middle,
        medianDeltaPct: deltaPctOf(middle),
        wins: ratios.filter((r) => r > 1).length,
        total: ratios.length,
      });
    }
  }
  return summaries;
}

interface Coverage {
  cardKey: string;
  ratios: number[];
}

/** The card that performs most like yours (`NEAREST_CARD_RULE`), or null when no card matched any benchmark. */
export function nearestCard(results: readonly LocalResult[], dataset: ReferenceDataset): NearestCard | null {
  const coverage = new Map<string, Coverage>();
  for (const local of results) {
    if (skipReason(local) !== null) continue;
    for (const [cardKey, [best]] of matchesByCard(matchFigures(local, dataset))) {
      const { ratio } = directionAwareRatio(local.median, best?.figure.value, local.higherIsBetter);
      if (ratio === null) continue;
      const entry = coverage.get(cardKey) ?? { cardKey, ratios: [] };
      entry.ratios.push(ratio);
      coverage.set(cardKey, entry);
    }
  }
  const singles = [...coverage.values()].filter(
    (c) => (dataset.cards.find((card) => card.key === c.cardKey)?.gpuCount ?? 1) === 1,
  );
  const most = Math.max(0, ...singles.map((c) => c.ratios.length));
  const ranked = singles
    .filter((c) => c.ratios.length * 2 >= most)
    .map((c) => ({ ...c, mean: geometricMean(c.ratios) }))
    .filter((c): c is Coverage & { mean: number } => c.mean !== null)
    .sort(
      (a, b) =>
        Math.abs(Math.log(a.mean)) - Math.abs(Math.log(b.mean)) ||
        b.ratios.length - a.ratios.length ||
        (a.cardKey < b.cardKey ? -1 : 1),
    );
  const [best] = ranked;
  if (!best) return null;
  const displayName = dataset.cards.find((card) => card.key === best.cardKey)?.displayName ?? best.cardKey;
  return {
    cardKey: best.cardKey,
    displayName,
    geomeanRatio: best.mean,
    benchmarkCount: best.ratios.length,
    rule: NEAREST_CARD_RULE,
  };
}

/**
 * Your run against reference cards: per benchmark and card the picked figure (exact first, newest primary first)
 * with its direction-aware ratio and the alternatives; per category medians and wins; the Rigmark Score; and the
 * nearest card. Pure: pass `loadReference()` as `dataset`.
 */
export function compareRunToCards(
  results: readonly LocalResult[],
  cardKeys: readonly string[],
  dataset: ReferenceDataset,
): RunComparison {
  const rows = results.map((local) => buildRow(local, cardKeys, dataset));
  return {
    kind: 'run',
    cards: cardKeys.map((key) => ({ key, displayName: dataset.cards.find((c) => c.key === key)?.displayName ?? key })),
    rows,
    categories: summariseCategories(rows, cardKeys),
    score: rigmarkScore(results, dataset),
    nearestCard: nearestCard(results, dataset),
  };
}
