import {
  compareWithReplay,
  Replay,
  type Scenario,
  type ScoreTerms,
  type SilentReport,
  type SilentSuccess,
  type SimState,
  type Snapshot,
  scoreTerms,
  type TimedInput,
} from '../sim';
import { mapState } from './burning';

/** What the other timeline looks like right now, for the HUD, the map and the report. */
export interface GhostView {
  /** The never-learning organization's world at this minute. */
  world: Snapshot;
  /** Services burning in the never-learning timeline at this minute. */
  burning: string[];
  /** The never-learning organization's score on the same luck: par (worked out when first read). */
  readonly par: number;
  /** Par's terms, which the round's outcome is weighed against (worked out when first read). */
  readonly parTerms: ScoreTerms;
  report: SilentReport;
}

/**
 * The ghost timeline: the never-learning organization on the same luck and the same outside inputs,
 * advanced minute for minute beside the player's round.
 */
export class GhostTimeline {
  private readonly replay: Replay;
  private seen = new Set<string>();
  /** Bumped at every follow: a view of a world stepped in place may work out par only until the next. */
  private followed = 0;

  constructor(
    scenario: Scenario,
    ours: Pick<SimState, 'seed' | 'weeks' | 'ownership'>,
    inputs: TimedInput[] = [],
    private readonly fast = false,
  ) {
    this.replay = new Replay(scenario, ours, inputs, fast);
  }

  /** An outside fire the player's timeline just faced: the ghost faces it at the same minute. */
  add(input: TimedInput): void {
    this.replay.add(input);
  }

  /** Catches up with the player's round; returns what it looks like and the silent successes that just became visible. */
  follow(ours: Snapshot): { view: GhostView; justPrevented: SilentSuccess[] } {
    const other = this.replay.advanceTo(ours.now);
    const report = compareWithReplay(ours, other);
    const burning = mapState(other).onFire;
    const justPrevented = report.prevented.filter((p) => !this.seen.has(p.incident.id));
    for (const p of justPrevented) this.seen.add(p.incident.id);
    const at = ++this.followed;
    // Par is read by the screens that show it, not at every minute a round passes through: worked out once, when
    // first read. A world stepped in place has moved on by the next follow, so its par can no longer be read then.
    let terms: ScoreTerms | undefined;
    const parTerms = (): ScoreTerms => {
      if (terms) return terms;
      if (this.fast && at !== this.followed)
        throw new Error('par read from a ghost view stepped in place after the ghost moved on: read it before');
      terms = scoreTerms(other);
      return terms;
    };
    const view: GhostView = {
      world: other,
      burning: [...burning],
      get par() {
        return parTerms().score;
      },
      get parTerms() {
        return parTerms();
      },
      report,
    };
    return { view, justPrevented };
  }

  /** The never-learning organization's world as far as it has been followed. */
  world(): SimState {
    return this.replay.state();
  }

  /** When each incident of the ghost timeline started, for the weekly chart. */
  incidentStarts(): number[] {
    const r = this.replay.state();
    return r.incidentOrder.filter((id) => !r.incidents[id]?.prior).map((id) => r.incidents[id]?.startedAt ?? 0);
  }
}
