import { describe, expect, it } from 'vitest';
import type { ChartColors } from '../lib/echarts';
import { TEST_CHART_COLORS } from '../test/chart-colors';
import { resultTelemetry71 } from '../test/fixtures';
import { telemetryOption, throttleSpans } from './telemetry-option';

const colors: ChartColors = { ...TEST_CHART_COLORS, series: ['#111111', '#222222', '#333333', '#444444'] };

type Series = { name: string; yAxisIndex: number; data: unknown[]; markArea?: { data: Array<[{ xAxis: number }, { xAxis: number }]> } };

describe('telemetry timeline chart', () => {
  it('draws power (W) and SM clock (MHz) on two axes over seconds and shades each throttled stretch', () => {
    const option = telemetryOption(resultTelemetry71, colors);
    const series = option.series as Series[];
    expect(series.map((s) => [s.name, s.yAxisIndex])).toEqual([['power', 0], ['SM clock', 1], ['temperature', 2], ['throttled', 0]]);
    expect(series[0]?.data[2]).toEqual([0.4, 449.12]);
    expect(series[1]?.data[0]).toEqual([0, 2745]);
    expect((option.yAxis as Array<{ name: string }>).map((a) => a.name)).toEqual(['W', 'MHz', '°C']);
    expect(series[0]?.markArea?.data).toEqual([
      [{ xAxis: 0.3 }, { xAxis: 0.5 }],
      [{ xAxis: 0.9 }, { xAxis: 1.1 }],
      [{ xAxis: 1.5 }, { xAxis: 1.6 }],
    ]);
    expect(series[3]?.data).toHaveLength(3);
  });

  it('merges throttled readings that touch into one span with the reasons joined', () => {
    const telemetry = {
      ...resultTelemetry71,
      throttleReasons: [
        { tMs: 200, reasons: ['sw_power_cap'] },
        { tMs: 400, reasons: ['sw_thermal_slowdown'] },
      ],
    };
    expect(throttleSpans(telemetry)).toEqual([{ startS: 0.1, endS: 0.5, reasons: ['sw_power_cap', 'sw_thermal_slowdown'] }]);
  });

  it('escapes throttle reason names in the HTML tooltip and keeps ECharts\' own marker markup', () => {
    const option = telemetryOption(resultTelemetry71, colors);
    const formatter = (option.tooltip as { formatter: (params: unknown) => string }).formatter;
    const html = formatter([
      { seriesName: 'power', marker: '<span class="m"></span>', value: [0.4, 449.12] },
      { seriesName: 'throttled', marker: '', value: [0.4, 449.12], data: { reasons: ['<img src=x onerror=alert(1)>'] } },
    ]);
    expect(html).toContain('<span class="m"></span>power: <b>449.1\u00a0W</b>');
    expect(html).not.toContain('<img');
    expect(html).toContain('throttled: <b>&#60;img src=x onerror=alert(1)&#62;</b>');
  });
});
