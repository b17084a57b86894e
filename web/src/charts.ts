// Horizontal bar charts written as plain SVG (no chart library).

import { fmtNumber } from './ui';

const kNs = 'http://www.w3.org/2000/svg';

function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}, text?: string): SVGElementTagNameMap[K] {
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
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': opts.title, class: 'chart', 'data-testid': opts.testid, preserveAspectRatio: 'xMinYMin meet' });
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
