import type { PlaceAtMinute } from '../../round/debriefMoment';

const NS = 'http://www.w3.org/2000/svg';

function svg(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

const FILL: Record<PlaceAtMinute['state'], string> = { fire: '#ff5a1f', recovering: '#5cc8ff', calm: '#2a3650' };
const WORDS: Record<PlaceAtMinute['state'], string> = { fire: 'on fire', recovering: 'recovering', calm: 'calm' };

/** Columns from what customers touch to what everything rests on: a service sits right of whatever depends on it. */
function columns(places: readonly PlaceAtMinute[]): string[][] {
  const byId = new Map(places.map((p) => [p.id, p]));
  const depth = new Map<string, number>();
  const visit = (id: string, seen: Set<string>): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    if (seen.has(id)) return 0;
    seen.add(id);
    const deps = byId.get(id)?.dependsOn ?? [];
    const d = deps.length === 0 ? 0 : 1 + Math.max(...deps.map((x) => visit(x, seen)));
    depth.set(id, d);
    return d;
  };
  for (const p of places) visit(p.id, new Set());
  const deepest = Math.max(0, ...depth.values());
  const out: string[][] = Array.from({ length: deepest + 1 }, () => []);
  for (const p of places) out[deepest - (depth.get(p.id) ?? 0)]?.push(p.id);
  return out;
}

/** The map as it was at the chosen minute: each service on fire, recovering or calm, with its dependencies. */
export function debriefMap(places: readonly PlaceAtMinute[], title: string): SVGElement {
  const width = 520;
  const cols = columns(places);
  const rows = Math.max(1, ...cols.map((c) => c.length));
  const height = 34 + rows * 44;
  const at = new Map<string, { x: number; y: number }>();
  cols.forEach((col, c) => {
    const x = 56 + (cols.length === 1 ? (width - 112) / 2 : ((width - 112) * c) / (cols.length - 1));
    col.forEach((id, r) => {
      at.set(id, { x, y: 22 + ((height - 34) * (r + 0.5)) / col.length });
    });
  });
  const burning = places.filter((p) => p.state !== 'calm').map((p) => `${p.name} ${WORDS[p.state]}`);
  const root = svg('svg', {
    viewBox: `0 0 ${width} ${height}`,
    width: '100%',
    role: 'img',
    'aria-label': `${title}: ${burning.length ? burning.join(', ') : 'everything calm'}`,
    class: 'debrief-map',
  });
  for (const p of places)
    for (const dep of p.dependsOn) {
      const a = at.get(p.id);
      const b = at.get(dep);
      if (a && b)
        root.append(svg('line', { x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: '#52627d', 'stroke-width': 1.5 }));
    }
  for (const p of places) {
    const q = at.get(p.id);
    if (!q) continue;
    const node = svg('g', { 'data-service': p.id, 'data-state': p.state });
    node.append(svg('circle', { cx: q.x, cy: q.y, r: 9, fill: FILL[p.state], stroke: '#c9d3e3', 'stroke-width': 1 }));
    node.append(
      svg(
        'text',
        {
          x: q.x,
          y: q.y - 13,
          'text-anchor': 'middle',
          'font-size': 12,
          fill: p.state === 'fire' ? '#ffb38a' : '#c9d3e3',
        },
        p.name,
      ),
    );
    root.append(node);
  }
  return root;
}
