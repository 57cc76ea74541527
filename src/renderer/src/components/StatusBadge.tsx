import type { ReactNode } from 'react';
import { statusMeaning } from '../lib/status-text';
import type { StatusWord } from '../lib/status-text';

type Tone = 'ok' | 'warn' | 'danger' | 'info' | 'neutral';

const TONES: Record<StatusWord, Tone> = {
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

/**
 * A status word in a coloured pill; the word itself carries the meaning, colour only reinforces it. The hover text
 * is a convenience for the mouse only: pages say what the words mean in visible text (`StatusLegend`, notes).
 * `scope: 'run'` for a whole run's status, where a word can mean something else (a run `failed` as a whole).
 */
export function StatusBadge({ status, scope = 'result' }: { status: StatusWord; scope?: 'run' | 'result' }): ReactNode {
  return (
    <span className={`badge badge-${TONES[status]}`} title={statusMeaning(status, scope)}>
      {status}
    </span>
  );
}
