import { describe, expect, it } from 'vitest';
import { TEST_CHART_COLORS } from '../test/chart-colors';
import { comparisonWithMatches } from '../test/compare-fixtures';
import { cardComparisonGroups, runComparisonGroups } from './comparison-groups';
import { ratioAxisLabel, ratioBarsLabel, ratioBarsOption } from './ratio-bars-option';
import type { RatioGroup } from './ratio-bars-option';

const colors = { ...TEST_CHART_COLORS, series: ['#111111', '#222222', '#333333'] };
const title = (id: string): string => (id === 'ollama.generate' ? 'Ollama generation' : id);

type Datum = { value: number; label: { position: string; formatter: string } } | '-';
type Series = { name: string; itemStyle: { color: string }; data: Datum[] };

function slowGroups(): RatioGroup[] {
  const bar = (seriesName: string, factor: number) => ({ seriesName, ratio: 1 / factor, deltaPct: (1 / factor - 1) * 100, subjectValue: '14.7 tokens/s', otherValue: `${14.7 * factor} tokens/s` });
  return [{ label: 'Prompt processing · 512 tokens', detail: 'Llama 3 8B Q4_K_M (synthetic)', bars: [bar('A100', 407), bar('RTX 4090', 486)] }];
}

describe('ratio bars chart', () => {
  it('labels groups by workload title and model, one bar per card, skipping rows no card has', () => {
    const groups = runComparisonGroups(comparisonWithMatches.comparison, title);
    expect(groups.map((g) => g.label)).toEqual(['Text generation · 128 tokens', 'Ollama generation']);
    expect(groups[0]?.detail).toBe('Llama 2 7B Q4_0 (synthetic)');
    expect(groups[0]?.bars.map((b) => b.seriesName)).toEqual(['A100', 'RTX 4090', 'RTX 3090']);
    expect(groups[0]?.bars[1]).toMatchObject({ subjectValue: '120.5\u00a0tokens/s', otherValue: '186.21\u00a0tokens/s', ratio: 0.6471 });
  });

  it('draws log10 of each ratio, so 407× and 486× slower are bars of different length, labelled in words', () => {
    const option = ratioBarsOption(slowGroups(), colors, { subject: 'Yours', hasLegend: true });
    const series = option.series as Series[];
    const [a100, rtx4090] = series.map((s) => s.data[0]) as Array<Exclude<Datum, '-'>>;
    expect(a100?.value).toBeCloseTo(-Math.log10(407), 9);
    expect(rtx4090?.value).toBeCloseTo(-Math.log10(486), 9);
    expect(Math.abs((rtx4090?.value ?? 0) - (a100?.value ?? 0))).toBeGreaterThan(0.07);
    expect(a100?.label).toEqual({ position: 'left', formatter: 'A100: 407× slower' });
    expect(rtx4090?.label.formatter).toBe('RTX 4090: 486× slower');
    // Whole decades from the slowest bar (one decade of room for its label) to "same" plus one step.
    const xAxis = option.xAxis as { min: number; max: number; interval: number };
    expect(xAxis).toMatchObject({ min: -4, max: 1, interval: 1 });
  });

  it('keeps small differences visible: 1.17× faster gets an axis of a few tenths of a decade, ticks on its steps', () => {
    const groups: RatioGroup[] = [{ label: 'w', detail: null, bars: [{ seriesName: 'A', ratio: 1.17, deltaPct: 17, subjectValue: '', otherValue: '' }] }];
    const xAxis = ratioBarsOption(groups, colors, { subject: 'A100', hasLegend: false }).xAxis as { min: number; max: number; interval: number };
    expect(xAxis.interval).toBeCloseTo(Math.log10(1.25), 12);
    expect(xAxis.min).toBeCloseTo(-xAxis.interval, 12);
    expect(xAxis.max).toBeCloseTo(2 * xAxis.interval, 12);
  });

  it('gives each card its own colour and a legend', () => {
    const option = ratioBarsOption(slowGroups(), colors, { subject: 'Yours', hasLegend: true });
    expect((option.series as Series[]).map((s) => s.itemStyle.color)).toEqual(['#111111', '#222222']);
    expect(option.legend).toBeDefined();
    const single = ratioBarsOption(slowGroups(), colors, { subject: 'A100', hasLegend: false });
    expect(single.legend).toBeUndefined();
  });

  it('puts both values with units and the ±% in the tooltip', () => {
    const formatter = (ratioBarsOption(slowGroups(), colors, { subject: 'Yours', hasLegend: true }).tooltip as { formatter: (p: unknown) => string }).formatter;
    expect(formatter({ seriesName: 'RTX 4090', dataIndex: 0 })).toBe(
      '<b>Prompt processing · 512 tokens</b><br/>Llama 3 8B Q4_K_M (synthetic)<br/>Yours: 14.7 tokens/s<br/>RTX 4090: 7144.2 tokens/s<br/>Yours 486× slower (\u221299.8\u00a0%)',
    );
  });

  it('names axis positions as factors: 10^-2 is "100× slower", 0 is "same"', () => {
    expect(ratioAxisLabel(-2)).toBe('100×\u00a0slower');
    expect(ratioAxisLabel(0)).toBe('same');
    expect(ratioAxisLabel(1)).toBe('10×\u00a0faster');
  });

  it('escapes names in the HTML tooltip, so markup from a reference file is shown as text', () => {
    const groups: RatioGroup[] = [{ label: '<img src=x onerror=alert(1)>', detail: null, bars: [{ seriesName: '<b>Card</b>', ratio: 1.12, deltaPct: 12, subjectValue: '1', otherValue: '2' }] }];
    const formatter = (ratioBarsOption(groups, colors, { subject: 'Yours', hasLegend: true }).tooltip as { formatter: (p: unknown) => string }).formatter;
    const html = formatter({ seriesName: '<b>Card</b>', dataIndex: 0 });
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>Card');
  });

  it('gives a text alternative with every bar in words and ±%', () => {
    expect(ratioBarsLabel('Run #7', slowGroups())).toBe(
      'Run #7. Prompt processing · 512 tokens (Llama 3 8B Q4_K_M (synthetic)): A100 407× slower (\u221299.8\u00a0%), RTX 4090 486× slower (\u221299.8\u00a0%)',
    );
  });

  it('builds card-vs-card groups from the pair rows, one bar each, with the settings summary as detail', () => {
    const groups = cardComparisonGroups({
      kind: 'cards', refKey: 'a100', vsKey: 'rtx-4090', refDisplayName: 'NVIDIA A100', vsDisplayName: 'NVIDIA GeForce RTX 4090', pairingRule: '', categories: [],
      rows: [{ sourceBenchmarkId: 'x', rigmarkBenchmarkId: null, category: 'llm', model: 'Llama 3 8B', metric: 'pp512', unit: 'tokens/s', higherIsBetter: true,
        ref: { ...fig(), value: 5981, settingsSummary: 'pp512 · CUDA · Q4_K_M' }, vs: { ...fig(), value: 7139 }, isSameSource: true, labels: [], ratio: 5981 / 7139, deltaPct: (5981 / 7139 - 1) * 100, reason: null }],
    });
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ label: 'Llama 3 8B', detail: 'pp512 · pp512 · CUDA · Q4_K_M' });
    expect(groups[0]?.bars[0]).toMatchObject({ seriesName: 'RTX 4090', subjectValue: '5,981\u00a0tokens/s', otherValue: '7,139\u00a0tokens/s' });
  });
});

function fig() {
  return { recordId: 'r', gpuKey: 'g', gpu: 'G', gpuVariant: '', value: 1, unit: 'tokens/s', valueAsPublished: '1', settings: '', settingsSummary: '', sourceTitle: 's', sourceUrl: 'u', sourceKind: 'primary' as const, publishedOn: null, note: '' };
}

describe('ratio bars category labels', () => {
  it('puts the workload title above the model in muted type, with markup characters neutralised', () => {
    const groups: RatioGroup[] = [{ label: 'Prompt {x|y}', detail: 'Model', bars: [] }];
    const yAxis = ratioBarsOption(groups, colors, { subject: 'Yours', hasLegend: true }).yAxis as { data: string[] };
    expect(yAxis.data).toEqual(['{title|Prompt (x/y)}\n{detail|Model}']);
  });
});
