import './Compare.css';
import type { ReactNode } from 'react';
import { speedFactor, speedRatioText } from '../../../shared/format/speed-ratio';
import { formatDeltaPct } from '../lib/format';

interface SpeedRatioProps {
  /** Subject ÷ other, direction-aware (> 1 = the subject is faster), as core computes it. */
  ratio: number | null;
  deltaPct: number | null;
  /** Why there is no ratio (shown on hover and to screen readers). */
  reason?: string | null;
  /** Who the words are about, when the column header does not say it ("A100"). */
  subject?: string;
}

/**
 * A ratio as people read it: "486× slower" first, the ±% beside it in smaller type. The words carry the meaning;
 * green (faster) or red (slower) only reinforces them. Core computes the ratio direction-aware, so "faster" is
 * right for lower-is-better units (s/image) too.
 */
export function SpeedRatio({ ratio, deltaPct, reason, subject }: SpeedRatioProps): ReactNode {
  const speed = speedFactor(ratio);
  const tone = speed === null ? 'none' : speed.direction === 'same' ? 'even' : speed.direction;
  const words = speedRatioText(ratio);
  return (
    <span className="speed-ratio" title={speed === null && reason ? reason : undefined}>
      <span className={`speed-ratio-words delta-${tone}`}>{subject === undefined || speed === null ? words : `${subject} ${words}`}</span>
      {speed === null ? null : (
        <>
          {' '}
          <span className="speed-ratio-pct muted num">{formatDeltaPct(deltaPct)}</span>
        </>
      )}
    </span>
  );
}
