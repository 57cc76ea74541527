import type { CardComparison, CardPairRow, RunComparison } from '../../shared/domain/compare';
import { formatDeltaPct } from './ratio';

type Cell = string | number | boolean | null;

/**
 * One column of an export. `value` is the raw datum (CSV writes it as is); `format` renders it for people
 * (Markdown). One list per comparison kind drives every format, as llama-bench does.
 */
export interface ExportColumn<Row> {
  header: string;
  value(row: Row): Cell;
  format?(value: Cell): string;
}

/** One exported line of a run comparison: a benchmark against one card. */
export interface RunExportRow {
  row: RunComparison['rows'][number];
  cell: RunComparison['rows'][number]['cards'][number];
}

const ratio3 = (value: Cell) => (typeof value === 'number' ? value.toFixed(3) : '');
const delta = (value: Cell) => formatDeltaPct(typeof value === 'number' ? value : null);

/** The field list of a run comparison export. */
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

/** The field list of a card-vs-card export. */
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

/** CSV (RFC 4180 quoting, header row, CRLF-free) of any rows by a column list. */
export function toCsv<Row>(rows: readonly Row[], columns: ReadonlyArray<ExportColumn<Row>>): string {
  const lines = [columns.map((c) => csvField(c.header)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvField(c.value(row))).join(','));
  return `${lines.join('\n')}\n`;
}

/** A Markdown table of any rows by a column list (formatted values, pipes escaped). */
export function toMarkdownTable<Row>(rows: readonly Row[], columns: ReadonlyArray<ExportColumn<Row>>): string {
  const render = (c: ExportColumn<Row>, row: Row) => {
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

function runRows(comparison: RunComparison): RunExportRow[] {
  return comparison.rows.flatMap((row) => row.cards.map((cell) => ({ row, cell })));
}

/** CSV of a run comparison (one line per benchmark and card) or a card-vs-card comparison (one per workload). */
export function comparisonToCsv(comparison: RunComparison | CardComparison): string {
  return comparison.kind === 'run'
    ? toCsv(runRows(comparison), RUN_COMPARISON_COLUMNS)
    : toCsv(comparison.rows, CARD_COMPARISON_COLUMNS);
}

/** Markdown of a comparison: a heading line with the score or the card pair, then the table by the same columns. */
export function comparisonToMarkdown(comparison: RunComparison | CardComparison): string {
  if (comparison.kind === 'cards') {
    const title = `## ${comparison.refDisplayName} vs ${comparison.vsDisplayName}\n\n${comparison.pairingRule}\n\n`;
    return title + toMarkdownTable(comparison.rows, CARD_COMPARISON_COLUMNS);
  }
  const { score } = comparison;
  const scoreLine =
    score.value === null
      ? `Rigmark Score: — (${score.reason ?? 'no score'})`
      : `Rigmark Score: ${score.value.toFixed(1)} (${score.benchmarkCount} benchmarks). ${score.formula}`;
  return `## Comparison\n\n${scoreLine}\n\n${toMarkdownTable(runRows(comparison), RUN_COMPARISON_COLUMNS)}`;
}
