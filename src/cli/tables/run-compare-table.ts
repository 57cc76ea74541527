import { deltaPctOf, formatDeltaPct } from '../../core/compare';
import type { BenchmarkRow, CardCell, RunComparisonView, UpgradeGain, UpgradeGainRow } from '../../shared/domain/compare';
import type { Headline } from '../../shared/domain/headline';
import { shortCardName } from '../../shared/format/headline';
import { speedRatioText, workloadCountText } from '../../shared/format/speed-ratio';
import { renderHeadline } from '../headline-text';
import { formatNumber } from '../output';
import { fitLines, fitTable, type FitColumn, type FitOptions, type FitRow } from '../table-fit';
import { CATEGORY_WORDS, CUT_NOTE, benchmarkWords, categorySentence, figureSettings, ratioCells, resultHeading } from './words';

/**
 * Your results against reference cards (`rigmark compare`) and against one target card (`compare --upgrade`): one
 * heading line per result (workload, model, your value and settings), under it a row per card with the figure,
 * the speed in words and ±% — always from your side (positive = yours faster, as core's ratio) — how close the
 * match is, the figure's settings and its source. Source and match notes give up width first.
 */

const ROW_INDENT = 2;

function columns(speedHeader: string): FitColumn[] {
  return [
    { header: 'card', shrinkRank: 1, minWidth: 8 },
    { header: 'figure', isNumeric: true },
    { header: speedHeader },
    { header: 'yours ±%', isNumeric: true },
    { header: 'match' },
    { header: 'settings of the figure', shrinkRank: 2, minWidth: 16 },
    { header: 'source', shrinkRank: 3, minWidth: 20 },
    { header: 'why close', shrinkRank: 4, minWidth: 0 },
  ];
}

type Picked = NonNullable<CardCell['picked']>;

function figureRow(cardName: string, picked: Picked, speed: string, pct: string, reason: string | null): FitRow {
  const notes = [...picked.labels, ...(reason === null ? [] : [reason])].join('; ');
  return [cardName, formatNumber(picked.figure.value), speed, pct, picked.match, figureSettings(picked.figure), picked.figure.sourceTitle, notes];
}

function noFigureRow(cardName: string, reason: string | null): FitRow {
  return [cardName, null, '—', '—', 'none', reason ?? 'no published figure for this workload', '', ''];
}

function benchmarkRows(row: BenchmarkRow, names: ReadonlyMap<string, string>): FitRow[] {
  const rows: FitRow[] = [{ line: resultHeading(row) }];
  if (row.skippedReason !== null) return [...rows, { line: `not compared: ${row.skippedReason}`, indent: ROW_INDENT }];
  if (row.cards.every((cell) => cell.picked === null)) return [...rows, { line: 'no published figure for this workload on these cards', indent: ROW_INDENT }];
  for (const cell of row.cards) {
    const name = names.get(cell.cardKey) ?? cell.cardKey;
    if (cell.picked === null) rows.push(noFigureRow(name, cell.reason));
    else rows.push(figureRow(name, cell.picked, ...ratioCells(cell.ratio, cell.deltaPct), cell.reason));
  }
  return rows;
}

function categoryLines(view: RunComparisonView, names: ReadonlyMap<string, string>): string[] {
  const { comparison } = view;
  const lines = comparison.categories
    .filter((c) => c.total > 0)
    .map((c) => {
      const ratios = comparison.rows
        .filter((row) => row.category === c.category)
        .map((row) => row.cards.find((cell) => cell.cardKey === c.cardKey)?.ratio ?? null)
        .filter((r): r is number => r !== null);
      const sentence = categorySentence({ ...c, faster: c.wins, slower: ratios.filter((r) => r < 1).length });
      return `  vs ${names.get(c.cardKey) ?? c.cardKey}: yours ${sentence}`;
    });
  if (lines.length === 0) return ['No workload of this run has a figure on these cards.'];
  const nearest = comparison.nearestCard;
  const near = nearest === null ? [] : [`  Closest in speed: ${nearest.displayName}, yours ${speedRatioText(nearest.geomeanRatio)} (geometric mean over ${workloadCountText(nearest.benchmarkCount)})`];
  return ['Per category (yours against each card):', ...lines, ...near];
}

