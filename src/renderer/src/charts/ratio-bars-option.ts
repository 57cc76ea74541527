import { speedRatioText } from '../../../shared/format/speed-ratio';
import type { ChartColors, ChartOption } from '../lib/echarts';
import { escapeHtml } from '../lib/escape-html';
import { formatDeltaPct } from '../lib/format';

/** One bar: a side (a card) against the subject, with both values already formatted with their units. */
export interface RatioBar {
  /** Legend and series name ("RTX 4090"). */
  seriesName: string;
  /** Subject ÷ other, direction-aware (> 1 = the subject is faster); null = no figure, no bar. */
  ratio: number | null;
  deltaPct: number | null;
  /** "14.7 tokens/s" */
  subjectValue: string;
  /** "5,981 tokens/s" */
  otherValue: string;
}

/** One group of bars: a workload ("Prompt processing · 512 tokens") with one bar per series. */
export interface RatioGroup {
  label: string;
  /** The model or settings under the label ("Llama 3 8B Q4_K_M (synthetic)"). */
  detail: string | null;
  bars: RatioBar[];
}

export interface RatioChartWords {
  /** Who the ratio describes: "Yours", "A100". */
  subject: string;
  /** Whether each bar is a separate series with its own colour and a legend (false: one series, one colour). */
  hasLegend: boolean;
}

type BarDatum = { value: number; label: { position: 'left' | 'right'; formatter: string } } | '-';

/**
 * The axis in log10 of the ratio: from the slowest bar to the fastest, in whole decades once any bar passes 10×
 * (so 407× and 486× differ visibly), one step of room beyond each end for the bar labels, and "same" always in view.
 */
function logAxis(ratios: readonly number[]): { min: number; max: number; interval: number } {
  const logs = ratios.map((r) => Math.log10(r));
  const slowest = Math.max(0, ...logs.map((v) => -v));
  const fastest = Math.max(0, ...logs);
  const largest = Math.max(slowest, fastest);
  const interval = largest <= Math.log10(1.5) ? Math.log10(1.25) : largest <= Math.log10(2) ? Math.log10(1.5) : largest <= 1 ? Math.log10(2) : largest > 6 ? 2 : 1;
  // Ticks sit on multiples of the interval only when both ends do.
  const steps = (reach: number): number => Math.ceil(reach / interval - 1e-9) + 1;
  return { min: -steps(slowest) * interval, max: steps(fastest) * interval, interval };
}

/** Text inside ECharts rich-text markup: braces and bars would be read as markup, so they become parentheses. */
function richText(text: string): string {
  return text.replace(/[{]/g, '(').replace(/[}]/g, ')').replace(/[|]/g, '/');
}

/** An axis position (log10 of a ratio) in words: "100× slower", "same", "10× faster". */
export function ratioAxisLabel(log10Ratio: number): string {
  if (Math.abs(log10Ratio) < 1e-9) return 'same';
  return speedRatioText(10 ** log10Ratio).replace(' slower', '\u00a0slower').replace(' faster', '\u00a0faster');
}

/**
 * Horizontal bars of speed ratios on a log scale centred on "same speed": a bar to the left is slower, to the right
 * faster, and its length is the factor's logarithm, so ×407 and ×486 are told apart and ×1.17 still shows. Each
 * bar is labelled "486× slower"; the tooltip gives both values with units and the ±%. Colours tell cards apart
 * (with a legend); direction is in the position and the words, never in colour alone.
 */
