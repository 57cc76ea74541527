import { useState } from 'react';
import type { ReactNode } from 'react';
import type { ApiError } from '../../../shared/api/contract';
import type { ExportFormat } from '../../../shared/domain/export';
import { useAction } from '../api/use-call';
import { downloadText } from '../lib/download';
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
    downloadText(response.value.fileName, response.value.mimeType, response.value.content);
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
