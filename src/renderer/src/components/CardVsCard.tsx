import { useCallback, useMemo } from 'react';
import type { ReactNode } from 'react';
import type { CardComparison } from '../../../shared/domain/compare';
import { speedFactor } from '../../../shared/format/speed-ratio';
import { cardComparisonGroups } from '../charts/comparison-groups';
import { ratioBarsHeight, ratioBarsLabel, ratioBarsOption } from '../charts/ratio-bars-option';
import type { ChartColors } from '../lib/echarts';
import { CATEGORY_LABELS, shortCardName } from '../lib/labels';
import { CardPairTable } from './CardPairTable';
import { EChart } from './EChart';
import { Evidence, THIN_EVIDENCE_BELOW } from './Evidence';
import { SpeedRatio } from './SpeedRatio';
import './Reference.css';

type CategorySummary = CardComparison['categories'][number];

/**
 * Two cards from published figures only: per category the median ratio in words with how many workloads it rests
 * on, a chart of every paired workload (how many times faster or slower, log scale), then the table with sources.
 */
export function CardVsCard({ comparison }: { comparison: CardComparison }): ReactNode {
  const refShort = shortCardName(comparison.refDisplayName);
  const vsShort = shortCardName(comparison.vsDisplayName);
  const groups = useMemo(() => cardComparisonGroups(comparison), [comparison]);
  const buildOption = useCallback((colors: ChartColors) => ratioBarsOption(groups, colors, { subject: refShort, hasLegend: false }), [groups, refShort]);
  // ratioBarsLabel names each bar by its series ("RTX 4090 1.17× faster"), which reads as if the RTX 4090 were the
  // faster one; here every bar is the A100's ratio, so the text alternative names the A100 instead.
  const labelGroups = useMemo(() => groups.map((g) => ({ ...g, bars: g.bars.map((b) => ({ ...b, seriesName: refShort })) })), [groups, refShort]);
  const chartLabel = ratioBarsLabel(`${comparison.refDisplayName} against ${comparison.vsDisplayName}, per workload: how many times faster or slower the ${refShort} is`, labelGroups);
  return (
    <div className="card-vs-card">
      <ul className="card-grid pair-categories" aria-label="Per category">
        {comparison.categories.map((c) => (
          <CategoryCard key={c.category} summary={c} refShort={refShort} />
        ))}
      </ul>
      {comparison.rows.length === 0 ? (
        <p className="muted">These two cards share no published workload.</p>
      ) : (
        <>
          {groups.length === 0 ? null : (
            <div className="pair-chart">
              <h3>Per workload</h3>
              <p className="small muted">
                Bars to the right: the {refShort} is faster than the {vsShort}; to the left: slower. The scale is logarithmic, so 2× faster and 2× slower are
                the same length.
              </p>
              <EChart
                buildOption={buildOption}
                label={chartLabel}
                height={ratioBarsHeight(groups, false)}
                exportFileName={`rigmark-${comparison.refKey}-vs-${comparison.vsKey}.png`}
              />
            </div>
          )}
          <CardPairTable comparison={comparison} />
        </>
      )}
    </div>
  );
}

/** "LLM single-user · A100 1.17× faster +17.0 % · median of 17 workloads": thin evidence is shown weaker. */
function CategoryCard({ summary: c, refShort }: { summary: CategorySummary; refShort: string }): ReactNode {
  const isThin = c.total < THIN_EVIDENCE_BELOW;
  const isSame = speedFactor(c.medianRatio)?.direction === 'same';
  return (
    <li className={`card pair-category${isThin ? ' is-thin' : ''}`} aria-label={CATEGORY_LABELS[c.category]}>
      <p className="card-title">{CATEGORY_LABELS[c.category]}</p>
      {c.total === 0 ? (
        <p className="muted">No paired figures.</p>
      ) : (
        <>
          <p className="pair-category-headline">
            {/* "A100 same speed" reads oddly; the card's title and the section already say which two cards. */}
            <SpeedRatio ratio={c.medianRatio} deltaPct={c.medianDeltaPct} subject={isSame ? undefined : refShort} />
          </p>
          <p className="small">
            median of <Evidence count={c.total} />
            <span className="muted">
              {' '}
              · {refShort} faster in {c.refWins} of {c.total}
            </span>
          </p>
        </>
      )}
    </li>
  );
}
