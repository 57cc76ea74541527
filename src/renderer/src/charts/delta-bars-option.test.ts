import { describe, expect, it } from 'vitest';
import { TEST_CHART_COLORS } from '../test/chart-colors';
import { comparisonWithMatches } from '../test/compare-fixtures';
import { deltaBarsLabel, deltaBarsOption, runComparisonGroups } from './delta-bars-option';

const colors = TEST_CHART_COLORS;

type Datum = { value: number; itemStyle: { color: string }; label: { position: string; formatter: string } } | '-';

describe('delta bars chart', () => {
  it('draws one group per benchmark with a figure and one bar per card, skipping benchmarks no card has', () => {
    const groups = runComparisonGroups(comparisonWithMatches.comparison);
    expect(groups.map((g) => g.label)).toEqual(['llamacpp.tg128', 'ollama.generate']);
    expect(groups[0]?.bars.map((b) => b.name)).toEqual(['A100', 'RTX 4090', 'RTX 3090']);
  });

  it('colours faster bars green and slower ones red, labels each with card and signed %, and leaves a gap where a card has no figure', () => {
    const option = deltaBarsOption(runComparisonGroups(comparisonWithMatches.comparison), colors);
    const series = option.series as Array<{ name: string; data: Datum[] }>;
    expect(series.map((s) => s.name)).toEqual(['NVIDIA A100', 'NVIDIA GeForce RTX 4090', 'NVIDIA GeForce RTX 3090']);
    const [a100, rtx4090] = series;
    expect(a100?.data[0]).toBe('-');
    expect(a100?.data[1]).toEqual({ value: 33.33, itemStyle: { color: '#00aa00' }, label: { position: 'right', formatter: 'A100 +33.3\u00a0%' } });
    expect(rtx4090?.data[0]).toEqual({ value: -35.29, itemStyle: { color: '#aa0000' }, label: { position: 'left', formatter: 'RTX 4090 \u221235.3\u00a0%' } });
    const xAxis = option.xAxis as { min: number; max: number };
    // Room beyond the longest bars for their labels.
    expect(xAxis.min).toBeLessThan(-35.29);
    expect(xAxis.max).toBeGreaterThan(33.33);
  });

  it('gives a text alternative listing every bar', () => {
    const label = deltaBarsLabel('Run #7', runComparisonGroups(comparisonWithMatches.comparison));
    expect(label).toBe('Run #7. llamacpp.tg128: RTX 4090 \u221235.3\u00a0%, RTX 3090 \u221223.8\u00a0%; ollama.generate: A100 +33.3\u00a0%, RTX 4090 +9.3\u00a0%');
  });

  it('escapes benchmark and card names in the HTML tooltip, so markup from a reference file is shown as text', () => {
    const groups = [{ label: '<img src=x onerror=alert(1)>', bars: [{ name: 'X', fullName: '<b>Card</b>', deltaPct: 12 }] }];
    const formatter = (deltaBarsOption(groups, colors).tooltip as { formatter: (params: unknown) => string }).formatter;
    const html = formatter({ seriesIndex: 0, dataIndex: 0 });
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>Card');
    expect(html).toBe('&#60;img src=x onerror=alert(1)&#62;<br/>vs &#60;b&#62;Card&#60;/b&#62;: <b>+12.0\u00a0%</b>');
  });
});
