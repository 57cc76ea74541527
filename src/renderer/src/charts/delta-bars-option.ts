import type { RunComparison } from '../../../shared/domain/compare';
import type { ChartColors, ChartOption } from '../lib/echarts';
import { escapeHtml } from '../lib/escape-html';
import { deltaTone, formatDeltaPct } from '../lib/format';
import { shortCardName } from '../lib/labels';

/** One group of bars: a benchmark, with one bar per card (`deltaPct` null = no figure, no bar). */
export interface DeltaGroup {
  label: string;
  bars: Array<{ name: string; fullName: string; deltaPct: number | null }>;
}

/** The benchmarks of a run comparison that have at least one ratio, one bar per chosen card. */
export function runComparisonGroups(comparison: RunComparison): DeltaGroup[] {
  return comparison.rows
    .filter((row) => row.cards.some((cell) => cell.deltaPct !== null))
    .map((row) => ({
      label: row.benchmarkId,
      bars: comparison.cards.map((card) => ({
        name: shortCardName(card.displayName),
        fullName: card.displayName,
        deltaPct: row.cards.find((cell) => cell.cardKey === card.key)?.deltaPct ?? null,
      })),
    }));
}

type BarDatum = { value: number; itemStyle: { color: string }; label: { position: 'left' | 'right'; formatter: string } } | '-';

/**
 * Horizontal grouped bars of ±% per benchmark and card: green where the first side is faster, red where it is slower
 * (the direction is already in `deltaPct`), each bar labelled with the card and its "+12.3 %", so the chart reads
 * without a legend and without relying on colour.
 */
export function deltaBarsOption(groups: DeltaGroup[], colors: ChartColors): ChartOption {
  const deltas = groups.flatMap((g) => g.bars.map((b) => b.deltaPct)).filter((d): d is number => d !== null);
  const low = Math.min(0, ...deltas);
  const high = Math.max(0, ...deltas);
  // Room beyond the longest bar for its label (labels are not part of the grid's containLabel).
  const pad = Math.max(high - low, 10) * 0.5;
  const barCount = Math.max(1, ...groups.map((g) => g.bars.length));
  const toneColor = { faster: colors.ok, slower: colors.danger, even: colors.textMuted, none: colors.textMuted };
  return {
    animationDuration: 400,
    grid: { left: 16, right: 24, top: 8, bottom: 28, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (params: unknown) => {
        const p = params as { seriesIndex?: number; dataIndex?: number };
        const group = groups[p.dataIndex ?? -1];
        const bar = group?.bars[p.seriesIndex ?? -1];
        if (group === undefined || bar === undefined) return '';
        return `${escapeHtml(group.label)}<br/>vs ${escapeHtml(bar.fullName)}: <b>${formatDeltaPct(bar.deltaPct)}</b>`;
      },
    },
    xAxis: {
      type: 'value',
      min: low < 0 ? Math.floor(low - pad) : 0,
      max: high > 0 ? Math.ceil(high + pad) : 0,
      axisLabel: { formatter: (v: number) => `${v} %`, showMinLabel: false, showMaxLabel: false, fontSize: 12 },
      splitLine: { show: true },
    },
    yAxis: { type: 'category', inverse: true, data: groups.map((g) => g.label), axisTick: { show: false }, axisLabel: { fontSize: 12, color: colors.text } },
    series: Array.from({ length: barCount }, (_, seriesIndex) => ({
      type: 'bar' as const,
      name: groups[0]?.bars[seriesIndex]?.fullName ?? `card ${seriesIndex + 1}`,
      barMaxWidth: 18,
      barGap: '25%',
      label: { show: true, color: colors.text, fontSize: 12 },
      data: groups.map((g): BarDatum => {
        const bar = g.bars[seriesIndex];
        if (bar === undefined || bar.deltaPct === null) return '-';
        return {
          value: bar.deltaPct,
          itemStyle: { color: toneColor[deltaTone(bar.deltaPct)] },
          label: { position: bar.deltaPct < 0 ? 'left' : 'right', formatter: `${bar.name} ${formatDeltaPct(bar.deltaPct)}` },
        };
      }),
    })),
  };
}

/** The chart's text alternative: every bar as "benchmark: card ±%". */
export function deltaBarsLabel(title: string, groups: DeltaGroup[]): string {
  const parts = groups.map(
    (g) => `${g.label}: ${g.bars.filter((b) => b.deltaPct !== null).map((b) => `${b.name} ${formatDeltaPct(b.deltaPct)}`).join(', ')}`,
  );
  return `${title}. ${parts.join('; ')}`;
}

/** Enough height for every bar and its label (an empty slot still takes its place in a group). */
export function deltaBarsHeight(groups: DeltaGroup[]): number {
  const barCount = Math.max(1, ...groups.map((g) => g.bars.length));
  return Math.max(160, 48 + groups.length * (barCount * 22 + 18));
}
