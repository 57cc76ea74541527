import { useState } from 'react';
import type { ReactNode } from 'react';
import type { UpgradeGain, UpgradeGainRow } from '../../../shared/domain/compare';
import type { CardSummary } from '../../../shared/domain/reference';
import { invertRatio, speedRatioText } from '../../../shared/format/speed-ratio';
import { useUpgradeGain } from '../api/resources';
import { rowWorkload, rowWorkloadName } from '../charts/comparison-groups';
import { formatValue } from '../lib/format';
import { CATEGORY_LABELS, shortCardName } from '../lib/labels';
import { CardOptions } from './CardSelect';
import { Evidence } from './Evidence';
import { FigureSource, FigureValue } from './FigureCells';
import { MatchBadge } from './MatchBadge';
import { SpeedRatio } from './SpeedRatio';
import { Async } from './States';
import { TableScroll } from './TableScroll';
import './Compare.css';

/** Targets tried in order when the user has not chosen: the cards the journey compares with. */
const DEFAULT_TARGETS = ['rtx-4090', 'a100'] as const;

interface UpgradeViewProps {
  runId: number;
  cards: readonly CardSummary[] | undefined;
  title: (benchmarkId: string) => string;
  /** The reference card of the user's own GPU, never offered as the default upgrade. */
  ownCardKey?: string | null;
}

/**
 * The expected change from your measured figures to a target card's published ones, per category and workload. It
 * states each fact in Compare's direction (yours ÷ card: "486× slower, −99.8 %") and says the gain in words.
 */
export function UpgradeView({ runId, cards, title, ownCardKey = null }: UpgradeViewProps): ReactNode {
  const withFigures = (cards ?? []).filter((c) => c.figureCount > 0);
  const fallback = DEFAULT_TARGETS.find((key) => key !== ownCardKey && withFigures.some((c) => c.key === key)) ?? withFigures[0]?.key ?? null;
  const [chosen, setChosen] = useState<string | null>(null);
  const target = chosen ?? fallback;
  const gain = useUpgradeGain(runId, target);
  return (
    <div className="upgrade">
      <div className="field field-inline">
        <label htmlFor="upgrade-target">Target card</label>
        <select id="upgrade-target" className="input input-select" value={target ?? ''} onChange={(e) => setChosen(e.target.value)}>
          {target === null ? <option value="">No card has figures</option> : null}
          <CardOptions cards={withFigures} />
        </select>
      </div>
      {target === null ? null : (
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
  const name = shortCardName(gain.displayName);
  return (
    <div className="upgrade-result">
      <p className="muted">
        Your run against the {gain.displayName}’s published figures, workload by workload, in the direction Compare uses: “N× slower” means the{' '}
        {name} is N times as fast, so moving to it would make that workload N times faster.
      </p>
      <ul className="card-grid upgrade-categories" aria-label="Expected change per category">
        {gain.categories.map((c) => {
          const yours = invertRatio(c.medianRatio);
          return (
            <li key={c.category} className="card">
              <p className="card-title">{CATEGORY_LABELS[c.category]} · median</p>
              {c.count === 0 ? (
                <p className="muted">no published figures</p>
              ) : (
                <div className="category-headline">
                  <span className="small muted">Yours vs {name}</span>
                  <SpeedRatio ratio={yours.ratio} deltaPct={yours.deltaPct} />
                  <span className="small">
                    <Evidence count={c.count} />
                  </span>
                  <p className="small">With the {name}: {speedRatioText(c.medianRatio)}.</p>
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {matched.length === 0 ? null : (
        <TableScroll label={`Expected change per workload with the ${gain.displayName}`}>
          <table className="table compare-table">
            <caption className="visually-hidden">{`Expected change per workload with the ${gain.displayName}`}</caption>
            <thead>
              <tr>
                <th scope="col">Workload</th>
                <th scope="col" className="num end">Yours</th>
                <th scope="col">{name} figure and match</th>
                <th scope="col" className="num end">Yours vs {name}</th>
                <th scope="col">Source</th>
              </tr>
            </thead>
            <tbody>
              {matched.map((r, index) => (
                <UpgradeRow key={`${r.benchmarkId}:${index}`} row={r} title={title} />
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {unmatched.length === 0 ? null : (
        <p className="small muted">
          No estimate for {unmatched.map((r) => `${rowWorkloadName(r, title)} (${r.reason ?? 'no figure'})`).join(', ')}.
        </p>
      )}
    </div>
  );
}

function UpgradeRow({ row, title }: { row: UpgradeGainRow; title: (benchmarkId: string) => string }): ReactNode {
  if (row.target === null) return null;
  const { label, detail } = rowWorkload(row, title);
  const yours = invertRatio(row.ratio);
  return (
    <tr>
      <th scope="row">
        {label}
        {detail === null ? null : <p className="cell-note muted">{detail}</p>}
      </th>
      <td className="num end">{formatValue(row.yours, row.unit)}</td>
      <td>
        <FigureValue figure={row.target.figure} />
        <MatchBadge match={row.target.match} labels={row.target.labels} />
      </td>
      <td className="num end">
        <SpeedRatio ratio={yours.ratio} deltaPct={yours.deltaPct} reason={row.reason} />
        {row.ratio === null && row.reason !== null ? <p className="cell-note muted">{row.reason}</p> : null}
      </td>
      <td className="source-cell">
        <FigureSource figure={row.target.figure} />
      </td>
    </tr>
  );
}
