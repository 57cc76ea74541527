import { useState } from 'react';
import type { ReactNode } from 'react';
import type { ApiError, ChannelInput } from '../../../shared/api/contract';
import type { ComparisonExportFormat } from '../../../shared/domain/export';
import { useAction } from '../api/use-call';
import { downloadText } from '../lib/download';
import { ErrorNotice } from './States';

type ExportInput = ChannelInput<'compare:export'>;
/** The comparison to export (a `compare:export` input without its format: each button adds its own). */
export type ComparisonExportTarget = ExportInput extends infer Input ? (Input extends unknown ? Omit<Input, 'format'> : never) : never;

const FORMATS: ReadonlyArray<{ format: ComparisonExportFormat; label: string }> = [
  { format: 'md', label: 'Markdown' },
  { format: 'csv', label: 'CSV' },
];

/**
 * Markdown and CSV exports of a comparison. Core builds the file (`compare:export`, one column list for both
 * formats); the renderer only hands the text to the browser as a download, and shows the error if core refuses.
 */
export function TextExportButtons({ label, target }: { label: string; target: ComparisonExportTarget }): ReactNode {
  const exportComparison = useAction('compare:export');
  const [error, setError] = useState<ApiError | null>(null);
  const onExport = async (format: ComparisonExportFormat): Promise<void> => {
    setError(null);
    const response = await exportComparison.run({ ...target, format });
    if (!response.ok) {
      setError(response.error);
      return;
    }
    downloadText(response.value.fileName, response.value.mimeType, response.value.content);
  };
  return (
    <div className="export">
      <div className="button-row" role="group" aria-label={label}>
        <span className="muted">Export</span>
        {FORMATS.map(({ format, label: buttonLabel }) => (
          <button key={format} type="button" className="button" disabled={exportComparison.isPending} onClick={() => void onExport(format)}>
            {buttonLabel}
          </button>
        ))}
      </div>
      {error === null ? null : <ErrorNotice error={error} title="Export failed" />}
    </div>
  );
}
