import { describe, expect, it } from 'vitest';
import type { Identity } from '../../../shared/domain/benchmark';
import type { HistoryPoint } from '../../../shared/domain/results';
import { formatDateTime, formatValue } from '../lib/format';
import { TEST_CHART_COLORS } from '../test/chart-colors';
import { fittedTimeRange, historyLabel, historyOption, historyWorkloads } from './history-option';

// Two series colours, so a test can tell which went where.
const colors = { ...TEST_CHART_COLORS, series: ['#111111', '#444444'] };

const MARKUP_UNIT = '<u><img src=x onerror=alert(1)>';
const HOUR_MS = 3_600_000;

const LLAMA_8B: Identity = { engine: 'llama.cpp', backend: 'cpu', modelKey: 'llama-3-8b', quant: 'Q4_K_M', isSynthetic: true, promptTokens: 512 };
const LLAMA_1B: Identity = { ...LLAMA_8B, modelKey: 'llama-3.2-1b', quant: 'Q4_0' };

/** A point as core gives it; `workloadKey` stands in for core's key (equal exactly when the workload is). */
function point(overrides: Partial<HistoryPoint>): HistoryPoint {
  const identity = overrides.identity ?? LLAMA_8B;
  return {
    runId: 3, resultId: 31, startedAt: '2025-11-27T10:00:00.000Z', median: 12.5, unit: 'tokens/s', status: 'passed',
    systemLabel: 'AMD EPYC 7B13 · no GPU', title: 'llama.cpp prompt processing (pp512)', identity,
    workloadKey: JSON.stringify([identity.modelKey, identity.quant, identity.backend, identity.isSynthetic]), ...overrides,
  };
}

type Tooltip = { formatter: (params: unknown) => string };
type Series = { name: string; type: string; symbol: string; data: Array<{ value: [number, number]; symbol?: string; point: HistoryPoint }>; lineStyle: { color: string } };
type Axis = { min?: number; max?: number; scale?: boolean };

const TITLE = 'Prompt processing · 512 tokens';

describe('history workloads', () => {
  it('makes one series per workload identity, so a 1B and an 8B model under one benchmark id are never one line', () => {
    const points = [
      point({ runId: 1, resultId: 11, startedAt: '2025-11-27T10:00:00.000Z', median: 410, identity: LLAMA_1B }),
      point({ runId: 2, resultId: 21, startedAt: '2025-11-27T10:05:00.000Z', median: 100 }),
      point({ runId: 3, resultId: 31, startedAt: '2025-11-28T10:00:00.000Z', median: 104 }),
    ];
    const workloads = historyWorkloads('llamacpp.pp512', points, TITLE);
    const option = historyOption(workloads, 'tokens/s', colors);
    const series = option.series as Series[];
    // Newest workload first; each line holds only its own runs, oldest first.
    expect(series.map((s) => [s.name, s.type, s.data.map((d) => d.point.runId)])).toEqual([
      ['Llama 3 8B Q4_K_M (synthetic)', 'line', [2, 3]],
      ['Llama 3.2 1B Q4_0 (synthetic)', 'line', [1]],
    ]);
    expect(series.map((s) => [s.lineStyle.color, s.symbol])).toEqual([['#111111', 'circle'], ['#444444', 'rect']]);
    expect(option.legend).toMatchObject({ top: 0 });
    expect(workloads.map((w) => w.settings)).toEqual(['pp512 · CPU · Q4_K_M', 'pp512 · CPU · Q4_0']);
    expect(historyLabel(TITLE, workloads, 'tokens/s')).toBe(
      `${TITLE}: Llama 3 8B Q4_K_M (synthetic): median of 2 runs, latest ${formatValue(104, 'tokens/s')}; Llama 3.2 1B Q4_0 (synthetic): median of 1 run, latest ${formatValue(410, 'tokens/s')}`,
    );
  });

  it('adds the backend to the names where workloads differ only in backend, and names a model-less benchmark by its title', () => {
    const cuda = { ...LLAMA_8B, backend: 'cuda' };
    const names = historyWorkloads('llamacpp.pp512', [point({ resultId: 1 }), point({ resultId: 2, identity: cuda, startedAt: '2025-11-26T10:00:00.000Z' })], TITLE).map((w) => w.name);
    expect(names).toEqual(['Llama 3 8B Q4_K_M (synthetic) · CPU', 'Llama 3 8B Q4_K_M (synthetic) · CUDA']);
    const memory = point({ identity: {}, workloadKey: 'memory', unit: 'GB/s' });
    expect(historyWorkloads('system.memory', [memory], 'Memory copy bandwidth').map((w) => [w.name, w.model])).toEqual([['Memory copy bandwidth', null]]);
  });

  it('leaves out results without a median and draws unstable ones hollow', () => {
    const points = [point({ runId: 4, resultId: 41, startedAt: '2025-11-28T10:00:00.000Z', status: 'unstable' }), point({}), point({ runId: 5, resultId: 51, median: null, status: 'failed' })];
    const series = historyOption(historyWorkloads('llamacpp.pp512', points, TITLE), 'tokens/s', colors).series as Series[];
    expect(series[0]?.data.map((d) => [d.point.runId, d.symbol ?? 'series shape'])).toEqual([[3, 'series shape'], [4, 'emptyCircle']]);
  });
});

