import type { Sample } from '../../../shared/domain/results';
import type { ChartColors, ChartOption } from '../lib/echarts';
import { escapeHtml } from '../lib/escape-html';
import { formatDuration, formatNumber, formatValue } from '../lib/format';

interface SamplesChartInput {
  samples: Sample[];
  unit: string;
  median: number | null;
  /** Small live variant: fewer labels, no animation between updates. */
  isCompact?: boolean;
}

/** Every repetition in order (warm-ups hollow and muted, since they do not count) with the median as a line. */
export function samplesOption({ samples, unit, median, isCompact = false }: SamplesChartInput, colors: ChartColors): ChartOption {
  const point = (s: Sample): [number, number, number] => [s.index + 1, s.value, s.durationMs];
  const counted = samples.filter((s) => !s.isWarmup).map(point);
  const warmups = samples.filter((s) => s.isWarmup).map(point);
  const lastIndex = Math.max(isCompact ? 3 : 1, ...samples.map((s) => s.index + 1));
  return {
    animation: !isCompact,
    grid: isCompact ? { left: 8, right: 12, top: 8, bottom: 8, containLabel: true } : { left: 16, right: 24, top: 28, bottom: 28, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (params: unknown) => {
        const p = params as { seriesName?: string; value?: [number, number, number] };
        const [index, value, durationMs] = p.value ?? [0, 0, 0];
        // HTML: the unit can come from an imported file.
        return `${escapeHtml(p.seriesName ?? '')} #${index}<br/><b>${escapeHtml(formatValue(value, unit))}</b> · ${formatDuration(durationMs)}`;
      },
    },
    xAxis: {
      type: 'value',
      name: isCompact ? '' : 'repetition',
      nameLocation: 'middle',
      nameGap: 24,
      minInterval: 1,
      // A step of room either side so the first and last points are not cut by the plot edge; those two ticks
      // (0 and last + 1) are not repetitions and get no label.
      min: 0,
      max: lastIndex + 1,
      axisLabel: { show: !isCompact, formatter: (v: number) => (v >= 1 && v <= lastIndex ? String(v) : '') },
      axisTick: { show: false },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value',
      name: isCompact ? '' : unit,
      scale: true,
      splitNumber: isCompact ? 2 : 4,
      axisLabel: { formatter: (v: number) => formatNumber(v) },
    },
    series: [
      {
        name: 'repetition',
        type: 'scatter',
        data: counted,
        symbolSize: isCompact ? 7 : 10,
        itemStyle: { color: colors.series[0] },
        markLine:
          median === null
            ? undefined
            : {
                silent: true,
                symbol: 'none',
                lineStyle: { type: 'dashed', color: colors.series[1] },
                // A function, not a template string: ECharts would read `{a}`-style placeholders in the unit.
                label: { formatter: () => `median ${formatValue(median, unit)}`, color: colors.textMuted, position: 'insideEndTop' },
                data: [{ yAxis: median }],
              },
      },
      {
        name: 'warm-up',
        type: 'scatter',
        data: warmups,
        symbol: 'emptyCircle',
        symbolSize: isCompact ? 6 : 9,
        itemStyle: { color: colors.textMuted },
      },
    ],
  };
}

/** The text alternative of a samples chart. */
export function samplesLabel(title: string, samples: Sample[], unit: string, median: number | null): string {
  const counted = samples.filter((s) => !s.isWarmup).length;
  const warmups = samples.length - counted;
  const medianText = median === null ? '' : `, median ${formatValue(median, unit)}`;
  return `${title}: ${counted} repetition${counted === 1 ? '' : 's'}${warmups > 0 ? ` and ${warmups} warm-up` : ''}${medianText}`;
}
