import { describe, expect, it } from 'vitest';
import type { ChartColors } from '../lib/echarts';
import { TEST_CHART_COLORS } from '../test/chart-colors';
import { sample } from '../test/fixtures';
import { samplesLabel, samplesOption } from './samples-option';

const colors: ChartColors = { ...TEST_CHART_COLORS, series: ['#111111', '#222222'] };

// What an imported export can carry as a unit (the import accepts up to 64 characters).
const MARKUP_UNIT = '<u><img src=x onerror=alert(1)>';

type Tooltip = { formatter: (params: unknown) => string };
type MarkLineLabel = { formatter: string | (() => string) };

describe('samples chart', () => {
  it('plots counted repetitions and warm-ups as separate series at their repetition number, with the median as a line', () => {
    const option = samplesOption({ samples: [sample(0, 90, true), sample(1, 100), sample(2, 110)], unit: 'MB/s', median: 105 }, colors);
    const series = option.series as Array<{ name: string; data: unknown[]; markLine?: { label: MarkLineLabel } }>;
    expect(series.map((s) => [s.name, s.data])).toEqual([
      ['repetition', [[2, 100, 500], [3, 110, 500]]],
      ['warm-up', [[1, 90, 500]]],
    ]);
    const label = series[0]?.markLine?.label.formatter;
    expect(typeof label === 'function' ? label() : label).toBe('median 105.0\u00a0MB/s');
  });

  it('escapes the unit and series name in the HTML tooltip, so imported markup is shown as text', () => {
    const option = samplesOption({ samples: [sample(1, 100)], unit: MARKUP_UNIT, median: 100 }, colors);
    const html = (option.tooltip as Tooltip).formatter({ seriesName: '<b>repetition</b>', value: [1, 100, 500] });
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<u>');
    expect(html).not.toContain('<b>repetition');
    expect(html).toContain('&#60;u&#62;&#60;img src=x onerror=alert(1)&#62;');
    expect(html).toContain('&#60;b&#62;repetition&#60;/b&#62; #1');
  });

  it('gives the median line a function label, so braces in a unit are not read as ECharts placeholders', () => {
    const option = samplesOption({ samples: [sample(1, 100)], unit: '{a}/s', median: 100 }, colors);
    const series = option.series as Array<{ markLine?: { label: MarkLineLabel } }>;
    const label = series[0]?.markLine?.label.formatter;
    expect(typeof label).toBe('function');
    expect(typeof label === 'function' ? label() : label).toBe('median 100.0\u00a0{a}/s');
  });

  it('describes counted repetitions, warm-ups and the median in its text alternative', () => {
    expect(samplesLabel('CPU', [sample(0, 90, true), sample(1, 100), sample(2, 110)], 'MB/s', 105)).toBe('CPU: 2 repetitions and 1 warm-up, median 105.0\u00a0MB/s');
  });
});
