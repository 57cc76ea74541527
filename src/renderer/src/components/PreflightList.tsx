import type { ReactNode } from 'react';
import type { PreflightCheck, PreflightSeverity } from '../../../shared/domain/preflight';
import { asSentence, withBenchmarkTitles } from '../../../shared/format/diagnostic-text';

const ORDER: Record<PreflightSeverity, number> = { blocker: 0, warning: 1, info: 2 };
const TONE: Record<PreflightSeverity, string> = { blocker: 'danger', warning: 'warn', info: 'neutral' };
const LABEL: Record<PreflightSeverity, string> = { blocker: 'will fail', warning: 'warning', info: 'note' };

/**
 * Core's findings about a planned run, worst first, each with what to do about it. Core names benchmarks by id (the
 * CLI prints the same checks); here each id is replaced by its title from `titles` (id → catalogue title).
 */
export function PreflightList({ checks, titles = new Map() }: { checks: PreflightCheck[]; titles?: ReadonlyMap<string, string> }): ReactNode {
  if (checks.length === 0) return null;
  const sorted = [...checks].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  return (
    <ul className="preflight" aria-label="Checks before the run">
      {sorted.map((check) => (
        <li key={check.id} className={`callout callout-${TONE[check.severity]}`}>
          <p>
            <span className={`badge badge-${TONE[check.severity]}`}>{LABEL[check.severity]}</span> {asSentence(withBenchmarkTitles(check.message, titles))}
          </p>
          <p className="muted small">{asSentence(withBenchmarkTitles(check.fix, titles))}</p>
        </li>
      ))}
    </ul>
  );
}
