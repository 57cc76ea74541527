import type { ReactNode } from 'react';
import type { PreflightCheck, PreflightSeverity } from '../../../shared/domain/preflight';

const ORDER: Record<PreflightSeverity, number> = { blocker: 0, warning: 1, info: 2 };
const TONE: Record<PreflightSeverity, string> = { blocker: 'danger', warning: 'warn', info: 'neutral' };
const LABEL: Record<PreflightSeverity, string> = { blocker: 'will fail', warning: 'warning', info: 'note' };

/** Core's findings about a planned run, worst first, each with what to do about it. */
export function PreflightList({ checks }: { checks: PreflightCheck[] }): ReactNode {
  if (checks.length === 0) return null;
  const sorted = [...checks].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  return (
    <ul className="preflight" aria-label="Checks before the run">
      {sorted.map((check) => (
        <li key={check.id} className={`callout callout-${TONE[check.severity]}`}>
          <p>
            <span className={`badge badge-${TONE[check.severity]}`}>{LABEL[check.severity]}</span> {check.message}
          </p>
          <p className="muted small">{check.fix}</p>
        </li>
      ))}
    </ul>
  );
}
