import type { Identity } from '../../../shared/domain/benchmark';
import { IDENTITY_KEYS } from '../../../shared/domain/compare';
import type { HistoryPoint } from '../../../shared/domain/results';
import { identitySettingsSummary, modelText, settingsSummary } from '../../../shared/format/workload';
import type { ChartColors, ChartOption } from '../lib/echarts';
import { escapeHtml } from '../lib/escape-html';
import { formatDateTime, formatValue } from '../lib/format';

/** One workload of a benchmark (same model, quantisation, backend): one line, one colour, one legend entry. */
export interface HistoryWorkload {
  key: string;
  /** Legend and series name: the model in words ("Llama 3 8B Q4_K_M (synthetic)"), with the backend where it varies. */
  name: string;
  /** The model in words; null when the benchmark runs none (memory, disk). */
  model: string | null;
  /** The backend in words ("CUDA", "CPU"); null when the result names none. */
  backend: string | null;
  /** One line of the workload's settings ("pp512 · CPU · Q4_K_M"); empty when it states none. */
  settings: string;
  /** Its results with a median, oldest first. */
  points: Array<HistoryPoint & { median: number }>;
}

/** The backend a result names, in words ("CUDA", "CPU"); null when it names none. */
export function backendText(identity: Identity): string | null {
  const backend = identity[IDENTITY_KEYS.backend];
  return typeof backend === 'string' && backend !== '' ? settingsSummary({ backend }) : null;
}

/**
 * Splits a benchmark's history into workloads by the key core gives each point, newest workload first (so the latest
 * run's workload gets the first colour). Points without a median (failed, unavailable) are left out. `fallbackName`
 * names a workload that runs no model ("Memory bandwidth").
 */
export function historyWorkloads(benchmarkId: string, points: readonly HistoryPoint[], fallbackName: string): HistoryWorkload[] {
  const byKey = new Map<string, Array<HistoryPoint & { median: number }>>();
  for (const p of points) {
    if (p.median === null) continue;
    byKey.set(p.workloadKey, [...(byKey.get(p.workloadKey) ?? []), { ...p, median: p.median }]);
  }
  const groups = [...byKey.entries()].map(([key, list]) => ({ key, list: list.sort((a, b) => a.startedAt.localeCompare(b.startedAt)) }));
  groups.sort((a, b) => (b.list.at(-1)?.startedAt ?? '').localeCompare(a.list.at(-1)?.startedAt ?? ''));
  const backends = new Set(groups.map((g) => backendText(g.list[0]?.identity ?? {})));
  const workloads = groups.map(({ key, list }): HistoryWorkload => {
    const identity = list[0]?.identity ?? {};
    const model = modelText(identity);
    const backend = backendText(identity);
    const name = [model ?? fallbackName, backend !== null && backends.size > 1 ? backend : null].filter((s) => s !== null).join(' · ');
    return { key, name, model, backend, settings: identitySettingsSummary(benchmarkId, identity), points: list };
  });
  return withDistinctNames(workloads);
}

/** Legend entries must differ: a name two workloads share gets its settings line, then a number. */
function withDistinctNames(workloads: HistoryWorkload[]): HistoryWorkload[] {
  const count = (names: string[], name: string): number => names.filter((n) => n === name).length;
  const first = workloads.map((w) => w.name);
  const second = workloads.map((w, i) => (count(first, w.name) > 1 && w.settings !== '' ? `${w.name} · ${w.settings}` : (first[i] ?? w.name)));
  return workloads.map((w, i) => {
    const name = second[i] ?? w.name;
    return { ...w, name: count(second, name) > 1 ? `${name} (${i + 1})` : name };
  });
}

const HALF_HOUR_MS = 30 * 60_000;

// Axis ticks are round numbers: "500", "1,000", "2.5", not a measurement's fixed decimals ("500.0").
const TICK_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });

/**
 * The time axis around the data's own span: 10 % of the span either side, at least half an hour, so one point or
 * points minutes apart are not lost on a multi-day axis. Null when there is no point.
 */
export function fittedTimeRange(timesMs: readonly number[]): { min: number; max: number } | null {
  if (timesMs.length === 0) return null;
  const lo = Math.min(...timesMs);
  const hi = Math.max(...timesMs);
  const pad = Math.max((hi - lo) * 0.1, HALF_HOUR_MS);
  return { min: lo - pad, max: hi + pad };
}

// Shapes as well as colours tell workloads apart (a colour alone is not enough, and colours repeat after five).
const SHAPES = ['circle', 'rect', 'triangle', 'diamond', 'roundRect'] as const;

type HistoryDatum = { value: [number, number]; point: HistoryPoint; workload: string; settings: string };

/**
 * Median per run over time, one line per workload: points of different workloads are never joined. The y axis
 * starts at zero (a median's size is read against nothing else); unstable results are drawn hollow.
 */
export function historyOption(workloads: readonly HistoryWorkload[], unit: string, colors: ChartColors): ChartOption {
  const range = fittedTimeRange(workloads.flatMap((w) => w.points.map((p) => Date.parse(p.startedAt))));
  return {
    animationDuration: 400,
    color: colors.series,
    legend: { top: 0, left: 0, textStyle: { color: colors.text, fontSize: 13 }, itemGap: 18 },
    grid: { left: 16, right: 24, top: 56, bottom: 24, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (params: unknown) => {
        const d = (params as { data?: HistoryDatum }).data;
        if (d === undefined) return '';
        const p = d.point;
        // HTML: unit, title, status, model and machine name can come from an imported file.
        return [
          `<b>${escapeHtml(formatValue(p.median, p.unit))}</b> (${escapeHtml(p.status)})`,
          escapeHtml(d.workload),
          ...(d.settings === '' ? [] : [escapeHtml(d.settings)]),
          `Run #${p.runId} · ${escapeHtml(formatDateTime(p.startedAt))}`,
          escapeHtml(p.systemLabel),
        ].join('<br/>');
      },
    },
    xAxis: {
      type: 'time',
      ...(range === null ? {} : range),
      splitLine: { show: false },
      axisLabel: { hideOverlap: true },
    },
    yAxis: { type: 'value', name: unit, min: 0, axisLabel: { formatter: (v: number) => TICK_FORMAT.format(v) } },
    series: workloads.map((w, index) => {
      const color = colors.series[index % colors.series.length];
      const shape = SHAPES[index % SHAPES.length] ?? 'circle';
      return {
        name: w.name,
        type: 'line' as const,
        connectNulls: false,
        symbol: shape,
        symbolSize: 9,
        lineStyle: { color, width: 2 },
        itemStyle: { color },
        data: w.points.map((p) => {
          const datum: HistoryDatum = { value: [Date.parse(p.startedAt), p.median], point: p, workload: w.name, settings: w.settings };
          return p.status === 'unstable' ? { ...datum, symbol: `empty${shape.charAt(0).toUpperCase()}${shape.slice(1)}` } : datum;
        }),
      };
    }),
  };
}

/** The chart's text alternative: per workload how many runs and the latest median. */
export function historyLabel(title: string, workloads: readonly HistoryWorkload[], unit: string): string {
  const parts = workloads.map((w) => {
    const latest = w.points.at(-1);
    const runs = `${w.points.length} run${w.points.length === 1 ? '' : 's'}`;
    return `${w.name}: median of ${runs}${latest === undefined ? '' : `, latest ${formatValue(latest.median, unit)}`}`;
  });
  return `${title}: ${parts.join('; ')}`;
}
