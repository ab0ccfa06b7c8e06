import type { Snapshot } from '../sim';

export interface Point {
  x: number;
  y: number;
}

/** How far a service's drawing reaches above its centre: its ring, the other timeline's ring, a flame. */
const NODE_REACH = 38;

/**
 * Places services left to right from what customers touch to what everything
 * rests on: a service sits one column right of its furthest dependent. With `keepClear`, the band above that
 * height stays free of services (the coach's tip sits there in a guided round).
 */
export function serviceLayout(s: Snapshot, width: number, height: number, keepClear = 0): Record<string, Point> {
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
  const padBottom = 64;
  // The first row's centre sits half a row under the top of the usable height: the top is set so that the
  // tallest column's first service starts under the band kept clear.
  const rows = Math.max(1, ...columns.map((col) => col.length));
  const clearTop = (keepClear + NODE_REACH - (height - padBottom) / (2 * rows)) / (1 - 1 / (2 * rows));
  const padTop = Math.max(64, keepClear > 0 ? clearTop : 0);
  const usableW = Math.max(100, width - 2 * padX);
  const usableH = Math.max(100, height - padTop - padBottom);
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

/** The smallest room a person needs across: a disc with its fatigue ring, and a little air. */
export const PERSON_STEP_MIN = 52;
const PERSON_STEP_MAX = 64;
const PERSON_ROW = 74;
const BAND_HEADER = 40;

export interface TeamColumn {
  team: string;
  x0: number;
  width: number;
  members: string[];
  perRow: number;
  step: number;
}

/**
 * The people band: a column per team, as wide as its share of the people, and as many rows as the most crowded
 * team needs so that no two people (or their names) sit closer than PERSON_STEP_MIN.
 */
export function peopleBand(s: Snapshot, width: number): { columns: TeamColumn[]; height: number } {
  const byTeam = s.teamOrder.map((team) => ({
    team,
    members: s.engineerOrder.filter((id) => s.engineers[id]?.team === team),
  }));
  const sizes = byTeam.map((t) => Math.max(2, t.members.length));
  const total = sizes.reduce((a, b) => a + b, 0) || 1;
  let x = 0;
  let rows = 1;
  const columns = byTeam.map((t, i) => {
    const colW = (width * (sizes[i] ?? 2)) / total;
    const inner = Math.max(PERSON_STEP_MIN, colW - 12);
    const perRow = Math.max(1, Math.min(t.members.length, Math.floor(inner / PERSON_STEP_MIN)));
    const step = Math.min(PERSON_STEP_MAX, inner / perRow);
    rows = Math.max(rows, Math.ceil(t.members.length / perRow));
    const column = { team: t.team, x0: x, width: colW, members: t.members, perRow, step };
    x += colW;
    return column;
  });
  return { columns, height: BAND_HEADER + rows * PERSON_ROW + 24 };
}

const line = (size: number, least: number, k: number, textScale: number) =>
  1.25 * Math.max(least, size * k) * textScale;

/** From the top of a node's ring to the foot of its second label under it, at scale `k`. */
export function nodeSpan(k: number, textScale = 1): number {
  return 63 * k + 3 + line(16, 11, k, textScale) + line(13, 10, k, textScale);
}

/** The height a node takes with its two labels beside it rather than under it. */
export function nodeSpanBeside(k: number, textScale = 1): number {
  return Math.max(66 * k, line(16, 11, k, textScale) + line(13, 10, k, textScale));
}

export interface NodeFit {
  /** 1 is full size. */
  k: number;
  /** The labels go beside the nodes: a column is too crowded to stack them underneath. */
  beside: boolean;
  /**
   * The largest scale at which the labels still fit under the nodes, when the map chose to put them beside
   * (null when they do not fit under at any scale): the way back when the columns are too close for them beside.
   */
  under: number | null;
}

/** How the service nodes shrink, and where their labels go, so that the most crowded column fits without overlap. */
export function nodeScale(positions: Record<string, Point>, textScale = 1): NodeFit {
  const columns = new Map<number, number[]>();
  for (const p of Object.values(positions))
    columns.set(Math.round(p.x), [...(columns.get(Math.round(p.x)) ?? []), p.y]);
  let gap = Number.POSITIVE_INFINITY;
  for (const ys of columns.values()) {
    ys.sort((a, b) => a - b);
    for (let i = 1; i < ys.length; i++) gap = Math.min(gap, (ys[i] ?? 0) - (ys[i - 1] ?? 0));
  }
  // In whole hundredths: 1 − 4 × 0.05 in floating point is 0.7999…, which is not 0.8.
  const largest = (span: (k: number, t: number) => number, least: number) => {
    let hundredths = 100;
    while (hundredths > least * 100 && span(hundredths / 100, textScale) > gap - 6) hundredths -= 5;
    return hundredths / 100;
  };
  const under = largest(nodeSpan, 0.5);
  const fitsUnder = nodeSpan(under, textScale) <= gap - 6;
  if (fitsUnder && under >= 0.8) return { k: under, beside: false, under };
  return { k: largest(nodeSpanBeside, 0.5), beside: true, under: fitsUnder ? under : null };
}
