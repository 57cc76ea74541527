import type { CardComparison, CardPairRow } from '../../shared/domain/compare';
import type { ReferenceRecord } from '../../shared/domain/reference';
import { shortCardName } from '../../shared/format/headline';
import { workloadCountText } from '../../shared/format/speed-ratio';
import { formatNumber } from '../output';
import { fitLines, fitTable, type FitColumn, type FitOptions, type FitRow } from '../table-fit';
import { CUT_NOTE, categorySentence, figureModel, figureSettings, figureTitle, ratioCells } from './words';

/**
 * Card against card (`rigmark compare --ref A --vs B`): rows grouped under a line naming the model and the source,
 * each row the workload, its settings (what tells llama-bench's tg512 … tg8192 apart), both figures and how much
 * faster the ref card is, in words and ±% (positive = ref faster, as core's ratio). Per category, then overall.
 */

const ROW_INDENT = 2;

/** The published records behind a comparison's figures, by record id (for their workload facts). */
export type RecordLookup = (recordId: string) => ReferenceRecord | undefined;

function sourceText(row: CardPairRow, refName: string, vsName: string): string {
  if (row.isSameSource) return `source: ${row.ref.sourceTitle}`;
  return `sources: ${refName}: ${row.ref.sourceTitle}; ${vsName}: ${row.vs.sourceTitle}`;
}

function settingsText(row: CardPairRow, refName: string, vsName: string): string {
  const [ref, vs] = [figureSettings(row.ref), figureSettings(row.vs)];
  return ref === vs ? ref : `${refName}: ${ref}; ${vsName}: ${vs}`;
}

function rowsOf(c: CardComparison, recordOf: RecordLookup, refName: string, vsName: string): FitRow[] {
  const rows: FitRow[] = [];
  let group = '';
  for (const row of c.rows) {
    const record = recordOf(row.ref.recordId);
    const model = record ? figureModel(record) : row.model;
    const title = record ? figureTitle(record) : row.metric;
    const heading = `${model} — ${sourceText(row, refName, vsName)}`;
    if (heading !== group) rows.push({ line: heading });
    group = heading;
    rows.push([title, settingsText(row, refName, vsName), formatNumber(row.ref.value), formatNumber(row.vs.value), row.unit, ...ratioCells(row.ratio, row.deltaPct)]);
  }
  return rows;
}

function summaryLines(c: CardComparison, refName: string, vsName: string): string[] {
  const lines = c.categories.map((cat) => {
    const ratios = c.rows.filter((r) => r.category === cat.category && r.ratio !== null).map((r) => r.ratio as number);
    return `  ${refName} ${categorySentence({ ...cat, faster: cat.refWins, slower: ratios.filter((r) => r < 1).length })}`;
  });
  const ratios = c.rows.map((r) => r.ratio).filter((r): r is number => r !== null);
  const faster = ratios.filter((r) => r > 1).length;
  const slower = ratios.filter((r) => r < 1).length;
  const equal = ratios.length - faster - slower;
  const overall = `Overall, ${workloadCountText(ratios.length)} with figures for both: ${refName} faster in ${faster}, ${vsName} faster in ${slower}${equal > 0 ? `, the same in ${equal}` : ''}.`;
  return [...(lines.length > 0 ? ['Per category:', ...lines] : []), overall];
}

/** `rigmark compare --ref A --vs B` as text. `recordOf` finds the records behind the figures (for their facts). */
export function cardComparisonText(c: CardComparison, recordOf: RecordLookup, options: FitOptions): string {
  const [refName, vsName] = [shortCardName(c.refDisplayName), shortCardName(c.vsDisplayName)];
  const title = [`${c.refDisplayName} against ${c.vsDisplayName}, published figures only`, `${refName} is / ${refName} ±%: ${refName} against ${vsName}, positive = ${refName} faster`];
  const columns: FitColumn[] = [
    { header: 'workload', shrinkRank: 1, minWidth: 20 },
    { header: 'settings', shrinkRank: 2, minWidth: 14 },
    { header: refName, isNumeric: true },
    { header: vsName, isNumeric: true },
    { header: 'unit' },
    { header: `${refName} is` },
    { header: `${refName} ±%`, isNumeric: true },
  ];
  const rows = rowsOf(c, recordOf, refName, vsName);
  const table = rows.length === 0 ? `No workload has figures for both ${refName} and ${vsName}.\n` : fitTable(columns, rows, { ...options, indent: ROW_INDENT, cutNote: CUT_NOTE });
  return fitLines(title, options) + table + '\n' + fitLines(summaryLines(c, refName, vsName), options);
}
