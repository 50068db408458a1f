import { useMemo } from 'preact/hooks';
import { getScenario } from '../../shared/scenarios/index.ts';
import { Chart } from '../charts/Chart.tsx';
import { chartSeries, type Replay } from './model.ts';

// Four charts over the years (uPlot), each with the year shown marked.

const CHARTS = [
  { key: 'economy', title: 'Economy', description: 'Output of each nation.' },
  { key: 'military', title: 'Military', description: 'Military strength of each nation.' },
  { key: 'reputation', title: 'Reputation', description: 'How reliable each nation looks to the others.' },
  { key: 'trustReceived', title: 'Trust received', description: 'Average trust the other nations place in each nation.' },
] as const;

export function ReplayCharts({ r, marker }: { r: Replay; marker: number }) {
  const colors = new Map(getScenario(r.file.scenario)!.nations.map((n) => [n.id, n.color]));
  const options = useMemo(() => CHARTS.map((c) => {
    const data = chartSeries(r, c.key);
    return {
      title: c.title, description: c.description, xLabel: 'Year', x: data.x, height: 200, id: `chart-${c.key}`,
      series: data.lines.map((l) => ({ label: l.name, color: colors.get(l.nation) ?? '#888', values: l.values })),
    };
  }), [r]);
  return <div class="chart-grid" id="replay-charts">{options.map((o) => <div class="chart-cell" key={o.id}><Chart options={o} marker={marker} /></div>)}</div>;
}
