import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import type { BarSeriesOption, LineSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components';
import type {
  AriaComponentOption,
  GridComponentOption,
  LegendComponentOption,
  MarkAreaComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import type { ComposeOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// Only what our charts use, so the bundle carries a fraction of ECharts.
echarts.use([BarChart, LineChart, ScatterChart, AriaComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

export { echarts };

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | ScatterSeriesOption
  | AriaComponentOption
  | GridComponentOption
  | LegendComponentOption
  | MarkAreaComponentOption
  | MarkLineComponentOption
  | TooltipComponentOption
>;

/** Colours of the current theme, read from the CSS variables so charts and the rest of the page never disagree. */
export interface ChartColors {
  series: string[];
  text: string;
  textMuted: string;
  border: string;
  gridLine: string;
  surface: string;
  ok: string;
  warn: string;
  danger: string;
  /** The page's font stack. Canvas needs real family names: "inherit" is not valid there, and text fell back to 10 px. */
  fontFamily: string;
}

const FALLBACK: ChartColors = {
  series: ['#6ea8fe', '#3dd68c', '#f0b35b', '#c792ea', '#ff7a90'],
  text: '#e6e9ef',
  textMuted: '#a3abbd',
  border: '#343a4a',
  gridLine: '#262b38',
  surface: '#1a1e29',
  ok: '#4ade94',
  warn: '#f0b35b',
  danger: '#ff7a90',
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', sans-serif",
};

export function readChartColors(root: HTMLElement = document.documentElement): ChartColors {
  const style = getComputedStyle(root);
  const read = (name: string, fallback: string): string => style.getPropertyValue(name).trim() || fallback;
  return {
    series: FALLBACK.series.map((c, i) => read(`--chart-${i + 1}`, c)),
    text: read('--text', FALLBACK.text),
    textMuted: read('--text-muted', FALLBACK.textMuted),
    border: read('--border', FALLBACK.border),
    gridLine: read('--grid-line', FALLBACK.gridLine),
    surface: read('--surface', FALLBACK.surface),
    ok: read('--ok', FALLBACK.ok),
    warn: read('--warn', FALLBACK.warn),
    danger: read('--danger', FALLBACK.danger),
    fontFamily: getComputedStyle(document.body ?? root).fontFamily || FALLBACK.fontFamily,
  };
}

/** An ECharts theme object (axis, tooltip and text defaults) from the theme colours. */
export function chartTheme(colors: ChartColors): Record<string, unknown> {
  const axis = {
    axisLine: { lineStyle: { color: colors.border } },
    axisTick: { lineStyle: { color: colors.border } },
    axisLabel: { color: colors.textMuted },
    splitLine: { lineStyle: { color: colors.gridLine } },
    nameTextStyle: { color: colors.textMuted },
  };
  return {
    color: colors.series,
    backgroundColor: 'transparent',
    textStyle: { color: colors.text, fontFamily: colors.fontFamily, fontSize: 12 },
    valueAxis: axis,
    timeAxis: axis,
    categoryAxis: { ...axis, splitLine: { show: false } },
    legend: { textStyle: { color: colors.textMuted } },
    tooltip: {
      backgroundColor: colors.surface,
      borderColor: colors.border,
      textStyle: { color: colors.text },
    },
  };
}

/**
 * Charts need a canvas and ResizeObserver; jsdom (component tests) has neither, and there the chart is replaced by
 * its text alternative instead of failing.
 */
export function canDrawCharts(): boolean {
  return typeof window !== 'undefined' && typeof window.ResizeObserver === 'function';
}
