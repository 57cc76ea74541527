import type { ReactNode } from 'react';
import { workloadCountText } from '../../../shared/format/speed-ratio';

/** Below this many workloads a median is one or two figures: shown, but marked as thin evidence. */
export const THIN_EVIDENCE_BELOW = 3;

/** "17 workloads" in plain weight, "1 workload · thin evidence" in the warning colour: how much a median rests on. */
export function Evidence({ count }: { count: number }): ReactNode {
  const isThin = count < THIN_EVIDENCE_BELOW;
  return (
    <span className={`evidence${isThin ? ' evidence-thin' : ''}`} title={isThin ? 'A median of so few workloads can change a lot with one more figure.' : undefined}>
      {workloadCountText(count)}
      {isThin ? ' · thin evidence' : ''}
    </span>
  );
}
