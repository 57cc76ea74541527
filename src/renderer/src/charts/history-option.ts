import type { HistoryPoint } from '../../../shared/domain/results';
import type { ChartColors, ChartOption } from '../lib/echarts';
import { escapeHtml } from '../lib/escape-html';
import { formatDateTime, formatNumber, formatValue } from '../lib/format';

type HistoryDatum = { value: [number, number]; runId: number; systemLabel: string; status: string };

/** Median per run over time; unstable results are drawn as hollow warning-coloured points. */
export function historyOption(points: HistoryPoint[], unit: string, colors: ChartColors): ChartOption {
  const data: HistoryDatum[] = points
    .filter((p): p is HistoryPoint & { median: number } => p.median !== null)
    .map((p): HistoryDatum => ({ value: [new Date(p.startedAt).getTime(), p.median], runId: p.runId, systemLabel: p.systemLabel, status: p.status }))
    .sort((a, b) => a.value[0] - b.value[0]);
  return {
    grid: { left: 16, right: 24, top: 32, bottom: 24, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (params: unknown) => {
        const d = (params as { data?: HistoryDatum }).data;
        if (d === undefined) return '';
        const when = formatDateTime(new Date(d.value[0]).toISOString());
        // HTML: unit, status and machine name can come from an imported file.
        return `Run #${d.runId} · ${escapeHtml(when)}<br/><b>${escapeHtml(formatValue(d.value[1], unit))}</b> (${escapeHtml(d.status)})<br/>${escapeHtml(d.systemLabel)}`;
      },
    },
    xAxis: { type: 'time', splitLine: { show: false } },
    yAxis: { type: 'value', name: unit, scale: true, axisLabel: { formatter: (v: number) => formatNumber(v) } },
    series: [
      {
        name: 'median',
        type: 'line',
        data: data.map((d) => ({
          ...d,
          symbol: d.status === 'unstable' ? 'emptyCircle' : 'circle',
          itemStyle: d.status === 'unstable' ? { color: colors.warn } : undefined,
        })),
        symbolSize: 9,
        lineStyle: { color: colors.series[0], width: 2 },
        itemStyle: { color: colors.series[0] },
      },
    ],
  };
}

export function historyLabel(title: string, points: HistoryPoint[], unit: string): string {
  const withValue = points.filter((p) => p.median !== null);
  const latest = withValue.reduce<HistoryPoint | undefined>((a, p) => (a === undefined || p.startedAt > a.startedAt ? p : a), undefined);
  return `${title}: median of ${withValue.length} run${withValue.length === 1 ? '' : 's'}${latest === undefined ? '' : `, latest ${formatValue(latest.median, unit)}`}`;
}
