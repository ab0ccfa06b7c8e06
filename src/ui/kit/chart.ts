import type { HistoryPoint } from '../../round/history';

const NS = 'http://www.w3.org/2000/svg';

function svg(tag: string, attrs: Record<string, string | number>): SVGElement {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

export interface Series {
  values: number[];
  color: string;
  label: string;
  /** A dash pattern, so a line is told apart by its shape as well as its colour. */
  dash?: string;
}

/** A small line chart, each series scaled to its own range (shapes, not magnitudes, are compared). */
export function lineChart(series: Series[], width: number, height: number, title: string): SVGElement {
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': title });
  const pad = 4;
  for (const s of series) {
    const n = s.values.length;
    if (n === 0) continue;
    const min = Math.min(...s.values);
    const max = Math.max(...s.values);
    const span = max - min || 1;
    const pts = s.values
      .map((v, i) => {
        const x = pad + (n === 1 ? 0 : ((width - 2 * pad) * i) / (n - 1));
        const y = height - pad - ((height - 2 * pad) * (v - min)) / span;
        return `${x.toFixed(1)},${y.toFixed(1)}`;
      })
      .join(' ');
    const line = svg('polyline', { points: pts, fill: 'none', stroke: s.color, 'stroke-width': 2.5 });
    if (s.dash) line.setAttribute('stroke-dasharray', s.dash);
    root.append(line);
  }
  return root;
}

export function learningVsNines(history: HistoryPoint[], width: number, height: number): SVGElement {
  return lineChart(
    [
      { values: history.map((p) => p.nines), color: '#7f8da6', label: 'nines', dash: '5 4' },
      { values: history.map((p) => p.learning), color: '#ffb13b', label: 'learning' },
    ],
    width,
    height,
    'Learning (solid orange line) and nines (dashed grey line) over the round',
  );
}

/** Grouped bars: incidents per week here and in the never-learning replay. */
export function weeklyBars(here: number[], replay: number[], width: number, height: number): SVGElement {
  const root = svg('svg', {
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    role: 'img',
    'aria-label':
      'Incidents per week: this round (solid orange bars) and the never-learning replay (hollow dashed grey bars)',
  });
  const max = Math.max(1, ...here, ...replay);
  const n = Math.max(here.length, replay.length);
  const groupW = (width - 20) / Math.max(1, n);
  for (let i = 0; i < n; i++) {
    const x = 10 + i * groupW;
    const bars: [number, string][] = [
      [replay[i] ?? 0, '#7f8da6'],
      [here[i] ?? 0, '#ffb13b'],
    ];
    bars.forEach(([v, color], j) => {
      const h = ((height - 24) * v) / max;
      // The replay's bars are hollow and dashed, this round's solid: told apart without their colours.
      const hollow = j === 0;
      const bar = svg('rect', {
        x: x + j * (groupW * 0.38) + groupW * 0.1,
        y: height - 18 - h,
        width: groupW * 0.34,
        height: h,
        fill: hollow ? 'none' : color,
        stroke: color,
        'stroke-width': 2,
        ...(hollow ? { 'stroke-dasharray': '4 3' } : {}),
      });
      const tip = svg('title', {});
      tip.textContent = `Week ${i + 1}: ${v} ${hollow ? 'in the replay' : 'here'}`;
      bar.append(tip);
      root.append(bar);
    });
    const t = svg('text', {
      x: x + groupW / 2,
      y: height - 4,
      'text-anchor': 'middle',
      'font-size': 12,
      fill: '#c9d3e3',
    });
    t.textContent = `W${i + 1}`;
    root.append(t);
  }
  return root;
}
