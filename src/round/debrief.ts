import {
  createSimulationFromState,
  createWorld,
  type InputLog,
  isCommandEntry,
  isWorldInput,
  type Policy,
  policies,
  type SimState,
  scheduledFires,
  type TimedInput,
  Timeline,
} from '../sim';
import { type DebriefMark, marksOf } from './debriefMarks';

export type { DebriefMark };

/** How far apart the kept worlds are, in simulated minutes: scrubbing replays at most this much. */
const STEP = 360;

/**
 * One timeline that can be seen at any minute: worlds are kept every few hours as it is played
 * forward (they are immutable, so keeping one costs only what changed), and a minute between two
 * is replayed from the one before.
 */
class Scrubbable {
  private readonly kept: SimState[] = [];

  constructor(
    start: SimState,
    private readonly policy: Policy | null,
    private readonly inputs: TimedInput[],
    private readonly end: number,
    /** False for the never-learning replay, which plays on past its own collapse. */
    private readonly canLose = true,
  ) {
    this.kept.push(this.play(start, 0, true));
  }

  at(minute: number): SimState {
    const m = Math.max(0, Math.min(Math.floor(minute), this.end));
    const i = Math.floor(m / STEP);
    while (this.kept.length <= i) {
      const last = this.kept[this.kept.length - 1] as SimState;
      this.kept.push(this.play(last, Math.min(this.kept.length * STEP, this.end)));
    }
    const from = this.kept[i] as SimState;
    return from.now === m ? from : this.play(from, m);
  }

  /** Plays from a kept world to a minute; inputs at the kept world's own minute were already applied. */
  private play(from: SimState, to: number, fresh = false): SimState {
    const due = this.inputs.filter((x) => (fresh ? x.at >= from.now : x.at > from.now));
    return new Timeline(createSimulationFromState(from, this.canLose), this.policy, due).advanceTo(to);
  }
}

/**
 * The debrief: the round and its never-learning replay, both to be seen at any minute, from the
 * input log alone; and the moments that mattered, marked.
 */
export class Debrief {
  readonly end: number;
  private readonly ours: Scrubbable;
  private readonly ghost: Scrubbable;
  readonly marks: DebriefMark[];

  constructor(log: InputLog) {
    this.end = log.until;
    const start = () => createWorld(log.scenario, { seed: log.seed, weeks: log.weeks, ownership: log.ownership });
    const commands = log.entries.filter(isCommandEntry);
    const all: TimedInput[] = commands.map((e) => ({ at: e.at, command: e.command }));
    const outside: TimedInput[] = [
      ...scheduledFires(log.scenario),
      ...commands
        .filter((e) => isWorldInput(e.command) && e.by !== 'scenario')
        .map((e) => ({ at: e.at, command: e.command })),
    ];
    this.ours = new Scrubbable(start(), null, all, this.end);
    this.ghost = new Scrubbable(start(), policies.baseline ?? null, outside, this.end, false);
    this.marks = marksOf(this.ours.at(this.end), this.ghost.at(this.end), log);
  }

  at(minute: number): { ours: SimState; ghost: SimState } {
    return { ours: this.ours.at(minute), ghost: this.ghost.at(minute) };
  }
}
