import { describe, expect, it } from 'vitest';
import { TEST_CHART_COLORS } from '../test/chart-colors';
import { chartTheme } from './echarts';

describe('chart theme', () => {
  it('names a real font family: canvas ignores "inherit" and would draw every label at its default 10 px', () => {
    const theme = chartTheme(TEST_CHART_COLORS) as { textStyle: { fontFamily: string; fontSize: number } };
    expect(theme.textStyle.fontFamily).toBe('sans-serif');
    expect(theme.textStyle.fontFamily).not.toMatch(/inherit/);
    expect(theme.textStyle.fontSize).toBeGreaterThanOrEqual(12);
  });
});
