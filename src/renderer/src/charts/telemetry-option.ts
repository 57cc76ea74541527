import type { ResultTelemetry } from '../../../shared/domain/results';
import type { TelemetryRow } from '../../../shared/domain/system';
import type { ChartColors, ChartOption } from '../lib/echarts';
import { escapeHtml } from '../lib/escape-html';
import { formatNumber, formatValue } from '../lib/format';

/** A stretch of time (seconds) in which the GPU reported throttling reasons. */
export interface ThrottleSpan {
  startS: number;
  endS: number;
  reasons: string[];
}

/** The rows the chart draws: those of the first GPU in the answer (a run's work runs on one GPU). */
export function chartedRows(telemetry: ResultTelemetry): TelemetryRow[] {
  const gpu = telemetry.rows[0]?.gpuIndex;
  return telemetry.rows.filter((r) => r.gpuIndex === gpu);
}

/**
 * Throttled instants as spans: each reading stands for half a sampling interval either side of it, and spans that
 * touch merge (their reasons joined), so a sustained power cap is one band rather than hundreds.
 */
export function throttleSpans(telemetry: ResultTelemetry): ThrottleSpan[] {
  const times = chartedRows(telemetry).map((r) => r.tMs);
  const gaps = times.slice(1).map((t, i) => t - (times[i] ?? t)).filter((g) => g > 0).sort((a, b) => a - b);
  const halfMs = (gaps[Math.floor(gaps.length / 2)] ?? 200) / 2;
  const lastMs = times.at(-1) ?? 0;
  const spans: ThrottleSpan[] = [];
  for (const { tMs, reasons } of telemetry.throttleReasons) {
    const startS = Math.max(0, tMs - halfMs) / 1000;
    const endS = Math.min(Math.max(lastMs, tMs), tMs + halfMs) / 1000;
    const last = spans.at(-1);
    if (last !== undefined && startS <= last.endS + 1e-6) {
      last.endS = Math.max(last.endS, endS);
      last.reasons = [...new Set([...last.reasons, ...reasons])];
    } else {
      spans.push({ startS, endS, reasons: [...reasons] });
    }
  }
  return spans;
}

type Point = [seconds: number, value: number | null];

/** Power (W, left axis) and SM clock (MHz, right axis) over seconds, throttled stretches shaded in the warning colour. */
export function telemetryOption(telemetry: ResultTelemetry, colors: ChartColors): ChartOption {
  const rows = chartedRows(telemetry);
  const at = (pick: (r: TelemetryRow) => number | null): Point[] => rows.map((r) => [r.tMs / 1000, pick(r)]);
  const powerByMs = new Map(rows.map((r) => [r.tMs, r.powerW]));
  const spans = throttleSpans(telemetry);
  const unitAxis = (name: string, position: 'left' | 'right') => ({
    type: 'value' as const,
    name,
    position,
    scale: true,
    splitNumber: 4,
    axisLabel: { formatter: (v: number) => formatNumber(v) },
    ...(position === 'right' ? { splitLine: { show: false } } : {}),
  });
  return {
    animation: false,
    grid: { left: 16, right: 16, top: 44, bottom: 32, containLabel: true },
    legend: {
      top: 0,
      data: ['power', 'SM clock', 'temperature', 'throttled'],
      // Temperature has its own hidden axis: off at first, on from the legend (values in the tooltip).
      selected: { temperature: false },
      inactiveColor: colors.border,
    },
    tooltip: { trigger: 'axis', axisPointer: { type: 'line' }, formatter: tooltipText },
    xAxis: {
      type: 'value',
      name: 'time (s)',
      nameLocation: 'middle',
      nameGap: 24,
      min: 0,
      max: (rows.at(-1)?.tMs ?? 0) / 1000 || undefined,
      // The last reading rarely falls on a tick; its own label would crowd the one before it.
      axisLabel: { formatter: (v: number) => formatNumber(v), showMaxLabel: false },
      splitLine: { show: false },
    },
    yAxis: [unitAxis('W', 'left'), unitAxis('MHz', 'right'), { ...unitAxis('°C', 'right'), show: false }],
    series: [
      {
        name: 'power',
        type: 'line',
        yAxisIndex: 0,
        data: at((r) => r.powerW),
        showSymbol: false,
        connectNulls: false,
        lineStyle: { width: 2, color: colors.series[0] },
        itemStyle: { color: colors.series[0] },
        markArea: {
          silent: true,
          itemStyle: { color: colors.warn, opacity: 0.16 },
          data: spans.map((s) => [{ xAxis: s.startS }, { xAxis: s.endS }]),
        },
      },
      {
        name: 'SM clock',
        type: 'line',
        yAxisIndex: 1,
        data: at((r) => r.smClockMHz),
        showSymbol: false,
        step: 'middle',
        lineStyle: { width: 2, color: colors.series[1] },
        itemStyle: { color: colors.series[1] },
      },
      {
        name: 'temperature',
        type: 'line',
        yAxisIndex: 2,
        data: at((r) => r.tempC),
        showSymbol: false,
        lineStyle: { width: 1.5, type: 'dashed', color: colors.series[3] },
        itemStyle: { color: colors.series[3] },
      },
      {
        // One marker per throttled reading, on the power line; the tooltip names the reasons.
        name: 'throttled',
        type: 'scatter',
        yAxisIndex: 0,
        symbol: 'triangle',
        symbolSize: 9,
        itemStyle: { color: colors.warn },
        data: telemetry.throttleReasons.map((t) => ({ value: [t.tMs / 1000, powerByMs.get(t.tMs) ?? null], reasons: t.reasons })),
      },
    ],
  };
}

