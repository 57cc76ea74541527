import type { ExportFormat } from '../../shared/domain/export';

const MIME_TYPES: Record<ExportFormat, string> = {
  json: 'application/json',
  csv: 'text/csv',
  md: 'text/markdown',
};

/** File name and MIME type for a run export, as `runs:export` returns them and save dialogs suggest. */
export function exportFileMeta(runId: number, format: ExportFormat): { fileName: string; mimeType: string } {
  return { fileName: `rigmark-run-${runId}.${format}`, mimeType: MIME_TYPES[format] };
}
