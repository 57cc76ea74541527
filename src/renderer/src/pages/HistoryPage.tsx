import { useCallback } from 'react';
import type { ReactNode } from 'react';
import { ResultStatusSchema } from '../../../shared/domain/benchmark';
import type { BenchmarkInfo, ResultStatus } from '../../../shared/domain/benchmark';
import type { HistoryPoint } from '../../../shared/domain/results';
import { useBenchmarks, useHistory } from '../api/resources';
import { historyLabel, historyOption } from '../charts/history-option';
import { EChart } from '../components/EChart';
import { Page, Section } from '../components/Page';
import { Async, EmptyState } from '../components/States';
import { StatusBadge } from '../components/StatusBadge';
import { StatusLegend } from '../components/StatusLegend';
import type { ChartColors } from '../lib/echarts';
import { formatDateTime, formatValue } from '../lib/format';
import { hrefFor, navigate } from '../lib/hash-route';
import { CATEGORY_LABELS } from '../lib/labels';

/** One benchmark's median across runs over time; the chosen benchmark lives in the address (`#/history/<id>`). */
export function HistoryPage({ benchmarkId }: { benchmarkId: string | null }): ReactNode {
  const benchmarks = useBenchmarks();
  const history = useHistory(benchmarkId);
  const info = benchmarks.value?.find((b) => b.id === benchmarkId);
  return (
    <Page title="History" lead="How one benchmark’s median moved across the runs stored here.">
      <Async state={benchmarks} what="benchmarks">
        {(list) => <BenchmarkSelect benchmarks={list} value={benchmarkId} />}
      </Async>
      {benchmarkId === null ? (
        <EmptyState title="Choose a benchmark to see its history" />
      ) : (
        <Async state={history} what="history">
          {(points) =>
            points.every((p) => p.median === null) ? (
              <EmptyState title={`No measured results for ${info?.title ?? benchmarkId} yet`}>
                <p className="muted">
                  Run it from the <a href={hrefFor('/run')}>Run</a> page.
                </p>
              </EmptyState>
            ) : (
              <HistoryView title={info?.title ?? benchmarkId} points={points} />
            )
          }
        </Async>
      )}
    </Page>
  );
}

function BenchmarkSelect({ benchmarks, value }: { benchmarks: BenchmarkInfo[]; value: string | null }): ReactNode {
  const categories = [...new Set(benchmarks.map((b) => b.category))];
  return (
    <div className="field field-inline">
      <label htmlFor="history-benchmark">Benchmark</label>
      <select
        id="history-benchmark"
        className="input"
        value={value ?? ''}
        onChange={(e) => navigate(e.target.value === '' ? '/history' : `/history/${encodeURIComponent(e.target.value)}`)}
      >
        <option value="">Choose…</option>
        {categories.map((category) => (
          <optgroup key={category} label={CATEGORY_LABELS[category]}>
            {benchmarks
              .filter((b) => b.category === category)
              .map((b) => (
                <option key={b.id} value={b.id}>
                  {b.title} ({b.unit})
                </option>
              ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

function HistoryView({ title, points }: { title: string; points: HistoryPoint[] }): ReactNode {
  const unit = points[0]?.unit ?? '';
  const buildOption = useCallback((colors: ChartColors) => historyOption(points, unit, colors), [points, unit]);
  const newestFirst = [...points].sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  return (
    <>
      <Section title="Median per run">
        <div className="card">
          <EChart buildOption={buildOption} height={300} label={historyLabel(title, points, unit)} />
        </div>
      </Section>
      <Section title="Runs">
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{`${title} per run`}</caption>
            <thead>
              <tr>
                <th scope="col">Run</th>
                <th scope="col">Date</th>
                <th scope="col">Machine</th>
                <th scope="col">Status</th>
                <th scope="col" className="num end">
                  Median
                </th>
              </tr>
            </thead>
            <tbody>
              {newestFirst.map((p) => (
                <tr key={p.resultId}>
                  <td className="num">
                    <a href={hrefFor(`/results/${p.runId}`)}>#{p.runId}</a>
                  </td>
                  <td className="num">{formatDateTime(p.startedAt)}</td>
                  <td>{p.systemLabel}</td>
                  <td>{isResultStatus(p.status) ? <StatusBadge status={p.status} /> : p.status}</td>
                  <td className="num end strong">{formatValue(p.median, p.unit)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <StatusLegend statuses={points.map((p) => p.status).filter(isResultStatus)} />
      </Section>
    </>
  );
}

function isResultStatus(status: string): status is ResultStatus {
  return ResultStatusSchema.safeParse(status).success;
}