const UNITS: Record<string, string> = { power: 'W', 'SM clock': 'MHz', temperature: '°C' };

interface TooltipItem {
  seriesName?: string;
  marker?: unknown;
  value?: unknown;
  data?: unknown;
}

/** Time, then each series with its unit; a throttled reading lists its reasons (decoded by core). */
function tooltipText(params: unknown): string {
  const items = (Array.isArray(params) ? params : [params]) as TooltipItem[];
  const first = items[0]?.value;
  const seconds = Array.isArray(first) && typeof first[0] === 'number' ? first[0] : null;
  const lines = items.map((item) => {
    const name = item.seriesName ?? '';
    const marker = typeof item.marker === 'string' ? item.marker : '';
    const data = item.data as { reasons?: unknown } | undefined;
    // The marker is ECharts' own HTML; everything else is text (reason names come from the stored telemetry).
    if (Array.isArray(data?.reasons)) return `${marker}throttled: <b>${escapeHtml(data.reasons.map(String).join(', '))}</b>`;
    const value = Array.isArray(item.value) && typeof item.value[1] === 'number' ? item.value[1] : null;
    return `${marker}${escapeHtml(name)}: <b>${escapeHtml(formatValue(value, UNITS[name] ?? ''))}</b>`;
  });
  return [`${formatValue(seconds, 's')}`, ...lines].join('<br/>');
}

/** The chart's text alternative: span, ranges and throttling in words. */
export function telemetryLabel(title: string, telemetry: ResultTelemetry): string {
  const rows = chartedRows(telemetry);
  if (rows.length === 0) return `${title}: no telemetry readings`;
  const range = (values: (number | null)[], unit: string): string => {
    const present = values.filter((v): v is number => v !== null);
    if (present.length === 0) return `no ${unit} readings`;
    return `${formatValue(Math.min(...present), unit)} to ${formatValue(Math.max(...present), unit)}`;
  };
  const spans = throttleSpans(telemetry);
  const reasons = [...new Set(spans.flatMap((s) => s.reasons))];
  const throttled = spans.length === 0 ? 'not throttled' : `throttled in ${spans.length} stretch${spans.length === 1 ? '' : 'es'} (${reasons.join(', ')})`;
  const seconds = formatValue((rows.at(-1)?.tMs ?? 0) / 1000, 's');
  return `${title}: GPU ${rows[0]?.gpuIndex ?? 0} over ${seconds}, ${rows.length} readings; power ${range(rows.map((r) => r.powerW), 'W')}, SM clock ${range(rows.map((r) => r.smClockMHz), 'MHz')}; ${throttled}`;
}
