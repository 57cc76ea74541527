import type { BenchmarkRow, CardCell, CardComparison, CardPairRow, RunComparisonView } from '../../../shared/domain/compare';

/**
 * Comparison exports built in the renderer. The renderer may not import core, so this re-declares core's
 * `RUN_COMPARISON_COLUMNS` / `CARD_COMPARISON_COLUMNS` (src/core/compare/export.ts) with the same headers and
 * values, and — as there and in llama-bench — one column list drives both formats: CSV writes each column's raw
 * value, Markdown its `format`. If the core lists change, change these with them (or move the exports to a
 * contract channel).
 */
type Cell = string | number | boolean | null;

export interface ExportColumn<Row> {
  header: string;
  value: (row: Row) => Cell;
  format?: (value: Cell) => string;
}

/** One exported line of a run comparison: a benchmark against one card. */
export interface RunExportRow {
  row: BenchmarkRow;
  cell: CardCell;
}

const ratio3 = (value: Cell): string => (typeof value === 'number' ? value.toFixed(3) : '');
// Same text as core's formatDeltaPct ("+17.0 %", true minus sign), with a plain space for plain-text files.
const delta = (value: Cell): string => {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '—';
  const text = Math.abs(value).toFixed(1);
  if (Number(text) === 0) return `${text} %`;
  return `${value > 0 ? '+' : '\u2212'}${text} %`;
};

export const RUN_COMPARISON_COLUMNS: ReadonlyArray<ExportColumn<RunExportRow>> = [
  { header: 'benchmark', value: ({ row }) => row.benchmarkId },
  { header: 'category', value: ({ row }) => row.category },
  { header: 'unit', value: ({ row }) => row.unit },
  { header: 'higher_is_better', value: ({ row }) => row.higherIsBetter },
  { header: 'yours', value: ({ row }) => row.yours },
  { header: 'status', value: ({ row }) => row.status },
  { header: 'card', value: ({ cell }) => cell.cardKey },
  { header: 'reference', value: ({ cell }) => cell.picked?.figure.value ?? null },
  { header: 'match', value: ({ cell }) => cell.picked?.match ?? null },
  { header: 'ratio', value: ({ cell }) => cell.ratio, format: ratio3 },
  { header: 'delta_pct', value: ({ cell }) => cell.deltaPct, format: delta },
  { header: 'reason', value: ({ cell }) => cell.reason },
  { header: 'labels', value: ({ cell }) => cell.picked?.labels.join('; ') ?? null },
  { header: 'source_title', value: ({ cell }) => cell.picked?.figure.sourceTitle ?? null },
  { header: 'source_url', value: ({ cell }) => cell.picked?.figure.sourceUrl ?? null },
  { header: 'record_id', value: ({ cell }) => cell.picked?.figure.recordId ?? null },
];

export const CARD_COMPARISON_COLUMNS: ReadonlyArray<ExportColumn<CardPairRow>> = [
  { header: 'benchmark', value: (r) => r.sourceBenchmarkId },
  { header: 'rigmark_benchmark', value: (r) => r.rigmarkBenchmarkId },
  { header: 'category', value: (r) => r.category },
  { header: 'model', value: (r) => r.model },
  { header: 'unit', value: (r) => r.unit },
  { header: 'higher_is_better', value: (r) => r.higherIsBetter },
  { header: 'ref', value: (r) => r.ref.value },
  { header: 'vs', value: (r) => r.vs.value },
  { header: 'ratio', value: (r) => r.ratio, format: ratio3 },
  { header: 'delta_pct', value: (r) => r.deltaPct, format: delta },
  { header: 'same_source', value: (r) => r.isSameSource },
  { header: 'labels', value: (r) => r.labels.join('; ') },
  { header: 'ref_source_title', value: (r) => r.ref.sourceTitle },
  { header: 'ref_source_url', value: (r) => r.ref.sourceUrl },
  { header: 'vs_source_title', value: (r) => r.vs.sourceTitle },
  { header: 'vs_source_url', value: (r) => r.vs.sourceUrl },
];

function csvField(value: Cell): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function markdownField(value: string): string {
  return value.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** CSV (RFC 4180 quoting, header row) of rows by a column list. */
export function toCsv<Row>(rows: readonly Row[], columns: ReadonlyArray<ExportColumn<Row>>): string {
  const lines = [columns.map((c) => csvField(c.header)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvField(c.value(row))).join(','));
  return `${lines.join('\n')}\n`;
}

/** A Markdown table of rows by the same column list (formatted values, pipes escaped). */
export function toMarkdownTable<Row>(rows: readonly Row[], columns: ReadonlyArray<ExportColumn<Row>>): string {
  const render = (c: ExportColumn<Row>, row: Row): string => {
    const value = c.value(row);
    return markdownField(c.format ? c.format(value) : value === null ? '' : String(value));
  };
  const lines = [
    `| ${columns.map((c) => c.header).join(' | ')} |`,
    `| ${columns.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${columns.map((c) => render(c, row)).join(' | ')} |`),
  ];
  return `${lines.join('\n')}\n`;
}

export function runExportRows(view: RunComparisonView): RunExportRow[] {
  return view.comparison.rows.flatMap((row) => row.cards.map((cell) => ({ row, cell })));
}

export interface ExportFile {
  fileName: string;
  mimeType: string;
  content: string;
}

export function runComparisonCsv(view: RunComparisonView): ExportFile {
  return { fileName: `rigmark-compare-run-${view.runId}.csv`, mimeType: 'text/csv', content: toCsv(runExportRows(view), RUN_COMPARISON_COLUMNS) };
}

/** Markdown: a heading, the score line with its formula (or its reason), then the table. */
export function runComparisonMarkdown(view: RunComparisonView): ExportFile {
  const { score } = view.comparison;
  const scoreLine =
    score.value === null
      ? `Rigmark Score: — (${score.reason ?? 'no score'})`
      : `Rigmark Score: ${score.value.toFixed(1)} (${score.benchmarkCount} benchmark${score.benchmarkCount === 1 ? '' : 's'}). ${score.formula}`;
  const content = `## Run #${view.runId} compared\n\n${scoreLine}\n\n${toMarkdownTable(runExportRows(view), RUN_COMPARISON_COLUMNS)}`;
  return { fileName: `rigmark-compare-run-${view.runId}.md`, mimeType: 'text/markdown', content };
}

export function cardComparisonCsv(comparison: CardComparison): ExportFile {
  return {
    fileName: `rigmark-${comparison.refKey}-vs-${comparison.vsKey}.csv`,
    mimeType: 'text/csv',
    content: toCsv(comparison.rows, CARD_COMPARISON_COLUMNS),
  };
}

export function cardComparisonMarkdown(comparison: CardComparison): ExportFile {
  const title = `## ${comparison.refDisplayName} vs ${comparison.vsDisplayName}\n\n${comparison.pairingRule}\n\n`;
  return {
    fileName: `rigmark-${comparison.refKey}-vs-${comparison.vsKey}.md`,
    mimeType: 'text/markdown',
    content: title + toMarkdownTable(comparison.rows, CARD_COMPARISON_COLUMNS),
  };
}
