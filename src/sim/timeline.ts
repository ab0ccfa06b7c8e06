import type { Minute } from './clock';
import type { Command } from './commands';
import { asGivenBy, type Credit, type InputSource, type LogEntry } from './inputLog';
import type { SimState } from './model/types';
import { playerEyes, unseenIn } from './playerView';
import { teamResponse } from './policies/helpers';
import type { Policy, Simulation } from './simulation';
import { roundOver } from './step';

/** How often a bot looks at the world while anything burns, in simulated minutes. */
export const POLICY_EVERY_MINUTES = 5;

/**
 * How often it looks while nothing burns. Between two looks then nothing can start burning but a chaos
 * check (every half hour, at a look) or an outside fire (the timeline stops for it), so nothing a bot
 * could answer is missed; what waits a little is the unhurried work — a retro, an item, a drill.
 */
export const POLICY_QUIET_EVERY_MINUTES = 30;

/**
 * An input from outside the organization's own decisions: a facilitator's fire, the guided first
 * fire, a demo's scripted fire. Both timelines face it, at the same minute.
 */
export interface TimedInput {
  at: Minute;
  command: Command;
  /** Who gives it (the facilitator unless said). */
  by?: InputSource;
  /** Who at the table the decision is credited to, when the log that brought it said so. */
  seat?: Credit;
}

/**
 * Commands that come from outside the organization and so happen in the never-learning replay too: fires
 * set on purpose by the facilitator, a scenario's script, the tutorial or the demo. A fire the organization
 * staged itself is not one of them.
 */
export function isWorldInput(command: Command): boolean {
  return command.type === 'injectIncident' && command.staged !== true;
}

/**
 * One timeline: a simulation, the bot that plays it (if any) and the inputs it faces, advanced to a
 * minute. The bot looks every few minutes on the clock, whatever the inputs, so two timelines with
 * the same bot and inputs stay identical.
 */
export class Timeline {
  private next = 0;
  /**
   * Outside inputs applied so far, for the replay; the scenario's scheduled fires are left out, as every
   * timeline of the scenario faces them anyway. A bot is the organization: nothing it does is among them.
   */
  readonly applied: TimedInput[] = [];
  /** What the bot sees, look after look. */
  private readonly eyes = playerEyes();
  /** The minute the bot last looked (a round stopped and picked up at that minute does not look twice). */
  private lookedAt: Minute | null = null;

  constructor(
    readonly sim: Simulation,
    private policy: Policy | null,
    private readonly inputs: TimedInput[] = [],
    /** Every accepted command is appended here at its minute: the round's input log. */
    private readonly log: LogEntry[] | null = null,
    /** Who the bot's commands are logged as. */
    private readonly botSource: InputSource = 'bot',
    /**
     * Whether the team may run incidents here when the round delegates them: only where the round is
     * being played, never where a log is replayed (the team's commands are already on it).
     */
    private readonly delegation = false,
  ) {
    this.inputs = [...inputs].sort((a, b) => a.at - b.at);
  }

  /** Schedules an input (at or after the current minute). */
  add(input: TimedInput): void {
    const at = Math.max(input.at, this.now());
    let i = this.inputs.length;
    while (i > this.next && (this.inputs[i - 1]?.at ?? 0) > at) i--;
    this.inputs.splice(i, 0, { ...input, at });
  }

  /** Hands the round to someone else (or back to a bot); scheduled inputs still come. */
  setPolicy(policy: Policy | null): void {
    this.policy = policy;
  }

  /** Scheduled inputs not yet applied. */
  pending(): TimedInput[] {
    return this.inputs.slice(this.next);
  }

  now(): Minute {
    return this.sim.snapshot().now;
  }

  /** Plays up to the minute (or the end of the round). */
  advanceTo(until: Minute): SimState {
    while (!roundOver(this.sim.snapshot()) && this.now() < until) {
      const t = this.now();
      this.applyDue(t);
      // The bot looks at every fifth minute while anything burns and every half hour while nothing does,
      // decided from the world at that minute alone: the timeline stops at every fifth minute, so a fire that
      // starts between two quiet looks is seen within five minutes, and a round played in one call and the same
      // round played frame by frame stay identical.
      if (t % POLICY_EVERY_MINUTES === 0 && t % this.lookEvery() === 0 && this.lookedAt !== t) {
        this.lookedAt = t;
        if (this.policy) this.act(t, this.policy, this.botSource);
        if (this.delegation && this.sim.snapshot().delegated === true) this.act(t, teamResponse, 'delegate');
      }
      const nextLook = t + POLICY_EVERY_MINUTES - (t % POLICY_EVERY_MINUTES);
      const nextInput = this.inputs[this.next]?.at ?? Number.POSITIVE_INFINITY;
      const stop = Math.min(until, nextLook, Math.max(t + 1, nextInput));
      this.sim.advance(stop - t);
    }
    if (!roundOver(this.sim.snapshot())) this.applyDue(this.now());
    return this.sim.snapshot() as SimState;
  }

  /** Every few minutes while anything burns (noticed or not), every half hour while nothing does. */
  private lookEvery(): number {
    return this.sim.snapshot().openIncidents.length > 0 ? POLICY_EVERY_MINUTES : POLICY_QUIET_EVERY_MINUTES;
  }

  /**
   * A bot (or the team, delegated) looks at what a player would see and acts: each command as its source
   * may give it, and none that names something the player cannot see.
   */
  private act(t: Minute, policy: Policy, by: InputSource): void {
    const view = this.eyes(this.sim.snapshot());
    for (const asked of policy(view)) {
      if (unseenIn(view, asked) !== null) continue;
      const cmd = asGivenBy(asked, by);
      if (this.sim.dispatch(cmd).ok) this.log?.push({ at: t, by, command: cmd });
    }
  }

  private applyDue(t: Minute): void {
    while (this.next < this.inputs.length && (this.inputs[this.next]?.at ?? 0) <= t) {
      const input = this.inputs[this.next++] as TimedInput;
      const by = input.by ?? 'facilitator';
      const command = asGivenBy(input.command, by);
      if (!this.sim.dispatch(command).ok) continue;
      // The scenario's own fires come to every timeline of it by themselves; they are not passed on.
      if (by !== 'scenario' && isWorldInput(command)) this.applied.push({ at: t, command, by });
      this.log?.push({ at: t, by, command, ...(input.seat ? { seat: input.seat } : {}) });
    }
  }
}
