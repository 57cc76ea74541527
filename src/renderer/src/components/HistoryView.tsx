import { useCallback } from 'react';
import type { ReactNode } from 'react';
import { ResultStatusSchema } from '../../../shared/domain/benchmark';
import type { ResultStatus } from '../../../shared/domain/benchmark';
import type { HistoryPoint } from '../../../shared/domain/results';
import { modelText } from '../../../shared/format/workload';
import { backendText, historyLabel, historyOption } from '../charts/history-option';
import type { HistoryWorkload } from '../charts/history-option';
import type { ChartColors } from '../lib/echarts';
import { formatDateTime, formatValue } from '../lib/format';
import { hrefFor } from '../lib/hash-route';
import { EChart } from './EChart';
import { Section } from './Page';
import { StatusBadge } from './StatusBadge';
import { StatusLegend } from './StatusLegend';
import { TableScroll } from './TableScroll';

/** A benchmark's medians over time, one line per workload, and every run's result in a table, newest first. */
export function HistoryView({
  title,
  points,
  workloads,
  unit,
}: {
  title: string;
  /** Every result, with or without a median (a failed run is listed in the table, not drawn). */
  points: HistoryPoint[];
  workloads: HistoryWorkload[];
  unit: string;
}): ReactNode {
  const buildOption = useCallback((colors: ChartColors) => historyOption(workloads, unit, colors), [workloads, unit]);
  const hasUnstable = workloads.some((w) => w.points.some((p) => p.status === 'unstable'));
  return (
    <>
      <Section title={`${title}: median per run`}>
        <div className="card">
          <EChart buildOption={buildOption} height={320} label={historyLabel(title, workloads, unit)} />
          <p className="small muted">
            {workloads.length > 1
              ? `${workloads.length} workloads: one line each, by model and backend. Results of different workloads are never joined, since they are not the same measurement.`
              : 'One workload: the same model and backend in every run.'}
            {hasUnstable ? ' A hollow point is an unstable result.' : ''}
          </p>
        </div>
      </Section>
      <Section title="Runs">
        <HistoryRunsTable title={title} points={points} />
      </Section>
    </>
  );
}

function HistoryRunsTable({ title, points }: { title: string; points: HistoryPoint[] }): ReactNode {
  const rows = [...points]
    .sort((a, b) => b.startedAt.localeCompare(a.startedAt) || b.resultId - a.resultId)
    .map((point) => ({ point, model: modelText(point.identity), backend: backendText(point.identity) }));
  const hasModel = rows.some((r) => r.model !== null);
  // Backend only where it varies: one backend everywhere says nothing a row needs.
  const hasBackend = new Set(rows.map((r) => r.backend)).size > 1;
  // The median comes right after what identifies the row, so a narrow window cuts off the machine, not the figure.
  return (
    <>
      <TableScroll label={`${title} per run`}>
        <table className="table">
          <caption className="visually-hidden">{`${title} per run`}</caption>
          <thead>
            <tr>
              <th scope="col">Run</th>
              <th scope="col">Date</th>
              {hasModel ? <th scope="col">Model</th> : null}
              {hasBackend ? <th scope="col">Backend</th> : null}
              <th scope="col" className="num end">
                Median
              </th>
              <th scope="col">Status</th>
              <th scope="col">Machine</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ point, model, backend }) => (
              <tr key={point.resultId}>
                <td className="num">
                  <a href={hrefFor(`/results/${point.runId}`)}>#{point.runId}</a>
                </td>
                <td className="num">{formatDateTime(point.startedAt)}</td>
                {hasModel ? <td>{model ?? '—'}</td> : null}
                {hasBackend ? <td>{backend ?? '—'}</td> : null}
                <td className="num end strong">{formatValue(point.median, point.unit)}</td>
                <td>{isResultStatus(point.status) ? <StatusBadge status={point.status} /> : point.status}</td>
                <td>{point.systemLabel}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <StatusLegend statuses={rows.map((r) => r.point.status).filter(isResultStatus)} />
    </>
  );
}

function isResultStatus(status: string): status is ResultStatus {
  return ResultStatusSchema.safeParse(status).success;
}
