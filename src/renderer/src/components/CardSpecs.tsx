import type { ReactNode } from 'react';
import type { CardSummary, SpecField } from '../../../shared/domain/reference';
import { SpecFieldSchema } from '../../../shared/domain/reference';
import { formatPublished } from '../lib/format';
import { SPEC_LABELS } from '../lib/labels';
import { SourceText } from './SourceText';

/**
 * A card's spec figures, each with the variant it applies to, its source and the rule that picked it; sources
 * disagree (FP16 tensor with or without sparsity), so the other candidates are listed too.
 */
export function CardSpecs({ card }: { card: CardSummary }): ReactNode {
  const fields = SpecFieldSchema.options.filter((f): f is SpecField => card.specs[f] !== null);
  if (fields.length === 0) return <p className="muted">No spec figures for this card in the dataset.</p>;
  return (
    <ul className="spec-list">
      {fields.map((field) => {
        const spec = card.specs[field];
        if (spec === null) return null;
        return (
          <li key={field} className="card spec">
            <p className="figure-label">{SPEC_LABELS[field]}</p>
            <p className="figure-value num">{formatPublished(spec.value, spec.unit)}</p>
            <p className="small muted">
              {spec.variant === '' ? 'variant not stated' : spec.variant} · as published: “{spec.valueAsPublished}”
            </p>
            <SourceText title={spec.sourceTitle} url={spec.sourceUrl} kind={spec.sourceKind} />
            <details className="details">
              <summary>Why this figure{spec.alternatives.length > 0 ? ` (${spec.alternatives.length} other candidate${spec.alternatives.length === 1 ? '' : 's'})` : ''}</summary>
              <p className="small">Rule: {spec.rule}.</p>
              {spec.note === '' ? null : <p className="small">Note: {spec.note}</p>}
              {spec.alternatives.length === 0 ? null : (
                <ul className="small">
                  {spec.alternatives.map((alt) => (
                    <li key={alt.recordId}>
                      <span className="num">{formatPublished(alt.value, spec.unit)}</span> {alt.variant === '' ? '' : `(${alt.variant})`} — {alt.sourceTitle}
                    </li>
                  ))}
                </ul>
              )}
            </details>
          </li>
        );
      })}
    </ul>
  );
}
