import type { Curve, CurvePoint } from '../../round/evidence/curves';

const NS = 'http://www.w3.org/2000/svg';

function svg(tag: string, attrs: Record<string, string | number>): SVGElement {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

const HERE = '#ffb13b';
const REPLAY = '#7f8da6';

/**
 * A learning curve: one interval's minutes, incident after incident, here (solid orange) and for the
 * never-learning organization (dashed grey), on one scale so the two can be compared. An incident where it
 * never happened is a hollow mark along the top.
 */
export function curveChart(curve: Curve, width: number, height: number, title: string): SVGElement {
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': title });
  const pad = 8;
  /** Marks for "never" run along the top; the scale's label sits under them; the data below. */
  const neverY = 6;
  const top = 24;
  const all = [...curve.table, ...curve.replay].map((p) => p.minutes).filter((m): m is number => m !== null);
  const max = Math.max(1, ...all);
  const n = Math.max(curve.table.length, curve.replay.length, 2);
  const x = (i: number) => pad + ((width - 2 * pad) * i) / (n - 1);
  const y = (m: number) => height - pad - ((height - pad - top) * m) / max;
  root.append(
    svg('line', { x1: pad, x2: width - pad, y1: height - pad, y2: height - pad, stroke: '#3a4760', 'stroke-width': 1 }),
  );
  const label = svg('text', { x: width - pad, y: 19, 'font-size': 10, fill: '#9fb0c9', 'text-anchor': 'end' });
  label.textContent = `${Math.round(max)} min`;
  root.append(label);
  const draw = (points: CurvePoint[], color: string, dash: string | null) => {
    const done = points.map((p, i) => ({ i, m: p.minutes })).filter((p): p is { i: number; m: number } => p.m !== null);
    if (done.length > 1) {
      const line = svg('polyline', {
        points: done.map((p) => `${x(p.i).toFixed(1)},${y(p.m).toFixed(1)}`).join(' '),
        fill: 'none',
        stroke: color,
        'stroke-width': 2,
      });
      if (dash) line.setAttribute('stroke-dasharray', dash);
      root.append(line);
    }
    points.forEach((p, i) => {
      const never = p.minutes === null;
      const dot = svg('circle', {
        cx: x(i).toFixed(1),
        cy: (never ? neverY : y(p.minutes ?? 0)).toFixed(1),
        r: 3,
        fill: never || dash ? 'none' : color,
        stroke: color,
        'stroke-width': 1.5,
      });
      const tip = svg('title', {});
      tip.textContent = `Round ${p.round}, incident ${p.incident}: ${never ? 'never' : `${p.minutes} min`}${dash ? ' (never-learning)' : ''}`;
      dot.append(tip);
      root.append(dot);
    });
  };
  draw(curve.replay, REPLAY, '4 3');
  draw(curve.table, HERE, null);
  return root;
}
