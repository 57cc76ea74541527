import type { ReactNode } from 'react';
import { STATUS_MEANINGS, statusMeaning } from '../lib/status-text';
import type { StatusWord } from '../lib/status-text';
import { StatusBadge } from './StatusBadge';

// Every word, in STATUS_MEANINGS' order (good news first, as tables list passed rows first).
const ORDER = Object.keys(STATUS_MEANINGS) as StatusWord[];

/**
 * What each status word on screen means, one plain line each, under the table or list that shows them. Only the
 * words present are listed, so the key stays short; it is text, readable by everyone (a hover title is not).
 */
export function StatusLegend({
  statuses,
  scope = 'result',
  label = 'What the status words mean',
}: {
  statuses: Iterable<StatusWord>;
  /** `run` where the words are runs' statuses (see `statusMeaning`). */
  scope?: 'run' | 'result';
  label?: string;
}): ReactNode {
  const present = new Set(statuses);
  const words = ORDER.filter((w) => present.has(w));
  if (words.length === 0) return null;
  return (
    <dl className="status-legend" aria-label={label}>
      {words.map((word) => (
        <div key={word} className="status-legend-item">
          <dt>
            <StatusBadge status={word} scope={scope} />
          </dt>
          <dd>{statusMeaning(word, scope)}</dd>
        </div>
      ))}
    </dl>
  );
}
