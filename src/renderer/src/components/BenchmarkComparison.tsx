import type { ReactNode } from 'react';
import type { BenchmarkRow, CardCell } from '../../../shared/domain/compare';
import { identitySettingsSummary, modelText } from '../../../shared/format/workload';
import { formatValue } from '../lib/format';
import { FigureSource, FigureValue } from './FigureCells';
import { MatchBadge } from './MatchBadge';
import { SpeedRatio } from './SpeedRatio';
import { StatusBadge } from './StatusBadge';
import { TableScroll } from './TableScroll';

interface BenchmarkComparisonProps {
  row: BenchmarkRow;
  title: string;
  cardName: (key: string) => string;
}

/**
 * One workload: your median, then per card the figure core picked (exact before close, then newest primary), how
 * many times faster or slower yours is (with ±%), how well it matches and its source; the card's other figures are
 * one click away. `title` is the workload in words ("Prompt processing · 512 tokens").
 */
export function BenchmarkComparison({ row, title, cardName }: BenchmarkComparisonProps): ReactNode {
  const model = modelText(row.identity);
  const settings = identitySettingsSummary(row.benchmarkId, row.identity);
  const label = model === null ? title : `${title}, ${model}`;
  return (
    <section className="card bench-compare" aria-label={label}>
      <header className="bench-compare-header">
        <div>
          <h3>{title}</h3>
          {model === null ? null : <p className="workload-model strong">{model}</p>}
          <p className="small muted">
            {settings === '' ? '' : `${settings} · `}
            {row.higherIsBetter ? 'higher is better' : 'lower is better'}
          </p>
        </div>
        <div className="figure">
          <span className="figure-label">Yours</span>
          <span className="figure-value num">{formatValue(row.yours, row.unit)}</span>
          <StatusBadge status={row.status} />
        </div>
      </header>
      {row.skippedReason === null ? null : <p className="small muted">Not compared: {row.skippedReason}.</p>}
      <TableScroll label={`${label} against reference cards`}>
        <table className="table compare-table">
          <caption className="visually-hidden">{`${label} against reference cards`}</caption>
          <thead>
            <tr>
              <th scope="col">Card</th>
              <th scope="col">Published figure</th>
              <th scope="col" className="num end">
                Yours vs card
              </th>
              <th scope="col">Match</th>
              <th scope="col">Source</th>
            </tr>
          </thead>
          <tbody>
            {row.cards.map((cell) => (
              <CellRows key={cell.cardKey} cell={cell} cardName={cardName(cell.cardKey)} />
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

function CellRows({ cell, cardName }: { cell: CardCell; cardName: string }): ReactNode {
  if (cell.picked === null) {
    return (
      <tr>
        <th scope="row">{cardName}</th>
        <td colSpan={4} className="muted">
          {cell.reason ?? 'no published figure for this workload'}
        </td>
      </tr>
    );
  }
  return (
    <>
      <tr>
        <th scope="row">{cardName}</th>
        <td>
          <FigureValue figure={cell.picked.figure} />
        </td>
        <td className="num end">
          <SpeedRatio ratio={cell.ratio} deltaPct={cell.deltaPct} reason={cell.reason} />
          {cell.ratio === null && cell.reason !== null ? <p className="cell-note muted">{cell.reason}</p> : null}
        </td>
        <td>
          <MatchBadge match={cell.picked.match} labels={cell.picked.labels} />
        </td>
        <td className="source-cell">
          <FigureSource figure={cell.picked.figure} />
        </td>
      </tr>
      {cell.alternatives.length === 0 ? null : (
        <tr className="alternatives-row">
          <td colSpan={5}>
            <details className="details">
              <summary>
                {cell.alternatives.length} other figure{cell.alternatives.length === 1 ? '' : 's'} for {cardName}
              </summary>
              <ul className="alternatives">
                {cell.alternatives.map((alt) => (
                  <li key={alt.figure.recordId} className="alternative">
                    <div>
                      <FigureValue figure={alt.figure} />
                    </div>
                    <div className="num">
                      <SpeedRatio ratio={alt.ratio} deltaPct={alt.deltaPct} reason={alt.reason} />
                    </div>
                    <MatchBadge match={alt.match} labels={alt.labels} />
                    <FigureSource figure={alt.figure} />
                  </li>
                ))}
              </ul>
            </details>
          </td>
        </tr>
      )}
    </>
  );
}
