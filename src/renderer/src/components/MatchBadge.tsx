import type { ReactNode } from 'react';
import type { MatchLevel } from '../../../shared/domain/compare';

/**
 * How well a published figure matches the workload. `close` is always labelled as such, with each difference core
 * found ("backend cuda vs yours vulkan"), so a looser match is never shown as if it were the same workload.
 */
export function MatchBadge({ match, labels }: { match: MatchLevel; labels: readonly string[] }): ReactNode {
  return (
    <div className="match">
      <span className={`badge ${match === 'exact' ? 'badge-ok' : 'badge-warn'}`}>{match === 'exact' ? 'exact match' : 'close match'}</span>
      {labels.length === 0 ? null : (
        <ul className="match-labels">
          {labels.map((label) => (
            <li key={label}>{label}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
