import {
  compareWithReplay,
  Replay,
  type Scenario,
  type SilentReport,
  type SilentSuccess,
  type SimState,
  type Snapshot,
  scoreCard,
  type TimedInput,
} from '../sim';

/** What the other timeline looks like right now, for the HUD, the map and the report. */
export interface GhostView {
  /** Services burning in the never-learning timeline at this minute. */
  burning: string[];
  /** The never-learning organization's score on the same luck: par. */
  par: number;
  report: SilentReport;
}

/**
 * The ghost timeline: the never-learning organization on the same luck and the same outside inputs,
 * advanced minute for minute beside the player's round.
 */
export class GhostTimeline {
  private readonly replay: Replay;
  private seen = new Set<string>();

  constructor(scenario: Scenario, ours: Pick<SimState, 'seed' | 'weeks' | 'ownership'>, inputs: TimedInput[] = []) {
    this.replay = new Replay(scenario, ours, inputs);
  }

  /** An outside fire the player's timeline just faced: the ghost faces it at the same minute. */
  add(input: TimedInput): void {
    this.replay.add(input);
  }

  /** Catches up with the player's round; returns what it looks like and the silent successes that just became visible. */
  follow(ours: Snapshot): { view: GhostView; justPrevented: SilentSuccess[] } {
    const other = this.replay.advanceTo(ours.now);
    const report = compareWithReplay(ours, other);
    const burning = new Set<string>();
    for (const id of other.openIncidents) {
      const inc = other.incidents[id];
      if (inc && inc.phase !== 'mitigated') for (const s of inc.affected) burning.add(s);
    }
    const justPrevented = report.prevented.filter((p) => !this.seen.has(p.incident.id));
    for (const p of justPrevented) this.seen.add(p.incident.id);
    return { view: { burning: [...burning], par: scoreCard(other).score, report }, justPrevented };
  }

  /** When each incident of the ghost timeline started, for the weekly chart. */
  incidentStarts(): number[] {
    const r = this.replay.state();
    return r.incidentOrder.filter((id) => !r.incidents[id]?.prior).map((id) => r.incidents[id]?.startedAt ?? 0);
  }
}