describe('history axes', () => {
  it('starts the y axis at zero instead of scaling it to the data', () => {
    const yAxis = historyOption(historyWorkloads('llamacpp.pp512', [point({ median: 1000 })], TITLE), 'tokens/s', colors).yAxis as Axis;
    expect(yAxis.min).toBe(0);
    expect(yAxis.scale).toBeUndefined();
  });

  it('fits the time axis to the data: half an hour around one point or points minutes apart, a tenth of a longer span', () => {
    const t = Date.parse('2025-11-27T10:00:00.000Z');
    expect(fittedTimeRange([t])).toEqual({ min: t - HOUR_MS / 2, max: t + HOUR_MS / 2 });
    expect(fittedTimeRange([t, t + 5 * 60_000])).toEqual({ min: t - HOUR_MS / 2, max: t + 5 * 60_000 + HOUR_MS / 2 });
    expect(fittedTimeRange([t + 10 * 24 * HOUR_MS, t])).toEqual({ min: t - 24 * HOUR_MS, max: t + 11 * 24 * HOUR_MS });
    expect(fittedTimeRange([])).toBeNull();
    const xAxis = historyOption(historyWorkloads('llamacpp.pp512', [point({})], TITLE), 'tokens/s', colors).xAxis as Axis;
    expect([xAxis.min, xAxis.max]).toEqual([t - HOUR_MS / 2, t + HOUR_MS / 2]);
  });
});

describe('history tooltip', () => {
  it('gives the value with its unit, the model, the run and its date', () => {
    const option = historyOption(historyWorkloads('llamacpp.pp512', [point({ median: 104.25 })], TITLE), 'tokens/s', colors);
    const html = (option.tooltip as Tooltip).formatter({ data: (option.series as Series[])[0]?.data[0] });
    expect(html).toContain('104');
    expect(html).toContain('tokens/s');
    expect(html).toContain('Llama 3 8B Q4_K_M (synthetic)');
    expect(html).toContain(`Run #3 · ${formatDateTime('2025-11-27T10:00:00.000Z')}`);
    expect(html).toContain('AMD EPYC 7B13 · no GPU');
  });

  it('escapes the unit, status, model and machine name in the HTML tooltip, so imported markup is shown as text', () => {
    const identity = { ...LLAMA_8B, modelKey: '<script>x</script>' };
    const markup = point({ status: '<i>passed</i>', systemLabel: '<img src=x onerror=alert(2)> · no GPU', unit: MARKUP_UNIT, identity });
    const option = historyOption(historyWorkloads('llamacpp.pp512', [markup], TITLE), MARKUP_UNIT, colors);
    const html = (option.tooltip as Tooltip).formatter({ data: (option.series as Series[])[0]?.data[0] });
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<u>');
    expect(html).not.toContain('<i>');
    expect(html).not.toContain('<script');
    expect(html).toContain('&#60;u&#62;&#60;img src=x onerror=alert(1)&#62;');
    expect(html).toContain('(&#60;i&#62;passed&#60;/i&#62;)');
    expect(html).toContain('&#60;img src=x onerror=alert(2)&#62; · no GPU');
  });
});
