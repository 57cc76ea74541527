import type { ReactNode } from 'react';
import type { RunSummary } from '../../../shared/domain/results';
import { formatDateTime, formatElapsed } from '../lib/format';
import { asSentence } from '../../../shared/format/diagnostic-text';
import { hrefFor } from '../lib/hash-route';
import { suiteLabel } from '../lib/labels';
import { StatusBadge } from './StatusBadge';
import { StatusLegend } from './StatusLegend';
import { TableScroll } from './TableScroll';

/** Runs, newest first; the date links to the run's detail; the run status words are explained under the table. */
export function RunTable({ runs, caption }: { runs: RunSummary[]; caption: string }): ReactNode {
  return (
    <div className="table-block">
      <TableScroll label={caption}>
        <table className="table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Run</th>
              <th scope="col">Date</th>
              <th scope="col">Machine</th>
              <th scope="col">Suite</th>
              <th scope="col">Status</th>
              <th scope="col" className="num end">
                Benchmarks
              </th>
              <th scope="col" className="num end">
                Duration
              </th>
            </tr>
          </thead>
          <tbody>
            {runs.map((run) => (
              <tr key={run.id}>
                <td className="num">
                  <a href={hrefFor(`/results/${run.id}`)}>#{run.id}</a>
                </td>
                <td className="num cell-date">{formatDateTime(run.startedAt)}</td>
                <td>{run.systemLabel}</td>
                <td>{suiteLabel(run.suite)}</td>
                <td>
                  <StatusBadge status={run.status} scope="run" />
                  {run.status === 'failed' && typeof run.reason === 'string' ? <p className="cell-note text-danger">{asSentence(run.reason)}</p> : null}
                </td>
                <td className="num end">
                  {run.resultCount}
                  {run.failedCount > 0 ? <span className="text-danger">{` (${run.failedCount} failed)`}</span> : null}
                </td>
                <td className="num end">{formatElapsed(run.startedAt, run.finishedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <StatusLegend statuses={runs.map((r) => r.status)} scope="run" />
    </div>
  );
}
