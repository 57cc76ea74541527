import type { ReactNode } from 'react';
import type { ExportFile } from '../lib/compare-export';
import { downloadText } from '../lib/download';

/** Export buttons for a file built in the renderer (Markdown, CSV) from data already on screen. */
export function TextExportButtons({ label, files }: { label: string; files: ReadonlyArray<{ label: string; build: () => ExportFile }> }): ReactNode {
  return (
    <div className="button-row" role="group" aria-label={label}>
      <span className="muted">Export</span>
      {files.map((file) => (
        <button
          key={file.label}
          type="button"
          className="button"
          onClick={() => {
            const { fileName, mimeType, content } = file.build();
            downloadText(fileName, mimeType, content);
          }}
        >
          {file.label}
        </button>
      ))}
    </div>
  );
}
