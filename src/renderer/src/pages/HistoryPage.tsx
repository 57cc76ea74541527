import { useEffect, useMemo } from 'react';
import type { ReactNode } from 'react';
import type { BenchmarkInfo } from '../../../shared/domain/benchmark';
import type { HistoryPoint } from '../../../shared/domain/results';
import { workloadTitle } from '../../../shared/format/workload';
import { useBenchmarks, useHistory } from '../api/resources';
import { historyWorkloads } from '../charts/history-option';
import { HistoryBenchmarkSelect } from '../components/HistoryBenchmarkSelect';
import { openingBenchmark, useLatestRunWithResults } from '../components/HistoryLatestRun';
import type { LatestRunState } from '../components/HistoryLatestRun';
import { HistoryView } from '../components/HistoryView';
import { Page } from '../components/Page';
import { Async, EmptyState, ErrorNotice, Loading } from '../components/States';
import { hrefFor } from '../lib/hash-route';

const LEAD = 'How each workload’s median moved across the runs stored here: one line per model and backend.';

/**
 * One benchmark's history, chosen in the address (`#/history/<id>`). Without one, the page goes to the latest run's
 * first benchmark (pp512 or tg128 where it has them), so it never opens on an empty choice.
 */
export function HistoryPage({ benchmarkId }: { benchmarkId: string | null }): ReactNode {
  const benchmarks = useBenchmarks();
  const catalogue = useMemo(() => benchmarks.value ?? [], [benchmarks.value]);
  const latest = useLatestRunWithResults(catalogue);
  return (
    <Page title="History" lead={LEAD}>
      {benchmarkId === null ? (
        <OpenLatest latest={latest} />
      ) : (
        <Async state={benchmarks} what="benchmarks">
          {(list) => <BenchmarkHistory benchmarkId={benchmarkId} catalogue={list} latest={latest} />}
        </Async>
      )}
    </Page>
  );
}

/** `#/history` alone: replaced (not pushed, so Back does not bounce here) by the latest run's opening benchmark. */
function OpenLatest({ latest }: { latest: LatestRunState }): ReactNode {
  const target = latest.status === 'ok' ? openingBenchmark(latest.benchmarks) : null;
  useEffect(() => {
    if (target !== null) window.location.replace(hrefFor(`/history/${encodeURIComponent(target)}`));
  }, [target]);
  if (latest.status === 'error') return <ErrorNotice error={latest.error} title="Could not load the latest run" onRetry={latest.reload} />;
  if (latest.status === 'none') {
    return (
      <EmptyState title={latest.hasRuns ? 'No measured results yet' : 'No runs yet'}>
        <p className="muted">
          Start one from the <a href={hrefFor('/run')}>Run</a> page: each run adds a point here for every benchmark it measures.
        </p>
      </EmptyState>
    );
  }
  return <Loading what="the latest run" />;
}

function BenchmarkHistory({ benchmarkId, catalogue, latest }: { benchmarkId: string; catalogue: BenchmarkInfo[]; latest: LatestRunState }): ReactNode {
  const history = useHistory(benchmarkId);
  const info = catalogue.find((b) => b.id === benchmarkId);
  const stored = history.value?.[0];
  // In words: the catalogue's title, else the stored one (a benchmark only an imported run knows), never the id alone.
  const title = workloadTitle(benchmarkId, stored?.identity ?? {}, info?.title ?? stored?.title ?? 'This benchmark');
  return (
    <>
      <HistoryBenchmarkSelect catalogue={catalogue} latest={latest.status === 'ok' ? latest.benchmarks : []} value={benchmarkId} valueTitle={title} />
      <Async state={history} what="history">
        {(points) => <HistoryBody benchmarkId={benchmarkId} title={title} unit={stored?.unit ?? info?.unit ?? ''} points={points} />}
      </Async>
    </>
  );
}

function HistoryBody({ benchmarkId, title, unit, points }: { benchmarkId: string; title: string; unit: string; points: HistoryPoint[] }): ReactNode {
  const workloads = useMemo(() => historyWorkloads(benchmarkId, points, title), [benchmarkId, points, title]);
  if (workloads.length === 0) {
    return (
      <EmptyState title={`No measured results for ${title} yet`}>
        <p className="muted">
          Run it from the <a href={hrefFor('/run')}>Run</a> page.
        </p>
      </EmptyState>
    );
  }
  return <HistoryView title={title} points={points} workloads={workloads} unit={unit} />;
}
