import { describe, expect, it } from 'vitest';
import type { HistoryPoint } from '../../../shared/domain/results';
import { TEST_CHART_COLORS } from '../test/chart-colors';
import { historyOption } from './history-option';

const colors = TEST_CHART_COLORS;

const MARKUP_UNIT = '<u><img src=x onerror=alert(1)>';

function point(overrides: Partial<HistoryPoint>): HistoryPoint {
  return { runId: 3, resultId: 31, startedAt: '2025-11-27T10:00:00.000Z', median: 12.5, unit: 'GB/s', status: 'passed', systemLabel: 'AMD EPYC 7B13 · no GPU', ...overrides };
}

type Tooltip = { formatter: (params: unknown) => string };
type Datum = { value: [number, number]; runId: number; status: string; symbol: string };

describe('history chart', () => {
  it('draws runs with a median in time order and marks unstable ones hollow', () => {
    const points = [point({ runId: 4, startedAt: '2025-11-28T10:00:00.000Z', status: 'unstable' }), point({}), point({ runId: 5, median: null })];
    const series = historyOption(points, 'GB/s', colors).series as Array<{ data: Datum[] }>;
    expect(series[0]?.data.map((d) => [d.runId, d.symbol])).toEqual([[3, 'circle'], [4, 'emptyCircle']]);
  });

  it('escapes the unit, status and machine name in the HTML tooltip, so imported markup is shown as text', () => {
    const markup = point({ status: '<i>passed</i>', systemLabel: '<img src=x onerror=alert(2)> · no GPU', unit: MARKUP_UNIT });
    const option = historyOption([markup], MARKUP_UNIT, colors);
    const datum = (option.series as Array<{ data: Datum[] }>)[0]?.data[0];
    const html = (option.tooltip as Tooltip).formatter({ data: datum });
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<u>');
    expect(html).not.toContain('<i>');
    expect(html).toContain('&#60;u&#62;&#60;img src=x onerror=alert(1)&#62;');
    expect(html).toContain('(&#60;i&#62;passed&#60;/i&#62;)');
    expect(html).toContain('&#60;img src=x onerror=alert(2)&#62; · no GPU');
  });
});
