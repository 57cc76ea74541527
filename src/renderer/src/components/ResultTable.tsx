import type { MouseEvent, ReactNode } from 'react';
import type { Result } from '../../../shared/domain/results';
import { formatNumber, formatPercent, formatValue } from '../lib/format';
import { StatusBadge } from './StatusBadge';

/**
 * One line per benchmark: median with its unit, CV, range and sample count; the reason where it did not pass.
 * Names link to the benchmark's card below, or to `detailHref` where the table stands alone.
 */
export function ResultTable({ results, detailHref }: { results: Result[]; detailHref?: string }): ReactNode {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">Results per benchmark</caption>
        <thead>
          <tr>
            <th scope="col">Benchmark</th>
            <th scope="col">Status</th>
            <th scope="col" className="num end">
              Median
            </th>
            <th scope="col" className="num end">
              CV
            </th>
            <th scope="col" className="num end">
              Min – max
            </th>
            <th scope="col" className="num end">
              n
            </th>
          </tr>
        </thead>
        <tbody>
          {results.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                {detailHref === undefined ? (
                  <a href={`#result-${r.id}`} onClick={(e) => scrollToResult(e, r.id)}>
                    {r.title}
                  </a>
                ) : (
                  <a href={detailHref}>{r.title}</a>
                )}
                {r.reason === null ? null : <p className={r.status === 'failed' ? 'cell-note text-danger' : 'cell-note muted'}>{r.reason}</p>}
              </th>
              <td>
                <StatusBadge status={r.status} />
              </td>
              <td className="num end strong">{formatValue(r.stats.median, r.unit)}</td>
              <td className={`num end${r.status === 'unstable' ? ' text-warn' : ''}`}>{formatPercent(r.stats.cv)}</td>
              <td className="num end">
                {r.stats.min === null ? '—' : `${formatNumber(r.stats.min)} – ${formatNumber(r.stats.max)}`}
              </td>
              <td className="num end">{r.stats.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// In-page anchors would change the hash, which is our router: scroll instead.
function scrollToResult(event: MouseEvent<HTMLAnchorElement>, resultId: number): void {
  event.preventDefault();
  const target = document.getElementById(`result-${resultId}`);
  target?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  target?.focus({ preventScroll: true });
}
