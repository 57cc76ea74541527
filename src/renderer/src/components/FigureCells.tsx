import type { ReactNode } from 'react';
import type { FigureRef } from '../../../shared/domain/compare';
import { formatPublished } from '../lib/format';
import { SourceText } from './SourceText';

/** A published figure: value with unit, the card variant it was measured on and what was run, as the source says. */
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
      {figure.settings === '' ? null : <p className="cell-note muted figure-settings">{figure.settings}</p>}
    </>
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
