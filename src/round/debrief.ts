import {
  compareWithReplay,
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
import { creditText } from './seats';

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

/** A moment worth stopping at in the debrief. */
export interface DebriefMark {
  at: number;
  kind: 'incident' | 'prevented' | 'item' | 'decision';
  text: string;
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

const DECIDERS = new Set(['player', 'bot', 'demo']);
const DECISIONS = new Set(['mitigate', 'escalateToExpert', 'pullInTeam', 'publishRetro', 'runDrill', 'reviewNearMiss']);

function marksOf(ours: SimState, ghost: SimState, log: InputLog): DebriefMark[] {
  const marks: DebriefMark[] = [];
  const name = (id: string) => ours.services[id]?.name ?? id;
  for (const id of ours.incidentOrder) {
    const inc = ours.incidents[id];
    if (inc && !inc.prior)
      marks.push({ at: inc.startedAt, kind: 'incident', text: `${name(inc.affected[0] ?? '')} burned here` });
  }
  for (const p of compareWithReplay(ours, ghost).prevented) {
    marks.push({
      at: p.incident.startedAt,
      kind: 'prevented',
      text: `${name(p.incident.affected[0] ?? '')} burned in the replay, not here: ${p.preventedBy.title}`,
    });
  }
  for (const item of Object.values(ours.actionItems)) {
    if (item.status === 'closed' && item.closedAt !== null)
      marks.push({ at: item.closedAt, kind: 'item', text: `Closed: ${item.title}` });
  }
  for (const e of log.entries) {
    if (isCommandEntry(e) && DECIDERS.has(e.by) && DECISIONS.has(e.command.type)) {
      const text = decisionText(e.command.type);
      marks.push({ at: e.at, kind: 'decision', text: e.seat ? `${text} by ${creditText(e.seat)}` : text });
    }
  }
  return marks.sort((a, b) => a.at - b.at).slice(0, 200);
}

function decisionText(type: string): string {
  const words: Record<string, string> = {
    mitigate: 'A mitigation was chosen',
    escalateToExpert: 'The expert was called',
    pullInTeam: 'Another team was pulled in',
    publishRetro: 'A retro was published',
    runDrill: 'A drill was run',
    reviewNearMiss: 'A near miss was reviewed',
  };
  return words[type] ?? type;
}
