import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { useTheme } from '../api/settings-context';
import { canDrawCharts, chartTheme, echarts, readChartColors } from '../lib/echarts';
import type { ChartColors, ChartOption } from '../lib/echarts';
import { downloadDataUrl } from '../lib/download';

interface EChartProps {
  /** Builds the option from the theme colours, so series colours follow the theme too. */
  buildOption: (colors: ChartColors) => ChartOption;
  /** What the chart shows, for screen readers and where charts cannot be drawn. */
  label: string;
  height: number;
  /** When set, a button saves the drawn chart as a PNG under this file name. */
  exportFileName?: string;
}

/**
 * One ECharts instance bound to a div: created per theme (ECharts themes apply at init), resized with its box,
 * disposed on unmount. `aria` is on so ECharts adds a generated description of the data.
 */
export function EChart({ buildOption, label, height, exportFileName }: EChartProps): ReactNode {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);
  const { resolved } = useTheme();
  const isDrawable = canDrawCharts();

  useEffect(() => {
    const element = ref.current;
    if (element === null || !isDrawable) return undefined;
    const themeName = `rigmark-${resolved}`;
    echarts.registerTheme(themeName, chartTheme(readChartColors()));
    const chart = echarts.init(element, themeName, { renderer: 'canvas' });
    chartRef.current = chart;
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, [resolved, isDrawable]);

  useEffect(() => {
    const chart = chartRef.current;
    if (chart === null) return;
    const option = buildOption(readChartColors());
    chart.setOption({ ...option, aria: { enabled: true, label: { description: label } } }, { notMerge: true });
  }, [buildOption, label, resolved]);

  const onSavePng = (): void => {
    const chart = chartRef.current;
    if (chart === null || exportFileName === undefined) return;
    // The theme background is transparent; a saved image needs the page's surface behind it to stay readable.
    downloadDataUrl(exportFileName, chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: readChartColors().surface }));
  };

  const chart = (
    <div className="chart" style={{ height }} data-chart={isDrawable ? 'drawn' : 'text'}>
      {isDrawable ? <div ref={ref} className="chart-canvas" role="img" aria-label={label} /> : <p className="muted">{label}</p>}
    </div>
  );
  if (exportFileName === undefined || !isDrawable) return chart;
  return (
    <div className="chart-with-export">
      {chart}
      <div className="button-row chart-export">
        <button type="button" className="button button-ghost" onClick={onSavePng}>
          Save chart as PNG
        </button>
      </div>
    </div>
  );
}
