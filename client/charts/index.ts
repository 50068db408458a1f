/// <reference types="vite/client" />
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import './charts.css';

// Small reusable line charts (uPlot, canvas). Used by the replay viewer and the debrief page.
//
//   const chart = lineChart(el, { title: 'Economy', xLabel: 'Year', x: [0, 1, 2],
//     series: [{ label: 'Aurelia', color: '#c33', values: [50, 52, 55] }] });
//   chart.setMarker(1);   // a vertical line at x = 1 (e.g. the replay's current turn)
//   chart.destroy();
//
// Accessible: the chart is a <figure> with a <figcaption> (title plus an optional description), the
// canvas is hidden from assistive technology, and a visually-hidden <table> holds every value. Series
// are told apart by colour *and* dash pattern. Load this module lazily (dynamic import): uPlot is ~50 kB.

export interface ChartSeries {
  label: string;
  /** CSS colour of the line. */
  color: string;
  /** One value per x; null leaves a gap. */
  values: readonly (number | null)[];
  /** Dash pattern in px (e.g. [6, 3]); by default each series after the first few gets one. */
  dash?: number[];
}

export interface LineChartOptions {
  title: string;
  series: readonly ChartSeries[];
  /** X values (default 0..n-1). */
  x?: readonly number[];
  xLabel?: string;
  yLabel?: string;
  /** One sentence under the title for everyone (also read by screen readers). */
  description?: string;
  /** Height of the plotting area in CSS px (default 220). Width follows the container. */
  height?: number;
  /** Vertical marker at this x (e.g. the current turn). */
  marker?: number | null;
  /** Format of numbers in the table and the legend (default: rounded). */
  format?: (v: number) => string;
  /** Id prefix for the figure (default: generated). */
  id?: string;
}

export interface ChartHandle {
  /** The <figure> element appended to the container. */
  readonly figure: HTMLElement;
  /** Move (or remove with null) the vertical marker. */
  setMarker(x: number | null): void;
  /** Replace the data (same series count or not); the table is rebuilt. */
  update(series: readonly ChartSeries[], x?: readonly number[]): void;
  destroy(): void;
}

const DASHES: number[][] = [[], [8, 4], [2, 3], [10, 3, 2, 3], [], [8, 4], [2, 3], [10, 3, 2, 3]];
let chartUid = 0;

const defaultFormat = (v: number): string => (Number.isInteger(v) ? String(v) : v.toFixed(1));

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function buildTable(opts: LineChartOptions, series: readonly ChartSeries[], xs: readonly number[], fmt: (v: number) => string): HTMLElement {
  // A table keeps its content width whatever its own width says: the clipping box is a wrapper.
  const wrap = el('div', 'visually-hidden chart-data');
  const table = el('table');
  wrap.append(table);
  table.append(el('caption', undefined, `${opts.title}: values`));
  const head = el('tr');
  const corner = el('th', undefined, opts.xLabel ?? 'x');
  corner.scope = 'col';
  head.append(corner);
  for (const s of series) {
    const th = el('th', undefined, s.label);
    th.scope = 'col';
    head.append(th);
  }
  const thead = el('thead');
  thead.append(head);
  const tbody = el('tbody');
  xs.forEach((x, i) => {
    const tr = el('tr');
    const th = el('th', undefined, fmt(x));
    th.scope = 'row';
    tr.append(th);
    for (const s of series) {
      const v = s.values[i];
      tr.append(el('td', undefined, v === null || v === undefined ? '\u2013' : fmt(v)));
    }
    tbody.append(tr);
  });
  table.append(thead, tbody);
  return wrap;
}

function toData(series: readonly ChartSeries[], xs: readonly number[]): uPlot.AlignedData {
  return [Float64Array.from(xs), ...series.map((s) => xs.map((_, i) => s.values[i] ?? null))] as unknown as uPlot.AlignedData;
}

