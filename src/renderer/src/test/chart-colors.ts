import type { ChartColors } from '../lib/echarts';

/** A fixed palette for chart option tests: distinct values so a test can tell which colour went where. */
export const TEST_CHART_COLORS: ChartColors = {
  series: ['#111111'],
  text: '#eeeeee',
  textMuted: '#999999',
  border: '#333333',
  gridLine: '#222222',
  surface: '#000000',
  ok: '#00aa00',
  warn: '#aaaa00',
  danger: '#aa0000',
  fontFamily: 'sans-serif',
};
