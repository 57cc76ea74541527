import type { ReactNode } from 'react';
import type { Category } from '../../../shared/domain/benchmark';
import type { RunComparisonView } from '../../../shared/domain/compare';
import { speedRatioText } from '../../../shared/format/speed-ratio';
import { CATEGORY_LABELS, shortCardName } from '../lib/labels';
import { Evidence } from './Evidence';
import { SpeedRatio } from './SpeedRatio';
import './Compare.css';

/** Your GPU and whether it is in the reference set, the Rigmark Score with its formula, and per-category summaries. */
export function CompareSummary({ view, cardName }: { view: RunComparisonView; cardName: (key: string) => string }): ReactNode {
  const { comparison, yourGpu } = view;
  const { score, nearestCard } = comparison;
  const closeCount = score.entries.filter((e) => e.match === 'close').length;
  // A category where no chosen card has a figure says nothing; the page lists those benchmarks once, below.
  const categories = [...new Set(comparison.categories.filter((c) => c.total > 0).map((c) => c.category))];
  return (
    <div className="card-grid compare-summary">
      <div className="card">
        <p className="card-title">Your GPU</p>
        <p className="strong">{yourGpu.detectedName ?? 'No GPU detected'}</p>
        <p className="small muted">
          {yourGpu.referenceKey === null
            ? yourGpu.detectedName === null
              ? 'Results are compared with the reference cards below.'
              : 'Not in the reference set: no published figures for this card itself.'
            : `In the reference set as ${cardName(yourGpu.referenceKey)}: its published figures can be added to the comparison.`}
        </p>
        {nearestCard === null ? null : (
          <p className="small card-note">
            Closest published performance: <span className="strong">{nearestCard.displayName}</span> (yours {speedRatioText(nearestCard.geomeanRatio)}, geometric
            mean over {nearestCard.benchmarkCount} workload{nearestCard.benchmarkCount === 1 ? '' : 's'})
          </p>
        )}
      </div>
      <div className="card" aria-label="Rigmark Score" role="group">
        <p className="card-title">Rigmark Score</p>
        <p className="score-value num">{score.value === null ? '—' : score.value.toFixed(1)}</p>
        <p className="small">
          {score.value === null
            ? `No score: ${score.reason ?? 'no benchmark entered'}.`
            : `From ${score.benchmarkCount} benchmark${score.benchmarkCount === 1 ? '' : 's'} with an ${cardName(score.referenceCardKey)} figure${closeCount > 0 ? ` (${closeCount} close match${closeCount === 1 ? '' : 'es'})` : ''}.`}
        </p>
        <p className="small muted card-note">{score.formula}.</p>
      </div>
      {categories.map((category) => (
        <CategoryCard key={category} category={category} view={view} cardName={cardName} />
      ))}
    </div>
  );
}

/**
 * A category headlined by its median per card ("vs A100 · 407× slower"), with how many workloads the median rests
 * on beside it: "1 workload" is marked as thin evidence, so it never reads as strongly as "17 workloads".
 */
function CategoryCard({ category, view, cardName }: { category: Category; view: RunComparisonView; cardName: (key: string) => string }): ReactNode {
  const summaries = view.comparison.categories.filter((c) => c.category === category);
  return (
    <div className="card" role="group" aria-label={CATEGORY_LABELS[category]}>
      <p className="card-title">{CATEGORY_LABELS[category]} · median</p>
      <ul className="category-lines">
        {summaries.map((s) => (
          <li key={s.cardKey} className="category-headline">
            <span className="small muted">vs {shortCardName(cardName(s.cardKey))}</span>
            {s.total === 0 ? (
              <span className="muted">no published figures</span>
            ) : (
              <>
                <SpeedRatio ratio={s.medianRatio} deltaPct={s.medianDeltaPct} />
                <span className="small">
                  <Evidence count={s.total} />
                  <span className="muted"> · yours faster in {s.wins} of {s.total}</span>
                </span>
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
