const NS = 'http://www.w3.org/2000/svg';

function svg(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

export interface BarPair {
  label: string;
  /** The first bar; null draws nothing (a value not known yet). */
  first: number | null;
  second: number | null;
}

export interface BarNames {
  title: string;
  first: { name: string; color: string };
  second: { name: string; color: string };
}

const short = (text: string) => (text.length > 14 ? `${text.slice(0, 13)}…` : text);

/** Two bars per table, with values on top and a legend: small enough for a projector slide. */
export function pairedBars(rows: readonly BarPair[], names: BarNames, width: number, height: number): SVGElement {
  const root = svg('svg', {
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    role: 'img',
    'aria-label': names.title,
    class: 'table-bars',
  });
  const top = 54;
  const bottom = 26;
  const values = rows.flatMap((r) => [r.first ?? 0, r.second ?? 0]);
  const max = Math.max(1, ...values);
  const min = Math.min(0, ...values);
  const span = max - min;
  const plot = height - top - bottom;
  const zero = top + (plot * max) / span;
  const slot = (width - 16) / Math.max(1, rows.length);
  const bar = Math.min(36, slot / 3);
  root.append(svg('text', { x: 8, y: 14, class: 'bars-title' }, names.title));
  [names.first, names.second].forEach((n, i) => {
    const x = 8 + i * 150;
    root.append(svg('rect', { x, y: 20, width: 10, height: 10, fill: n.color }));
    root.append(svg('text', { x: x + 14, y: 29, class: 'bars-legend' }, n.name));
  });
  root.append(svg('line', { x1: 8, x2: width - 8, y1: zero, y2: zero, stroke: '#3a4760' }));
  rows.forEach((r, i) => {
    const center = 8 + slot * i + slot / 2;
    for (const [k, v] of [r.first, r.second].entries()) {
      if (v === null) continue;
      const x = center + (k === 0 ? -bar - 2 : 2);
      const y = v >= 0 ? zero - (plot * v) / span : zero;
      const h = Math.max(1, (plot * Math.abs(v)) / span);
      const color = k === 0 ? names.first.color : names.second.color;
      root.append(svg('rect', { x, y, width: bar, height: h, fill: color, rx: 2 }));
      root.append(
        svg('text', { x: x + bar / 2, y: y - 3, class: 'bars-value', 'text-anchor': 'middle' }, `${Math.round(v)}`),
      );
    }
    root.append(
      svg('text', { x: center, y: height - 8, class: 'bars-label', 'text-anchor': 'middle' }, short(r.label)),
    );
  });
  return root;
}