/** Draw a line chart into `container` (appended as a <figure>). */
export function lineChart(container: HTMLElement, opts: LineChartOptions): ChartHandle {
  const id = opts.id ?? `chart-${++chartUid}`;
  const fmt = opts.format ?? defaultFormat;
  let series = opts.series;
  let xs = opts.x ?? Array.from({ length: Math.max(0, ...series.map((s) => s.values.length)) }, (_, i) => i);
  let marker: number | null = opts.marker ?? null;

  const figure = el('figure', 'chart');
  figure.id = id;
  const caption = el('figcaption', 'chart-caption');
  const titleEl = el('span', 'chart-title', opts.title);
  titleEl.id = `${id}-title`;
  caption.append(titleEl);
  if (opts.description) {
    const d = el('span', 'chart-desc', opts.description);
    caption.append(' ', d);
  }
  const plotBox = el('div', 'chart-plot');
  plotBox.setAttribute('aria-hidden', 'true');
  let table = buildTable(opts, series, xs, fmt);
  figure.append(caption, plotBox, table);
  container.append(figure);

  const width = (): number => Math.max(200, Math.floor(plotBox.clientWidth || container.clientWidth || 320));
  const makeOptions = (): uPlot.Options => ({
    width: width(),
    height: opts.height ?? 220,
    legend: { show: true, live: true },
    cursor: { drag: { x: false, y: false }, points: { size: 6 } },
    scales: { x: { time: false } },
    axes: [
      { label: opts.xLabel, stroke: '#1d232b', grid: { stroke: '#e4e0d6' }, incrs: [1, 2, 5, 10, 20], values: (_u, v) => v.map((t) => (Number.isInteger(t) ? String(t) : '')) },
      { label: opts.yLabel, stroke: '#1d232b', grid: { stroke: '#e4e0d6' }, size: 46 },
    ],
    series: [
      { label: opts.xLabel ?? 'x', value: (_u, v) => (v === null || v === undefined ? '\u2013' : fmt(v)) },
      ...series.map((s, i): uPlot.Series => ({
        label: s.label,
        stroke: s.color,
        width: 2,
        dash: s.dash ?? DASHES[i % DASHES.length],
        points: { show: xs.length <= 24, size: 4, fill: s.color },
        value: (_u, v) => (v === null || v === undefined ? '\u2013' : fmt(v)),
        spanGaps: false,
      })),
    ],
    hooks: {
      draw: [(u) => {
        if (marker === null) return;
        const cx = u.valToPos(marker, 'x', true);
        if (!Number.isFinite(cx)) return;
        const ctx = u.ctx;
        ctx.save();
        ctx.strokeStyle = '#1d232b';
        ctx.lineWidth = 2 * uPlot.pxRatio;
        ctx.setLineDash([4 * uPlot.pxRatio, 3 * uPlot.pxRatio]);
        ctx.beginPath();
        ctx.moveTo(cx, u.bbox.top);
        ctx.lineTo(cx, u.bbox.top + u.bbox.height);
        ctx.stroke();
        ctx.restore();
      }],
    },
  });

  let plot = new uPlot(makeOptions(), toData(series, xs), plotBox);
  let lastWidth = width();
  const ro = typeof ResizeObserver !== 'undefined' ? new ResizeObserver(() => {
    const w = width();
    if (w !== lastWidth) { lastWidth = w; plot.setSize({ width: w, height: opts.height ?? 220 }); }
  }) : null;
  ro?.observe(plotBox);

  return {
    figure,
    setMarker(x) {
      if (x === marker) return;
      marker = x;
      plot.redraw(false, false);
    },
    update(next, nextX) {
      const sameShape = next.length === series.length && next.every((s, i) => s.label === series[i]!.label && s.color === series[i]!.color);
      series = next;
      xs = nextX ?? Array.from({ length: Math.max(0, ...series.map((s) => s.values.length)) }, (_, i) => i);
      const fresh = buildTable(opts, series, xs, fmt);
      table.replaceWith(fresh);
      table = fresh;
      if (sameShape) {
        plot.setData(toData(series, xs));
      } else {
        plot.destroy();
        plot = new uPlot(makeOptions(), toData(series, xs), plotBox);
      }
    },
    destroy() {
      ro?.disconnect();
      plot.destroy();
      figure.remove();
    },
  };
}
