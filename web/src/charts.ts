// Charts written as plain SVG (no chart library): horizontal bars, a small line chart, a scatter,
// a weekly series with bounds.

import { fmtNumber } from './ui';

const kNs = 'http://www.w3.org/2000/svg';

function s<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number> = {},
  text?: string,
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(kNs, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

export interface Bar {
  label: string;
  value: number;
  colour?: string;
}

/** A horizontal bar chart; `title` becomes the accessible name, each bar has a <title> tooltip. */
export function barChart(bars: Bar[], opts: { title: string; testid: string; unit?: string }): SVGSVGElement {
  const labelW = 210;
  const valueW = 90;
  const barH = 22;
  const gap = 6;
  const width = 640;
  const plotW = width - labelW - valueW;
  const height = bars.length * (barH + gap) + gap;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const svg = s('svg', {
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-label': opts.title,
    class: 'chart',
    'data-testid': opts.testid,
    preserveAspectRatio: 'xMinYMin meet',
  });
  svg.append(s('title', {}, opts.title));
  bars.forEach((b, i) => {
    const y = gap + i * (barH + gap);
    const w = Math.max(b.value > 0 ? 2 : 0, (b.value / max) * plotW);
    const g = s('g', { class: 'bar' });
    const label = b.label.length > 30 ? `${b.label.slice(0, 29)}…` : b.label;
    g.append(
      s('title', {}, `${b.label}: ${fmtNumber(b.value)}${opts.unit ? ` ${opts.unit}` : ''}`),
      s('text', { x: labelW - 8, y: y + barH / 2, 'text-anchor': 'end', 'dominant-baseline': 'middle', class: 'chart-label' }, label),
      s('rect', { x: labelW, y, width: w, height: barH, rx: 3, fill: b.colour ?? '#2e7d6b' }),
      s('text', { x: labelW + w + 6, y: y + barH / 2, 'dominant-baseline': 'middle', class: 'chart-value' }, fmtNumber(b.value, 0)),
    );
    svg.append(g);
  });
  return svg;
}

/** The x axis line and both axis titles of a chart with margins `m`. */
function axes(
  svg: SVGSVGElement,
  m: { left: number; right: number; top: number; width: number; height: number; plotW: number; plotH: number },
  xLabel: string,
  yLabel: string,
): void {
  svg.append(
    s('line', { x1: m.left, x2: m.width - m.right, y1: m.top + m.plotH, y2: m.top + m.plotH, stroke: '#90a4ae' }),
    s('text', { x: m.left + m.plotW / 2, y: m.height - 4, 'text-anchor': 'middle', class: 'chart-label' }, xLabel),
    s(
      'text',
      { x: 10, y: m.top + m.plotH / 2, 'text-anchor': 'middle', class: 'chart-label', transform: `rotate(-90 10 ${m.top + m.plotH / 2})` },
      yLabel,
    ),
  );
}

export interface Point {
  x: number;
  y: number;
  label?: string;
}

/** A line chart of y (a percentage, 0–100 axis trimmed to the data) by x, with a dot per point. */
export function lineChart(points: Point[], opts: { title: string; testid: string; xLabel: string; yLabel: string }): SVGSVGElement {
  const width = 340;
  const height = 200;
  const m = { left: 40, right: 12, top: 12, bottom: 34 };
  const plotW = width - m.left - m.right;
  const plotH = height - m.top - m.bottom;
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const xMin = Math.min(0, ...xs);
  const xMax = Math.max(1, ...xs);
  const lo = Math.min(...ys, 100);
  const hi = Math.max(...ys, 0);
  const step = hi - lo <= 20 ? 5 : hi - lo <= 50 ? 10 : 20;
  const yMin = Math.max(0, Math.floor(lo / step) * step);
  const yMax = Math.min(100, Math.max(yMin + step, Math.ceil(hi / step) * step));
  const X = (x: number) => m.left + ((x - xMin) / (xMax - xMin || 1)) * plotW;
  const Y = (y: number) => m.top + plotH - ((y - yMin) / (yMax - yMin || 1)) * plotH;
  const svg = s('svg', {
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-label': opts.title,
    class: 'chart line-chart',
    'data-testid': opts.testid,
    preserveAspectRatio: 'xMinYMin meet',
  });
  svg.append(s('title', {}, opts.title));
  // grid and axes
  for (let v = yMin; v <= yMax + 1e-9; v += step) {
    svg.append(
      s('line', { x1: m.left, x2: width - m.right, y1: Y(v), y2: Y(v), stroke: '#e0e6e4', 'stroke-width': 1 }),
      s('text', { x: m.left - 5, y: Y(v), 'text-anchor': 'end', 'dominant-baseline': 'middle', class: 'chart-value' }, fmtNumber(v, 0)),
    );
  }
  for (const x of xs)
    svg.append(s('text', { x: X(x), y: height - m.bottom + 14, 'text-anchor': 'middle', class: 'chart-value' }, String(x)));
  axes(svg, { ...m, width, height, plotW, plotH }, opts.xLabel, opts.yLabel);
  svg.append(
    s('polyline', { points: points.map((p) => `${X(p.x)},${Y(p.y)}`).join(' '), fill: 'none', stroke: '#6a1b9a', 'stroke-width': 2.5 }),
  );
  for (const p of points) {
    const g = s('g', { class: 'bar' });
    g.append(
      s('title', {}, `${p.label ? `${p.label}: ` : ''}${fmtNumber(p.y, 1)} %`),
      s('circle', { cx: X(p.x), cy: Y(p.y), r: 4, fill: '#fff', stroke: '#6a1b9a', 'stroke-width': 2 }),
    );
    svg.append(g);
  }
  return svg;
}

/** A scatter of points (x and y from 0; y a percentage 0–100), each dot with a <title> tooltip. */
export function scatterChart(points: Point[], opts: { title: string; testid: string; xLabel: string; yLabel: string }): SVGSVGElement {
  const width = 480;
  const height = 260;
  const m = { left: 44, right: 14, top: 12, bottom: 38 };
  const plotW = width - m.left - m.right;
  const plotH = height - m.top - m.bottom;
  const xMax = Math.max(10, ...points.map((p) => p.x));
  const xStep = xMax <= 60 ? 10 : xMax <= 180 ? 30 : 60;
  const xTop = Math.ceil(xMax / xStep) * xStep;
  const X = (x: number) => m.left + (x / xTop) * plotW;
  const Y = (y: number) => m.top + plotH - (Math.min(100, Math.max(0, y)) / 100) * plotH;
  const svg = s('svg', {
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-label': opts.title,
    class: 'chart scatter-chart',
    'data-testid': opts.testid,
    preserveAspectRatio: 'xMinYMin meet',
  });
  svg.append(s('title', {}, opts.title));
  for (let v = 0; v <= 100; v += 20) {
    svg.append(
      s('line', { x1: m.left, x2: width - m.right, y1: Y(v), y2: Y(v), stroke: '#e0e6e4', 'stroke-width': 1 }),
      s('text', { x: m.left - 5, y: Y(v), 'text-anchor': 'end', 'dominant-baseline': 'middle', class: 'chart-value' }, String(v)),
    );
  }
  for (let x = 0; x <= xTop; x += xStep) {
    svg.append(s('text', { x: X(x), y: height - m.bottom + 14, 'text-anchor': 'middle', class: 'chart-value' }, String(x)));
  }
  axes(svg, { ...m, width, height, plotW, plotH }, opts.xLabel, opts.yLabel);
  for (const p of points) {
    const g = s('g', { class: 'dot' });
    g.append(
      s('title', {}, `${p.label ? `${p.label}: ` : ''}${fmtNumber(p.x, 0)} / ${fmtNumber(p.y, 1)} %`),
      s('circle', { cx: X(p.x), cy: Y(p.y), r: 4, fill: '#2e7d6b', 'fill-opacity': 0.7 }),
    );
    svg.append(g);
  }
  return svg;
}

export interface SeriesLine {
  label: string;
  values: (number | null)[];
  colour: string;
  dashed?: boolean;
}

/**
 * Weekly counts by week (a line with a dot per reported week; an alarmed week red) and the
 * methods' bounds as lines; missing values break the lines. Week labels every 13 weeks.
 */
export function seriesChart(
  weeks: string[],
  counts: (number | null)[],
  bounds: SeriesLine[],
  alarms: boolean[],
  opts: { title: string; testid: string; xLabel: string; yLabel: string },
): SVGSVGElement {
  const width = 720;
  const height = 240;
  const m = { left: 44, right: 12, top: 12, bottom: 40 };
  const plotW = width - m.left - m.right;
  const plotH = height - m.top - m.bottom;
  const all = [...counts, ...bounds.flatMap((b) => b.values)].filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  const hi = Math.max(1, ...all);
  const step = hi <= 10 ? 2 : hi <= 50 ? 10 : hi <= 200 ? 25 : 100;
  const yMax = Math.ceil(hi / step) * step;
  const X = (i: number) => m.left + (weeks.length > 1 ? (i / (weeks.length - 1)) * plotW : plotW / 2);
  const Y = (y: number) => m.top + plotH - (y / yMax) * plotH;
  const svg = s('svg', {
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-label': opts.title,
    class: 'chart series-chart',
    'data-testid': opts.testid,
    preserveAspectRatio: 'xMinYMin meet',
  });
  svg.append(s('title', {}, opts.title));
  for (let v = 0; v <= yMax + 1e-9; v += step) {
    svg.append(
      s('line', { x1: m.left, x2: width - m.right, y1: Y(v), y2: Y(v), stroke: '#e0e6e4', 'stroke-width': 1 }),
      s('text', { x: m.left - 5, y: Y(v), 'text-anchor': 'end', 'dominant-baseline': 'middle', class: 'chart-value' }, fmtNumber(v, 0)),
    );
  }
  weeks.forEach((w, i) => {
    if (i % 13 === 0 || i === weeks.length - 1) {
      svg.append(s('text', { x: X(i), y: height - m.bottom + 14, 'text-anchor': 'middle', class: 'chart-value' }, w));
    }
  });
  axes(svg, { ...m, width, height, plotW, plotH }, opts.xLabel, opts.yLabel);
  // A polyline per run of known values.
  const path = (values: (number | null)[], attrs: Record<string, string | number>) => {
    let run: string[] = [];
    const flush = () => {
      if (run.length > 1) svg.append(s('polyline', { points: run.join(' '), fill: 'none', ...attrs }));
      run = [];
    };
    values.forEach((v, i) => {
      if (typeof v === 'number' && Number.isFinite(v)) run.push(`${X(i)},${Y(v)}`);
      else flush();
    });
    flush();
  };
  for (const b of bounds) {
    const g = s('g', { class: 'bound', 'data-label': b.label });
    g.append(s('title', {}, b.label));
    svg.append(g);
    path(b.values, { stroke: b.colour, 'stroke-width': 1.5, ...(b.dashed ? { 'stroke-dasharray': '5 3' } : {}) });
  }
  path(counts, { stroke: '#37474f', 'stroke-width': 2 });
  counts.forEach((v, i) => {
    if (typeof v !== 'number') return;
    const g = s('g', { class: alarms[i] ? 'dot alarm' : 'dot' });
    g.append(
      s('title', {}, `${weeks[i]}: ${fmtNumber(v, 0)}`),
      s('circle', { cx: X(i), cy: Y(v), r: alarms[i] ? 4 : 2, fill: alarms[i] ? '#c62828' : '#37474f' }),
    );
    svg.append(g);
  });
  return svg;
}
