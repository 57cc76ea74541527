import type { ExportFormat } from '../../shared/domain/export';
import type { RunDetail } from '../../shared/domain/results';
import { EXPORT_FIELDS } from './fields';

type Cell = string | number | boolean | null;

function rows(detail: RunDetail): Cell[][] {
  return detail.results.map((r) => EXPORT_FIELDS.map((f) => f.value(r, detail)));
}

function csvCell(v: Cell): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function mdCell(v: Cell): string {
  return v === null ? '' : String(v).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/**
 * A run as JSON, CSV or Markdown. All three carry the same columns (EXPORT_FIELDS); JSON also carries the full
 * record (system snapshot, identities, every raw sample) so nothing measured is lost in an export.
 */
export function exportRun(detail: RunDetail, format: ExportFormat): string {
  const header = EXPORT_FIELDS.map((f) => f.header);
  const body = rows(detail);
  if (format === 'csv') return [header, ...body].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
  if (format === 'md') {
    const title = `# Rigmark run ${detail.run.id} — ${detail.run.systemLabel}\n\nSuite ${detail.run.suite}, ${detail.run.status}, started ${detail.run.startedAt}.\n\n`;
    const lines = [header, header.map(() => '---'), ...body.map((r) => r.map(mdCell))];
    return title + lines.map((r) => `| ${r.join(' | ')} |`).join('\n') + '\n';
  }
  const table = body.map((r) => Object.fromEntries(EXPORT_FIELDS.map((f, i) => [f.key, r[i]])));
  return JSON.stringify({ format: 'rigmark-run', formatVersion: 1, rows: table, detail }, null, 2) + '\n';
}

export function exportFileName(runId: number, format: ExportFormat): string {
  return `rigmark-run-${runId}.${format}`;
}

export const EXPORT_MIME: Record<ExportFormat, string> = {
  json: 'application/json',
  csv: 'text/csv',
  md: 'text/markdown',
};