export function ratioBarsOption(groups: readonly RatioGroup[], colors: ChartColors, words: RatioChartWords): ChartOption {
  const seriesNames = [...new Set(groups.flatMap((g) => g.bars.map((b) => b.seriesName)))];
  const ratios = groups.flatMap((g) => g.bars.map((b) => b.ratio)).filter((r): r is number => r !== null && r > 0);
  const axis = logAxis(ratios);
  return {
    animationDuration: 400,
    color: colors.series,
    legend: words.hasLegend ? { top: 0, left: 0, textStyle: { color: colors.text, fontSize: 13 }, itemGap: 18 } : undefined,
    grid: { left: 16, right: 24, top: words.hasLegend ? 36 : 8, bottom: 32, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (params: unknown) => {
        const p = params as { seriesName?: string; dataIndex?: number };
        const group = groups[p.dataIndex ?? -1];
        const bar = group?.bars.find((b) => b.seriesName === p.seriesName);
        if (group === undefined || bar === undefined) return '';
        // HTML: card names, models and units can come from a user's reference file.
        return [
          `<b>${escapeHtml(group.label)}</b>${group.detail === null ? '' : `<br/>${escapeHtml(group.detail)}`}`,
          `${escapeHtml(words.subject)}: ${escapeHtml(bar.subjectValue)}`,
          `${escapeHtml(bar.seriesName)}: ${escapeHtml(bar.otherValue)}`,
          `${escapeHtml(words.subject)} ${escapeHtml(speedRatioText(bar.ratio))} (${escapeHtml(formatDeltaPct(bar.deltaPct))})`,
        ].join('<br/>');
      },
    },
    xAxis: {
      type: 'value',
      min: axis.min,
      max: axis.max,
      interval: axis.interval,
      // The outermost steps are room for bar labels, not data: no label there.
      axisLabel: { formatter: (v: number) => ratioAxisLabel(v), showMinLabel: false, showMaxLabel: false, fontSize: 12, color: colors.textMuted },
      splitLine: { show: true, lineStyle: { color: colors.gridLine } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: groups.map((g) => (g.detail === null ? `{title|${richText(g.label)}}` : `{title|${richText(g.label)}}\n{detail|${richText(g.detail)}}`)),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: colors.border } },
      axisLabel: {
        rich: { title: { fontSize: 13, lineHeight: 18, color: colors.text }, detail: { fontSize: 12, lineHeight: 17, color: colors.textMuted } },
      },
    },
    series: seriesNames.map((name, index) => ({
      type: 'bar' as const,
      name,
      barMaxWidth: 18,
      barGap: '25%',
      itemStyle: { color: words.hasLegend ? colors.series[index % colors.series.length] : colors.series[0] },
      label: { show: true, color: colors.text, fontSize: 12 },
      data: groups.map((g): BarDatum => {
        const bar = g.bars.find((b) => b.seriesName === name);
        if (bar === undefined || bar.ratio === null || bar.ratio <= 0) return '-';
        const value = Math.log10(bar.ratio);
        const text = speedRatioText(bar.ratio);
        return { value, label: { position: value < 0 ? 'left' : 'right', formatter: words.hasLegend ? `${name}: ${text}` : text } };
      }),
      // "same speed" line: the bars grow out of it.
      markLine: index === 0 ? { silent: true, symbol: 'none', label: { show: false }, lineStyle: { color: colors.textMuted, type: 'solid', width: 1 }, data: [{ xAxis: 0 }] } : undefined,
    })),
  };
}

/** The chart's text alternative: every bar as "workload: card 486× slower (−99.8 %)". */
export function ratioBarsLabel(title: string, groups: readonly RatioGroup[]): string {
  const parts = groups.map((g) => {
    const bars = g.bars.filter((b) => b.ratio !== null).map((b) => `${b.seriesName} ${speedRatioText(b.ratio)} (${formatDeltaPct(b.deltaPct)})`);
    return `${g.label}${g.detail === null ? '' : ` (${g.detail})`}: ${bars.join(', ')}`;
  });
  return `${title}. ${parts.join('; ')}`;
}

/** Enough height for every bar, its two-line category label and the legend. */
export function ratioBarsHeight(groups: readonly RatioGroup[], hasLegend: boolean): number {
  const barCount = Math.max(1, ...groups.map((g) => g.bars.length));
  return Math.max(160, (hasLegend ? 76 : 48) + groups.length * Math.max(barCount * 22 + 20, 52));
}
