import type { ReactNode } from 'react';
import type { Headline } from '../../../shared/domain/headline';
import { errorMessageText } from '../../../shared/format/diagnostic-text';
import { headlineParts } from '../../../shared/format/headline';
import { useHeadline } from '../api/use-headline';
import { hrefFor } from '../lib/hash-route';
import './HeadlineResult.css';

/**
 * One run's headline wherever people look (finish screen, This machine, Results, Run detail): the Rigmark Score and
 * "vs A100 400× slower" per default card, each a link into Compare for that run, and when a card has no ratio, why and
 * what would compare. The words come from shared/format/headline.ts, the same the CLI prints.
 */
export function HeadlineResult({ runId, title = 'Headline result' }: { runId: number; title?: string }): ReactNode {
  const state = useHeadline(runId);
  if (state.status === 'loading') return null;
  if (state.status === 'error') {
    // Secondary to the page it sits on: said quietly, not as an alert over the run's own results.
    return <p className="small muted">No headline for run #{runId}: {errorMessageText(state.error.message).sentence}</p>;
  }
  return <HeadlineView headline={state.value} title={title} />;
}

export function HeadlineView({ headline, title }: { headline: Headline; title: string }): ReactNode {
  const parts = headlineParts(headline);
  const href = hrefFor(`/compare/${headline.runId}`);
  return (
    <section className="card headline" aria-label={title}>
      <p className="card-title">
        {title} <span className="muted small">run #{headline.runId}</span>
      </p>
      <div className="headline-line">
        <a className="headline-item headline-score" href={href}>
          <span className="headline-label">Rigmark Score</span>
          <span className="headline-value num">{parts.scoreValueText}</span>
          <span className="headline-count small">{parts.scoreCountText}</span>
        </a>
        {parts.cards.map((card) => (
          <a key={card.cardKey} className="headline-item" href={href} data-card={card.cardKey}>
            <span className="headline-label">{card.label}</span>
            <span className="headline-value num">{card.ratioText}</span>
            {card.countText === null ? null : <span className="headline-count small">{card.countText}</span>}
          </a>
        ))}
      </div>
      <p className="small muted">
        {parts.sharedCountText === null ? null : <>Ratios over {parts.sharedCountText}. </>}
        How many times faster or slower this machine is than each card, on the benchmarks both have a figure for.{' '}
        <a href={href}>Open the comparison</a>
      </p>
      {parts.notes.length === 0 ? null : (
        <ul className="headline-notes small">
          {parts.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
