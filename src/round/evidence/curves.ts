import { INTERVALS, type IntervalKey, intervalCredit, intervalOf } from './intervals';
import type { IncidentMarks } from './marks';
import type { RoundEvidence } from './roundEvidence';

/** One incident on a learning curve: which round, its place in the session, and how long the interval took. */
export interface CurvePoint {
  /** The round, from 1. */
  round: number;
  /** The incident's place among the session's incidents on its timeline, from 1. */
  incident: number;
  /** Minutes; null when the interval never ended (no commander named, no retro held). */
  minutes: number | null;
}

/** How one interval changed across the session's incidents, here and in the never-learning replay. */
export interface Curve {
  key: IntervalKey;
  table: CurvePoint[];
  replay: CurvePoint[];
}

function points(rounds: readonly RoundEvidence[], side: 'incidents' | 'replay', key: IntervalKey): CurvePoint[] {
  const out: CurvePoint[] = [];
  rounds.forEach((r, i) => {
    for (const m of r[side]) out.push({ round: i + 1, incident: out.length + 1, minutes: intervalOf(m, key) });
  });
  return out;
}

/** The table's learning curves, one per interval, beside the never-learning replay's on the same luck. */
export function learningCurves(rounds: readonly RoundEvidence[]): Curve[] {
  return INTERVALS.map(({ key }) => ({
    key,
    table: points(rounds, 'incidents', key),
    replay: points(rounds, 'replay', key),
  }));
}

/** A stretch of incidents summed up: how many, in how many the interval ended, and its median when it did. */
export interface Stretch {
  incidents: number;
  happened: number;
  median: number | null;
}

export function stretchOf(values: readonly (number | null)[]): Stretch {
  const done = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  const mid = Math.floor(done.length / 2);
  const median =
    done.length === 0 ? null : done.length % 2 ? (done[mid] ?? 0) : ((done[mid - 1] ?? 0) + (done[mid] ?? 0)) / 2;
  return { incidents: values.length, happened: done.length, median };
}

/** The first half of a session's incidents against the second (the middle one goes with the first). */
export function halves<T>(list: readonly T[]): [T[], T[]] {
  const cut = Math.ceil(list.length / 2);
  return [list.slice(0, cut), list.slice(cut)];
}

/** One interval, early in the session against late, for the table and for the replay. */
export interface Change {
  key: IntervalKey;
  early: Stretch;
  late: Stretch;
  replayEarly: Stretch;
  replayLate: Stretch;
}

const minutesOf = (list: readonly CurvePoint[]) => list.map((p) => p.minutes);

/** What changed from the first half of the session's incidents to the second, beside the replay's. */
export function changes(curves: readonly Curve[]): Change[] {
  return curves.map((c) => {
    const [early, late] = halves(c.table);
    const [replayEarly, replayLate] = halves(c.replay);
    return {
      key: c.key,
      early: stretchOf(minutesOf(early)),
      late: stretchOf(minutesOf(late)),
      replayEarly: stretchOf(minutesOf(replayEarly)),
      replayLate: stretchOf(minutesOf(replayLate)),
    };
  });
}

/** Each round's median of each interval, here and in the replay: the curve across rounds. */
export interface RoundLine {
  round: number;
  scenario: string;
  seed: number;
  intervals: Record<IntervalKey, { table: Stretch; replay: Stretch }>;
}

export function roundLines(rounds: readonly RoundEvidence[]): RoundLine[] {
  return rounds.map((r, i) => ({
    round: i + 1,
    scenario: r.scenario.name,
    seed: r.seed,
    intervals: Object.fromEntries(
      INTERVALS.map(({ key }) => [
        key,
        {
          table: stretchOf(r.incidents.map((m) => intervalOf(m, key))),
          replay: stretchOf(r.replay.map((m) => intervalOf(m, key))),
        },
      ]),
    ) as RoundLine['intervals'],
  }));
}

/** The decisions a player is credited with, interval by interval, in the order they made them. */
export interface PlayerCurve {
  player: string;
  curves: { key: IntervalKey; points: CurvePoint[] }[];
}

/** Per player: the intervals that ended with their decision, across the session (players in order of first credit). */
export function playerCurves(rounds: readonly RoundEvidence[]): PlayerCurve[] {
  const players: string[] = [];
  const all: { round: number; incident: number; m: IncidentMarks }[] = [];
  rounds.forEach((r, i) => {
    for (const m of r.incidents) {
      all.push({ round: i + 1, incident: all.length + 1, m });
      for (const p of Object.values(m.credit)) if (p !== undefined && !players.includes(p)) players.push(p);
    }
  });
  return players.map((player) => ({
    player,
    curves: INTERVALS.map(({ key }) => ({
      key,
      points: all
        .filter((x) => intervalCredit(x.m, key) === player)
        .map((x) => ({ round: x.round, incident: x.incident, minutes: intervalOf(x.m, key) })),
    })).filter((c) => c.points.length > 0),
  }));
}
