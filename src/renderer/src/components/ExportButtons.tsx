import { useState } from 'react';
import type { ReactNode } from 'react';
import type { ApiError } from '../../../shared/api/contract';
import type { ExportFormat } from '../../../shared/domain/export';
import { useAction } from '../api/use-call';
import { ErrorNotice } from './States';

const FORMATS: Array<{ format: ExportFormat; label: string }> = [
  { format: 'json', label: 'JSON' },
  { format: 'csv', label: 'CSV' },
  { format: 'md', label: 'Markdown' },
];

/** Exports a run through `runs:export` and hands the text to the browser as a download (no file system access). */
export function ExportButtons({ runId }: { runId: number }): ReactNode {
  const exportRun = useAction('runs:export');
  const [error, setError] = useState<ApiError | null>(null);
  const onExport = async (format: ExportFormat): Promise<void> => {
    setError(null);
    const response = await exportRun.run({ runId, format });
    if (!response.ok) {
      setError(response.error);
      return;
    }
    download(response.value.fileName, response.value.mimeType, response.value.content);
  };
  return (
    <div className="export">
      <div className="button-row" role="group" aria-label="Export">
        <span className="muted">Export</span>
        {FORMATS.map(({ format, label }) => (
          <button key={format} type="button" className="button" disabled={exportRun.isPending} onClick={() => void onExport(format)}>
            {label}
          </button>
        ))}
      </div>
      {error === null ? null : <ErrorNotice error={error} title="Export failed" />}
    </div>
  );
}

function download(fileName: string, mimeType: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: the download may not have read the blob yet when click() returns.
  window.setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
