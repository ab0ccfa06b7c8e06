import type { Minute } from './clock';
import type { Command } from './commands';
import type { Credit, InputSource, LogEntry } from './inputLog';
import type { SimState } from './model/types';
import { teamResponse } from './policies/helpers';
import type { Policy, Simulation } from './simulation';
import { roundOver } from './step';

/** How often a bot looks at the world, in simulated minutes. */
export const POLICY_EVERY_MINUTES = 5;

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

/** Commands that come from outside the organization and so happen in the never-learning replay too. */
export function isWorldInput(command: Command): boolean {
  return command.type === 'injectIncident';
}

/**
 * One timeline: a simulation, the bot that plays it (if any) and the inputs it faces, advanced to a
 * minute. The bot looks every few minutes on the clock, whatever the inputs, so two timelines with
 * the same bot and inputs stay identical.
 */
export class Timeline {
  private next = 0;
  /**
   * Outside inputs applied so far, with the policy's own world inputs among them, for its replay;
   * the scenario's scheduled fires are left out, as every timeline of the scenario faces them anyway.
   */
  readonly applied: TimedInput[] = [];

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
      if (this.policy && t % POLICY_EVERY_MINUTES === 0) {
        for (const cmd of this.policy(this.sim.snapshot())) {
          const ok = this.sim.dispatch(cmd).ok;
          if (ok) this.log?.push({ at: t, by: this.botSource, command: cmd });
          if (ok && isWorldInput(cmd)) this.applied.push({ at: t, command: cmd });
        }
      }
      if (this.delegation && t % POLICY_EVERY_MINUTES === 0 && this.sim.snapshot().delegated === true) {
        for (const cmd of teamResponse(this.sim.snapshot())) {
          if (this.sim.dispatch(cmd).ok) this.log?.push({ at: t, by: 'delegate', command: cmd });
        }
      }
      const nextLook = t + POLICY_EVERY_MINUTES - (t % POLICY_EVERY_MINUTES);
      const nextInput = this.inputs[this.next]?.at ?? Number.POSITIVE_INFINITY;
      const stop = Math.min(until, nextLook, Math.max(t + 1, nextInput));
      this.sim.advance(stop - t);
    }
    if (!roundOver(this.sim.snapshot())) this.applyDue(this.now());
    return this.sim.snapshot() as SimState;
  }

  private applyDue(t: Minute): void {
    while (this.next < this.inputs.length && (this.inputs[this.next]?.at ?? 0) <= t) {
      const input = this.inputs[this.next++] as TimedInput;
      if (!this.sim.dispatch(input.command).ok) continue;
      // The scenario's own fires come to every timeline of it by themselves; they are not passed on.
      if (input.by !== 'scenario') this.applied.push({ at: t, command: input.command });
      this.log?.push({
        at: t,
        by: input.by ?? 'facilitator',
        command: input.command,
        ...(input.seat ? { seat: input.seat } : {}),
      });
    }
  }
}
