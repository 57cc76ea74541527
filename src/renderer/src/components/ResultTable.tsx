import { Fragment } from 'react';
import type { MouseEvent, ReactNode } from 'react';
import type { Result } from '../../../shared/domain/results';
import { formatNumber, formatPercent, formatValue } from '../lib/format';
import { STAT_LABELS, explainUnstable, reasonMessage } from '../lib/status-text';
import { DiagnosticDetails } from './Explained';
import { StatusBadge } from './StatusBadge';
import { StatusLegend } from './StatusLegend';
import { TableScroll } from './TableScroll';

/**
 * One line per benchmark: median with its unit, run-to-run spread, range and sample count; the reason where it did not
 * pass, and for an unstable one its spread, the rule and what to do. The status words are explained under the table.
 * Names link to the benchmark's card below, or to `detailHref` where the table stands alone.
 */
export function ResultTable({ results, detailHref }: { results: Result[]; detailHref?: string }): ReactNode {
  return (
    <div className="table-block">
      <TableScroll label="Results per benchmark">
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
                <span title={STAT_LABELS.spread.hint}>{STAT_LABELS.spread.label}</span>
              </th>
              <th scope="col" className="num end">
                Min – max
              </th>
              <th scope="col" className="num end">
                <span title={STAT_LABELS.samples.hint}>{STAT_LABELS.samples.label}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {results.map((r) => (
              <Fragment key={r.id}>
                <tr className={r.status === 'unstable' ? 'has-row-note' : undefined}>
                  <th scope="row" aria-describedby={r.status === 'unstable' ? `result-${r.id}-why` : undefined}>
                    {detailHref === undefined ? (
                      <a href={`#result-${r.id}`} onClick={(e) => scrollToResult(e, r.id)}>
                        {r.title}
                      </a>
                    ) : (
                      <a href={detailHref}>{r.title}</a>
                    )}
                    {r.reason === null || r.status === 'unstable' ? null : <ReasonNote result={r} />}
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
                {r.status === 'unstable' ? (
                  // Its own full-width row: the explanation is a sentence, too long for the name column on a narrow window.
                  <tr className="row-note">
                    <td colSpan={6} id={`result-${r.id}-why`} className="cell-note text-warn">
                      {explainUnstable(r.stats.cv, r.stats.count, r.reason)}
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <StatusLegend statuses={results.map((r) => r.status)} />
    </div>
  );
}

function ReasonNote({ result }: { result: Result }): ReactNode {
  const message = reasonMessage(result);
  if (message === null) return null;
  return (
    <div className={result.status === 'failed' ? 'cell-note text-danger' : 'cell-note muted'}>
      {message.sentence}
      <DiagnosticDetails detail={message.detail} />
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
