import type { ReactNode } from 'react';
import { deltaTone, formatDeltaPct } from '../lib/format';

/**
 * "+17.0 %" / "−18.0 %": the sign carries the meaning, green (faster) or red (slower) only reinforces it. Core
 * computes `deltaPct` direction-aware, so positive is faster even for lower-is-better units (s/image).
 */
export function DeltaText({ deltaPct, reason }: { deltaPct: number | null; reason?: string | null }): ReactNode {
  const tone = deltaTone(deltaPct);
  return (
    <span className={`delta delta-${tone} num`} title={deltaPct === null && reason ? reason : undefined}>
      {formatDeltaPct(deltaPct)}
    </span>
  );
}
