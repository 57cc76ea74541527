import type { ReactNode } from 'react';

/** One labelled headline figure (label above, value in tabular figures). */
export function Figure({ label, value, isLarge = false, tone }: { label: string; value: string; isLarge?: boolean; tone?: 'warn' }): ReactNode {
  return (
    <div className={`figure${isLarge ? ' figure-large' : ''}${tone === 'warn' ? ' text-warn' : ''}`}>
      <span className="figure-label">{label}</span>
      <span className="figure-value num">{value}</span>
    </div>
  );
}
