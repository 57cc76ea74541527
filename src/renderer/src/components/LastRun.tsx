import type { ReactNode } from 'react';
import { useRun, useRuns } from '../api/resources';
import { formatDateTime } from '../lib/format';
import { hrefFor } from '../lib/hash-route';
import { suitePhrase } from '../lib/labels';
import { HeadlineResult } from './HeadlineResult';
import { ResultTable } from './ResultTable';
import { Async, EmptyState } from './States';
import { StatusBadge } from './StatusBadge';

/** The newest run's headline figures, for the This machine page. */
export function LastRun(): ReactNode {
  const runs = useRuns(1);
  return (
    <Async state={runs} what="runs">
      {(list) => {
        const latest = list[0];
        return latest === undefined ? (
          <EmptyState title="No runs yet">
            <p className="muted">Run the quick benchmark to see what this machine does.</p>
          </EmptyState>
        ) : (
          <LastRunDetail runId={latest.id} />
        );
      }}
    </Async>
  );
}

function LastRunDetail({ runId }: { runId: number }): ReactNode {
  const detail = useRun(runId);
  const href = hrefFor(`/results/${runId}`);
  return (
    <Async state={detail} what={`run #${runId}`}>
      {({ run, results }) => (
        <div className="last-run">
          <p className="last-run-header">
            <a href={href} className="strong">
              Run #{run.id}
            </a>
            <StatusBadge status={run.status} scope="run" />
            <span className="muted">
              {suitePhrase(run.suite)} · {formatDateTime(run.startedAt)}
            </span>
          </p>
          <HeadlineResult runId={run.id} />
          {results.length === 0 ? <EmptyState title="This run has no results" /> : <ResultTable results={results} detailHref={href} />}
        </div>
      )}
    </Async>
  );
}
