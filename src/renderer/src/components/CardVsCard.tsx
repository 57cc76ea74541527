import type { ReactNode } from 'react';
import type { CardComparison, CardPairRow } from '../../../shared/domain/compare';
import { formatPublished } from '../lib/format';
import { CATEGORY_LABELS, shortCardName } from '../lib/labels';
import { DeltaText } from './DeltaText';
import { SourceText } from './SourceText';

/** Two cards from published figures only: per-category medians, then every paired workload with its source. */
export function CardVsCard({ comparison }: { comparison: CardComparison }): ReactNode {
  const { refDisplayName: refName, vsDisplayName: vsName } = comparison;
  return (
    <div className="card-vs-card">
      <ul className="card-grid" aria-label="Per category">
        {comparison.categories.map((c) => (
          <li key={c.category} className="card">
            <p className="card-title">{CATEGORY_LABELS[c.category]}</p>
            <p>
              {refName} <DeltaText deltaPct={c.medianDeltaPct} /> <span className="small muted">median</span>
            </p>
            <p className="small muted">
              faster in {c.refWins} of {c.total} workload{c.total === 1 ? '' : 's'}
            </p>
          </li>
        ))}
      </ul>
      {comparison.rows.length === 0 ? (
        <p className="muted">These two cards share no published workload.</p>
      ) : (
        <div className="table-wrap">
          <table className="table compare-table">
            <caption className="visually-hidden">{`${refName} vs ${vsName}, per workload`}</caption>
            <thead>
              <tr>
                <th scope="col">Workload</th>
                {/* Short names: the full ones are in the caption and above, and long headers squeeze the source column. */}
                <th scope="col" className="num end">{shortCardName(refName)}</th>
                <th scope="col" className="num end">{shortCardName(vsName)}</th>
                <th scope="col" className="num end">Difference</th>
                <th scope="col">Source</th>
              </tr>
            </thead>
            <tbody>
              {comparison.rows.map((row) => (
                <PairRow key={row.sourceBenchmarkId} row={row} refName={refName} vsName={vsName} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function PairRow({ row, refName, vsName }: { row: CardPairRow; refName: string; vsName: string }): ReactNode {
  return (
    <tr>
      <th scope="row">
        {row.model}
        <p className="cell-note muted">
          {row.metric} · <code>{row.sourceBenchmarkId}</code>
          {row.higherIsBetter ? '' : ' · lower is better'}
        </p>
        {row.labels.length === 0 ? null : (
          <ul className="match-labels">
            {row.labels.map((label) => (
              <li key={label}>{label}</li>
            ))}
          </ul>
        )}
      </th>
      <td className="num end">{formatPublished(row.ref.value, row.unit)}</td>
      <td className="num end">{formatPublished(row.vs.value, row.unit)}</td>
      <td className="num end">
        <DeltaText deltaPct={row.deltaPct} reason={row.reason} />
      </td>
      <td className="source-cell">
        {row.isSameSource ? null : <p className="small strong">{refName}</p>}
        <SourceText title={row.ref.sourceTitle} url={row.ref.sourceUrl} kind={row.ref.sourceKind} publishedOn={row.ref.publishedOn} />
        {row.isSameSource ? null : (
          <>
            <p className="small strong source-second">{vsName}</p>
            <SourceText title={row.vs.sourceTitle} url={row.vs.sourceUrl} kind={row.vs.sourceKind} publishedOn={row.vs.publishedOn} />
          </>
        )}
      </td>
    </tr>
  );
}
