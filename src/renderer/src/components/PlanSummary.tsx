import type { ReactNode } from 'react';
import type { PlannedInstance } from '../../../shared/domain/run';
import { formatDuration } from '../lib/format';
import { StatusBadge } from './StatusBadge';

/** What a run will do before it starts: each instance, whether it can run here, and the estimated time. */
export function PlanSummary({ plan }: { plan: PlannedInstance[] }): ReactNode {
  const runnable = plan.filter((p) => p.status !== 'unavailable');
  const totalMs = runnable.reduce((sum, p) => sum + p.estimatedMs, 0);
  return (
    <div className="plan">
      <p className="plan-estimate">
        <span className="muted">Estimated time</span> <strong className="num">{formatDuration(totalMs)}</strong>
        <span className="muted">
          {' '}
          · {runnable.length} of {plan.length} benchmark{plan.length === 1 ? '' : 's'} can run here
        </span>
      </p>
      <ul className="plan-list">
        {plan.map((p) => (
          <li key={p.resultId} className="plan-item">
            <span className="plan-title">{p.title}</span>
            {p.status === 'unavailable' ? (
              <>
                <StatusBadge status="unavailable" />
                <span className="muted plan-reason">{p.reason}</span>
              </>
            ) : (
              <span className="num muted">{formatDuration(p.estimatedMs)}</span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
