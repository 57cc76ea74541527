import type { ReactNode } from 'react';
import type { PlannedInstance } from '../../../shared/domain/run';
import { generationStepText } from '../../../shared/format/plan';
import { formatDuration } from '../lib/format';
import { UnavailableList } from './UnavailableList';

interface PlanSummaryProps {
  plan: PlannedInstance[];
  /**
   * How to enable each benchmark that is unavailable here, by benchmark id (from `benchmarks:list`): used when a
   * planned instance carries none itself (a core from before `PlannedInstance.howToEnable`).
   */
  howToEnable?: ReadonlyMap<string, string>;
}

/**
 * What a run will do before it starts: the benchmarks that will run, each with its estimated time, and apart from
 * them those that cannot run here, with the reason and how to enable them. Only what will run is counted and timed.
 */
export function PlanSummary({ plan, howToEnable }: PlanSummaryProps): ReactNode {
  const runnable = plan.filter((p) => p.status !== 'unavailable');
  const unavailable = plan.filter((p) => p.status === 'unavailable');
  const totalMs = runnable.reduce((sum, p) => sum + p.estimatedMs, 0);
  return (
    <div className="plan">
      {runnable.length === 0 ? (
        <p className="plan-estimate">Nothing in this selection can run on this machine.</p>
      ) : (
        <p className="plan-estimate">
          <span className="muted">Estimated time</span> <strong className="num">{formatDuration(totalMs)}</strong>
          <span className="muted">
            {' '}
            · {runnable.length} benchmark{runnable.length === 1 ? '' : 's'} will run
            {unavailable.length === 0 ? '' : ` · ${unavailable.length} cannot run here (listed apart)`}
          </span>
        </p>
      )}
      {runnable.length === 0 ? null : (
        <ul className="plan-list plan-list-timed" aria-label="Benchmarks that will run">
          {runnable.map((p) => (
            <li key={p.resultId} className="plan-item">
              <span className="plan-title">
                {p.title}
                {p.generation ? <span className="plan-step muted">{generationStepText(p.generation, formatDuration)}</span> : null}
              </span>
              <span className="num muted plan-time">{formatDuration(p.estimatedMs)}</span>
            </li>
          ))}
        </ul>
      )}
      <UnavailableList
        headingId="plan-unavailable"
        items={unavailable.map((p) => ({ key: p.resultId, title: p.title, reason: p.reason, howToEnable: p.howToEnable ?? howToEnable?.get(p.benchmarkId) ?? null }))}
      />
    </div>
  );
}
