import { useEffect, useRef } from 'preact/hooks';
import { lineChart, type ChartHandle, type LineChartOptions } from './index.ts';

// A uPlot line chart as a component: mounted once into its own box, its marker moved in place.

export function Chart({ options, marker }: { options: LineChartOptions; marker?: number | null }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ChartHandle | null>(null);
  useEffect(() => {
    if (!box.current) return;
    chart.current = lineChart(box.current, { ...options, marker: marker ?? null });
    return () => { chart.current?.destroy(); chart.current = null; };
  }, [options]);
  useEffect(() => { chart.current?.setMarker(marker ?? null); }, [marker]);
  return <div class="chart-cell-box" ref={box} />;
}
