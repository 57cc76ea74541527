import type { ReactNode } from 'react';

interface FigureProps {
  label: string;
  value: string;
  isLarge?: boolean;
  tone?: 'warn';
  /** What the label means, on hover ("Run-to-run spread": the coefficient of variation, and how it is computed). */
  hint?: string;
}

/** One labelled headline figure (label above, value in tabular figures). */
export function Figure({ label, value, isLarge = false, tone, hint }: FigureProps): ReactNode {
  return (
    <div className={`figure${isLarge ? ' figure-large' : ''}${tone === 'warn' ? ' text-warn' : ''}`}>
      <span className="figure-label" title={hint}>
        {label}
      </span>
      <span className="figure-value num">{value}</span>
    </div>
  );
}
