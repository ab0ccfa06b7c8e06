import type { Snapshot } from '../sim';

export interface Point {
  x: number;
  y: number;
}

/**
 * Places services left to right from what customers touch to what everything
 * rests on: a service sits one column right of its furthest dependent.
 */
export function serviceLayout(s: Snapshot, width: number, height: number): Record<string, Point> {
  const depth: Record<string, number> = {};
  const visit = (id: string, seen: Set<string>): number => {
    if (depth[id] !== undefined) return depth[id] as number;
    if (seen.has(id)) return 0;
    seen.add(id);
    const deps = s.services[id]?.dependsOn ?? [];
    const d = deps.length === 0 ? 0 : 1 + Math.max(...deps.map((dep) => visit(dep, seen)));
    depth[id] = d;
    return d;
  };
  for (const id of s.serviceOrder) visit(id, new Set());
  const maxDepth = Math.max(0, ...Object.values(depth));
  const columns: string[][] = Array.from({ length: maxDepth + 1 }, () => []);
  for (const id of s.serviceOrder) columns[maxDepth - (depth[id] ?? 0)]?.push(id);
  const out: Record<string, Point> = {};
  const padX = 70;
  const padTop = 64;
  const usableW = Math.max(100, width - 2 * padX);
  const usableH = Math.max(100, height - padTop - 64);
  columns.forEach((col, c) => {
    const x = padX + (columns.length === 1 ? usableW / 2 : (usableW * c) / (columns.length - 1));
    col.forEach((id, r) => {
      const y = padTop + (usableH * (r + 0.5)) / col.length + (c % 2 === 1 && col.length > 1 ? 18 : 0);
      out[id] = { x, y };
    });
  });
  return out;
}

export function hexToNumber(hex: string): number {
  const n = Number.parseInt(hex.replace('#', ''), 16);
  return Number.isFinite(n) ? n : 0x888888;
}

/** Fatigue colour: calm green to alarm red. */
export function fatigueColor(f: number): number {
  const r = Math.round(80 + 175 * Math.min(1, f * 1.3));
  const g = Math.round(200 - 150 * Math.min(1, f));
  return (r << 16) | (g << 8) | 70;
}

/**
 * A short mark per team drawn inside its services, so a team is told apart by more than colour: the
 * initial, or as many letters of the name as it takes to differ from every other team ("St", "SR").
 */
export function teamMarks(s: Snapshot): Record<string, string> {
  const names = s.teamOrder.map((id) => ({ id, name: s.teams[id]?.name ?? id }));
  const marks: Record<string, string> = {};
  for (const { id, name } of names) {
    let n = 1;
    const clash = (len: number) =>
      names.some((o) => o.id !== id && o.name.slice(0, len).toUpperCase() === name.slice(0, len).toUpperCase());
    while (n < Math.min(3, name.length) && clash(n)) n++;
    marks[id] = name.slice(0, n);
  }
  return marks;
}
