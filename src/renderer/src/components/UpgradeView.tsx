import { useState } from 'react';
import type { ReactNode } from 'react';
import type { UpgradeGain } from '../../../shared/domain/compare';
import type { CardSummary } from '../../../shared/domain/reference';
import { useUpgradeGain } from '../api/resources';
import { formatValue } from '../lib/format';
import { CATEGORY_LABELS, shortCardName } from '../lib/labels';
import { CardOptions } from './CardSelect';
import { DeltaText } from './DeltaText';
import { FigureSource, FigureValue } from './FigureCells';
import { MatchBadge } from './MatchBadge';
import { Async, EmptyState } from './States';

interface UpgradeViewProps {
  runId: number;
  cards: readonly CardSummary[] | undefined;
  title: (benchmarkId: string) => string;
}

/** Pick a target card: the expected change from your measured figures to its published ones, per category and benchmark. */
export function UpgradeView({ runId, cards, title }: UpgradeViewProps): ReactNode {
  const [target, setTarget] = useState<string | null>(null);
  const gain = useUpgradeGain(runId, target);
  const withFigures = (cards ?? []).filter((c) => c.figureCount > 0);
  return (
    <div className="upgrade">
      <div className="field field-inline">
        <label htmlFor="upgrade-target">Target card</label>
        <select id="upgrade-target" className="input input-select" value={target ?? ''} onChange={(e) => setTarget(e.target.value === '' ? null : e.target.value)}>
          <option value="">Choose a card…</option>
          <CardOptions cards={withFigures} />
        </select>
      </div>
      {target === null ? (
        <EmptyState title="Choose a target card">
          <p className="muted">Rigmark compares your measured figures with the card’s published ones, workload by workload.</p>
        </EmptyState>
      ) : (
        <Async state={gain} what="the upgrade estimate">
          {(value) => <UpgradeResult gain={value} title={title} />}
        </Async>
      )}
    </div>
  );
}

function UpgradeResult({ gain, title }: { gain: UpgradeGain; title: (benchmarkId: string) => string }): ReactNode {
  const matched = gain.rows.filter((r) => r.target !== null);
  const unmatched = gain.rows.filter((r) => r.target === null);
  return (
    <div className="upgrade-result">
      <p className="muted">Positive: {gain.displayName} is faster than your run on that workload; from its published figures only.</p>
      <ul className="card-grid upgrade-categories" aria-label="Expected change per category">
        {gain.categories.map((c) => (
          <li key={c.category} className="card">
            <p className="card-title">{CATEGORY_LABELS[c.category]}</p>
            {c.count === 0 ? (
              <p className="muted">no published figures</p>
            ) : (
              <p>
                <DeltaText deltaPct={c.medianDeltaPct} /> <span className="muted">median of {c.count} benchmark{c.count === 1 ? '' : 's'}</span>
              </p>
            )}
          </li>
        ))}
      </ul>
      {matched.length === 0 ? null : (
        <div className="table-wrap">
          <table className="table compare-table">
            <caption className="visually-hidden">{`Expected change per benchmark with ${gain.displayName}`}</caption>
            <thead>
              <tr>
                <th scope="col">Benchmark</th>
                <th scope="col" className="num end">Yours</th>
                <th scope="col">{shortCardName(gain.displayName)} figure and match</th>
                <th scope="col" className="num end">Change</th>
                <th scope="col">Source</th>
              </tr>
            </thead>
            <tbody>
              {matched.map((r) =>
                r.target === null ? null : (
                  <tr key={r.benchmarkId}>
                    <th scope="row">{title(r.benchmarkId)}</th>
                    <td className="num end">{formatValue(r.yours, r.unit)}</td>
                    <td>
                      <FigureValue figure={r.target.figure} />
                      <MatchBadge match={r.target.match} labels={r.target.labels} />
                    </td>
                    <td className="num end">
                      <DeltaText deltaPct={r.deltaPct} reason={r.reason} />
                      {r.deltaPct === null && r.reason !== null ? <p className="cell-note muted">{r.reason}</p> : null}
                    </td>
                    <td className="source-cell"><FigureSource figure={r.target.figure} /></td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </div>
      )}
      {unmatched.length === 0 ? null : (
        <p className="small muted">
          No estimate for {unmatched.map((r) => `${title(r.benchmarkId)} (${r.reason ?? 'no figure'})`).join(', ')}.
        </p>
      )}
    </div>
  );
}
