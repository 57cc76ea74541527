import type { ReactNode } from 'react';
import { useHorizontalOverflow } from '../lib/use-horizontal-overflow';

/**
 * The box every wide table sits in. When the window is too narrow for the table it scrolls sideways, shades the
 * cut edge and says so in words ("More columns to the right"); it is then focusable, so arrow keys scroll it.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }): ReactNode {
  const [ref, overflow] = useHorizontalOverflow<HTMLDivElement>();
  const isCut = overflow.isCutLeft || overflow.isCutRight;
  const cue = overflow.isCutRight ? 'More columns to the right: scroll sideways →' : overflow.isCutLeft ? '← More columns to the left' : null;
  return (
    <div className="table-scroll">
      <div className={`table-scroll-frame${overflow.isCutLeft ? ' is-cut-left' : ''}${overflow.isCutRight ? ' is-cut-right' : ''}`}>
        <div
          ref={ref}
          className="table-wrap"
          role={isCut ? 'region' : undefined}
          aria-label={isCut ? `${label} (scrolls sideways)` : undefined}
          tabIndex={isCut ? 0 : undefined}
        >
          {children}
        </div>
      </div>
      {cue === null ? null : (
        <p className="table-scroll-cue small muted" aria-hidden="true">
          {cue}
        </p>
      )}
    </div>
  );
}
