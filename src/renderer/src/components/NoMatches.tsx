import type { ReactNode } from 'react';
import type { RunComparisonView } from '../../../shared/domain/compare';
import { hrefFor } from '../lib/hash-route';

/**
 * Said plainly when nothing in the run can be compared: which benchmarks the run had, and which ones have published
 * figures, with the way to run them.
 */
export function NoMatches({ view, title }: { view: RunComparisonView; title: (benchmarkId: string) => string }): ReactNode {
  const measured = view.comparison.rows.map((r) => r.benchmarkId);
  const nearest = view.comparison.nearestCard;
  return (
    <div className="callout callout-neutral no-matches">
      <p className="callout-title">
        {nearest === null
          ? `Run #${view.runId} has no result with published figures to compare with.`
          : `None of the chosen cards has published figures for the workloads of run #${view.runId}.`}
      </p>
      <p>
        It measured {measured.length === 0 ? 'nothing that finished' : measured.map((id) => title(id)).join(', ')}.{' '}
        {nearest === null ? null : <>{nearest.displayName} has figures for them: add it to the cards above.</>}
      </p>
      <p>Published figures exist for these benchmarks:</p>
      <ul className="comparable-list">
        {view.comparableBenchmarkIds.map((id) => (
          <li key={id}>{title(id)}</li>
        ))}
      </ul>
      <p>
        <a href={hrefFor('/run')}>Go to the Run page</a> to measure one of them.
      </p>
    </div>
  );
}