/** `rigmark compare` as text: title, the table, per-card category lines, then the run's headline with its notes. */
export function runComparisonText(view: RunComparisonView, headline: Headline, options: FitOptions): string {
  const names = new Map(view.comparison.cards.map((c) => [c.key, shortCardName(c.displayName)]));
  const title = [`Run ${view.runId} against ${view.comparison.cards.map((c) => c.displayName).join(', ')}`, 'yours ±%: yours against the card, positive = yours faster'];
  const rows = view.comparison.rows.flatMap((row) => benchmarkRows(row, names));
  const table = rows.length === 0 ? 'This run has no results.\n' : fitTable(columns('yours is'), rows, { ...options, indent: ROW_INDENT, cutNote: CUT_NOTE });
  return fitLines(title, options) + table + '\n' + fitLines(categoryLines(view, names), options) + '\n' + renderHeadline(headline, { ...options, isFitted: true, hasCompareHint: false });
}

/** Yours against the target, from your side: core's upgrade ratio is target ÷ yours, so ±% inverts it. */
function yoursDeltaPct(row: UpgradeGainRow): number | null {
  return deltaPctOf(row.ratio === null ? null : 1 / row.ratio);
}

function upgradeRows(row: UpgradeGainRow, name: string): FitRow[] {
  const heading: FitRow = { line: resultHeading(row) };
  if (row.target === null) return [heading, { line: `no ${name} figure: ${row.reason ?? 'no published figure for this workload'}`, indent: ROW_INDENT }];
  return [heading, figureRow(name, row.target, speedRatioText(row.ratio), formatDeltaPct(yoursDeltaPct(row)), row.reason)];
}

/** "486× faster than yours", "about as fast as yours" (ratio > 1 = the target is faster). */
function thanYours(ratio: number | null): string {
  const words = speedRatioText(ratio);
  if (words === 'same speed') return 'about as fast as yours';
  return words === '—' ? 'not comparable' : `${words} than yours`;
}

/** `rigmark compare --upgrade CARD` as text: the table, then per category what the target would change. */
export function upgradeText(gain: UpgradeGain, options: FitOptions): string {
  const name = shortCardName(gain.displayName);
  const title = [
    `Upgrade to ${gain.displayName}: its published figures against yours`,
    `${name} is: how much faster it is than yours; yours ±%: yours against it, positive = yours faster`,
  ];
  const rows = gain.rows.flatMap((row) => upgradeRows(row, name));
  const table = rows.length === 0 ? 'This run has no results.\n' : fitTable(columns(`${name} is`), rows, { ...options, indent: ROW_INDENT, cutNote: CUT_NOTE });
  const withFigure = gain.rows.filter((r) => r.ratio !== null).length;
  const summary = gain.categories
    .filter((c) => c.count > 0)
    .map((c) => `  ${CATEGORY_WORDS[c.category]}: ${name} ${thanYours(c.medianRatio)} (median over ${workloadCountText(c.count)})`);
  const lines = [`With the ${name}, per category:`, ...summary, `${name} figures for ${withFigure} of ${gain.rows.length} results of this run.`];
  return fitLines(title, options) + table + '\n' + fitLines(summary.length > 0 ? lines : lines.slice(-1), options);
}

/** The stderr note when a run has nothing comparable: which benchmarks have published figures, in words. */
export function nothingComparableText(view: RunComparisonView): string {
  return `Run ${view.runId} has no result with published figures to compare. Benchmarks that have them: ${view.comparableBenchmarkIds.map(benchmarkWords).join(', ')}.\n`;
}
