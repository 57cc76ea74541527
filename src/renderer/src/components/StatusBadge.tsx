import type { ReactNode } from 'react';
import type { ResultStatus, RunStatus } from '../../../shared/domain/benchmark';

type Tone = 'ok' | 'warn' | 'danger' | 'info' | 'neutral';

const TONES: Record<ResultStatus | RunStatus | 'available', Tone> = {
  passed: 'ok',
  completed: 'ok',
  available: 'ok',
  unstable: 'warn',
  interrupted: 'warn',
  failed: 'danger',
  running: 'info',
  pending: 'neutral',
  unavailable: 'neutral',
  cancelled: 'neutral',
};

/** A status word in a coloured pill; the word itself carries the meaning, colour only reinforces it. */
export function StatusBadge({ status }: { status: ResultStatus | RunStatus | 'available' }): ReactNode {
  return <span className={`badge badge-${TONES[status]}`}>{status}</span>;
}
