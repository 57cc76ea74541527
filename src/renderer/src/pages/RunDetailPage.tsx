import type { ReactNode } from 'react';
import { useRun } from '../api/resources';
import { ExportButtons } from '../components/ExportButtons';
import { HeadlineResult } from '../components/HeadlineResult';
import { Page, Section } from '../components/Page';
import { ResultCard } from '../components/ResultCard';
import { ResultTable } from '../components/ResultTable';
import { Async, EmptyState } from '../components/States';
import { StatusBadge } from '../components/StatusBadge';
import { formatDateTime, formatElapsed } from '../lib/format';
import { hrefFor } from '../lib/hash-route';
import { suitePhrase } from '../lib/labels';

/** One run: the per-benchmark table, then a card per benchmark with its samples chart; export at the top. */
export function RunDetailPage({ runId }: { runId: number }): ReactNode {
  const isValidId = Number.isInteger(runId) && runId > 0;
  const detail = useRun(isValidId ? runId : null);
  const run = detail.value?.run;
  return (
    <Page
      title={isValidId ? `Run #${runId}` : 'Run not found'}
      lead={
        run === undefined ? undefined : (
          <>
            <StatusBadge status={run.status} scope="run" /> {suitePhrase(run.suite)} · {formatDateTime(run.startedAt)} · took{' '}
            {formatElapsed(run.startedAt, run.finishedAt)} · {run.systemLabel}
          </>
        )
      }
      actions={run === undefined ? undefined : <ExportButtons runId={run.id} />}
    >
      <p className="breadcrumb">
        <a href={hrefFor('/results')}>← All results</a>
      </p>
      {!isValidId ? (
        <EmptyState title="That is not a run number." />
      ) : (
        <Async state={detail} what={`run #${runId}`}>
          {({ results }) =>
            results.length === 0 ? (
              <EmptyState title="This run has no results" />
            ) : (
              <>
                <HeadlineResult runId={runId} />
                <Section title="Summary">
                  <ResultTable results={results} />
                </Section>
                <Section title="Benchmarks">
                  <div className="result-list">
                    {results.map((r) => (
                      <ResultCard key={r.id} result={r} />
                    ))}
                  </div>
                </Section>
              </>
            )
          }
        </Async>
      )}
    </Page>
  );
}
