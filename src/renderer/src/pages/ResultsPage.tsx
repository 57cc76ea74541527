import type { ReactNode } from 'react';
import { useRuns } from '../api/resources';
import { HeadlineResult } from '../components/HeadlineResult';
import { Page } from '../components/Page';
import { RunTable } from '../components/RunTable';
import { Async, EmptyState } from '../components/States';
import { hrefFor } from '../lib/hash-route';

/** Every stored run, newest first. */
export function ResultsPage(): ReactNode {
  const runs = useRuns(200);
  return (
    <Page title="Results" lead="Every run stored on this machine, newest first.">
      <Async state={runs} what="runs">
        {(list) =>
          list.length === 0 ? (
            <EmptyState title="No runs yet">
              <p className="muted">
                Results appear here after a run. <a href={hrefFor('/run')}>Start a run</a>
              </p>
            </EmptyState>
          ) : (
            <>
              {list[0] === undefined ? null : <HeadlineResult runId={list[0].id} title="Headline of the latest run" />}
              <RunTable runs={list} caption="Stored runs" />
            </>
          )
        }
      </Async>
    </Page>
  );
}
