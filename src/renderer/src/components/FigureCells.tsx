import type { ReactNode } from 'react';
import type { FigureRef } from '../../../shared/domain/compare';
import { formatPublished } from '../lib/format';
import { SourceText } from './SourceText';
import './Compare.css';

/**
 * A published figure: value with unit, the card variant it was measured on, and what was run in one line
 * ("pp512 · CUDA · Q4_K_M · llama-bench"); the source's own settings text, often a paragraph, is one click away.
 */
export function FigureValue({ figure }: { figure: FigureRef }): ReactNode {
  return (
    <>
      <span className="strong num">{formatPublished(figure.value, figure.unit)}</span>
      {/* The card is named in the row already; the source's own name matters when it states a variant. */}
      {figure.gpuVariant === '' ? null : (
        <p className="cell-note muted">
          {figure.gpu}
          {figure.gpu.includes(figure.gpuVariant) ? '' : ` ${figure.gpuVariant}`}
        </p>
      )}
      {figure.settingsSummary === '' ? null : <p className="cell-note settings-summary">{figure.settingsSummary}</p>}
      <SourceSettings settings={figure.settings} />
    </>
  );
}

/** The source's settings text as it was published, behind a disclosure. */
export function SourceSettings({ settings }: { settings: string }): ReactNode {
  if (settings === '') return null;
  return (
    <details className="details source-settings">
      <summary>How the source ran it</summary>
      <p className="small">{settings}</p>
    </details>
  );
}

/** The figure's source as text, with the source's own caveats one click away. */
export function FigureSource({ figure }: { figure: FigureRef }): ReactNode {
  return (
    <>
      <SourceText title={figure.sourceTitle} url={figure.sourceUrl} kind={figure.sourceKind} publishedOn={figure.publishedOn} />
      {figure.note === '' ? null : (
        <details className="details">
          <summary>Source note</summary>
          <p className="small">{figure.note}</p>
        </details>
      )}
    </>
  );
}
