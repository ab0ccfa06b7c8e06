import {
  asGivenBy,
  type Command,
  type CommandResult,
  type Control,
  type Credit,
  createSimulation,
  createSimulationFromState,
  eventCount,
  eventsSince,
  type InputLog,
  type InputSource,
  isCommandEntry,
  isWorldInput,
  LOG_VERSION,
  type LogEntry,
  type OwnershipModel,
  type Policy,
  type RotationWeek,
  recording,
  type Scenario,
  type SimEvent,
  type SimState,
  type Simulation,
  type Snapshot,
  scheduledFires,
  stateHash,
  type TimedInput,
  Timeline,
  tutorialFire,
} from '../sim';
import { GhostTimeline } from './ghost';
import type { HistoryPoint } from './history';
import { makeSave, type SaveFile } from './save/save';

export interface RoundSetup {
  scenario: Scenario;
  seed: number;
  weeks: number;
  ownership: OwnershipModel;
  rotation: Record<string, RotationWeek[]>;
  /** A first fire on Monday morning, so a new player meets the pager within a minute. */
  guided?: boolean;
  /** Scripted outside fires (the demo's); both timelines face them. */
  inputs?: TimedInput[];
  /** A bot that plays the round by itself (attract mode). */
  demoBot?: Policy;
  /**
   * Both timelines stepped in place (see SimulationOptions.fast): for rounds played headless, whose snapshots
   * are read there and then, never kept across a change.
   */
  fast?: boolean;
}

/** When the guided first fire starts: Monday 09:30. */
export const GUIDED_FIRE_AT = 9 * 60 + 30;

/** The guided first fire: the service that most others depend on, giving way at one of its real weaknesses. */
export function guidedFireCommand(snap: Snapshot): Command {
  return { type: 'injectIncident', ...tutorialFire(snap) };
}

const asInput = (e: Extract<LogEntry, { command: Command }>): TimedInput => ({
  at: e.at,
  command: e.command,
  by: e.by,
  ...(e.seat ? { seat: e.seat } : {}),
});

/** The scenario's own fires reach the ghost by themselves; other outside inputs are handed to it. */
function notTheScenarios(inputs: TimedInput[]): TimedInput[] {
  return inputs.filter((i) => i.by !== 'scenario');
}

/** How a session's log began: with the round (complete) or picked up from an older save (partial). */
interface LogHeader {
  ownership: OwnershipModel;
  complete: boolean;
}

/**
 * One running round: the simulation, its input log, the scheduled outside inputs and the
 * never-learning timeline beside it. Every input enters here and is logged at its minute, so the
 * round is its scenario, seed and log.
 */
export class RoundSession {
  private demoBot: boolean;

  private constructor(
    readonly scenario: Scenario,
    private readonly sim: Simulation,
    private readonly timeline: Timeline,
    readonly ghost: GhostTimeline,
    readonly entries: LogEntry[],
    private readonly header: LogHeader,
    demo: boolean,
  ) {
    this.demoBot = demo;
  }

  static start(setup: RoundSetup): RoundSession {
    const options = { seed: setup.seed, weeks: setup.weeks, ownership: setup.ownership, fast: setup.fast ?? false };
    const sim = createSimulation(setup.scenario, options);
    const entries: LogEntry[] = [];
    const atSetup = recording(sim, entries, 'setup');
    for (const [team, weeks] of Object.entries(setup.rotation)) atSetup.dispatch({ type: 'setRotation', team, weeks });
    const by: InputSource = setup.demoBot ? 'demo' : 'facilitator';
    const scheduled: TimedInput[] = [
      ...scheduledFires(setup.scenario),
      ...(setup.guided
        ? [{ at: GUIDED_FIRE_AT, command: guidedFireCommand(sim.snapshot()), by: 'guided' as const }]
        : []),
      ...(setup.inputs ?? []).map((i) => ({ ...i, by: i.by ?? by })),
    ];
    const timeline = new Timeline(sim, setup.demoBot ?? null, scheduled, entries, 'demo', true);
    const ghost = new GhostTimeline(setup.scenario, sim.snapshot(), notTheScenarios(scheduled), setup.fast);
    return new RoundSession(
      setup.scenario,
      sim,
      timeline,
      ghost,
      entries,
      { ownership: setup.ownership, complete: true },
      !!setup.demoBot,
    );
  }

  /** Picks a saved round up where it was left: its world, its log so far and the fires still to come. */
  static resume(save: SaveFile): RoundSession {
    const sim = createSimulationFromState(save.state);
    const entries = [...save.log.entries];
    const faced = entries.filter(isCommandEntry).filter((e) => isWorldInput(e.command));
    const timeline = new Timeline(sim, null, save.scheduled, entries, 'demo', true);
    const ghost = new GhostTimeline(save.scenario, save.state, notTheScenarios([...faced, ...save.scheduled]));
    const header = { ownership: save.log.ownership, complete: save.log.complete };
    return new RoundSession(save.scenario, sim, timeline, ghost, entries, header, false);
  }

  /** Whether the log reaches back to the round's first minute (a resumed version 1 save's does not). */
  get complete(): boolean {
    return this.header.complete;
  }

  /**
   * A screen of a table played on a room server: the world rebuilt from the table's log so far,
   * kept in step by `receive` and `advanceTo` as the server sends entries and minutes.
   */
  static replica(log: InputLog): RoundSession {
    const sim = createSimulation(log.scenario, {
      seed: log.seed,
      weeks: log.weeks,
      ...(log.ownership ? { ownership: log.ownership } : {}),
    });
    const entries: LogEntry[] = [];
    const commands = log.entries.filter(isCommandEntry);
    const timeline = new Timeline(sim, null, commands.map(asInput), entries);
    timeline.advanceTo(log.until);
    const outside = commands.filter((e) => isWorldInput(e.command)).map(asInput);
    const ghost = new GhostTimeline(log.scenario, sim.snapshot(), notTheScenarios(outside));
    const ownership = log.ownership ?? sim.snapshot().ownership;
    return new RoundSession(log.scenario, sim, timeline, ghost, entries, { ownership, complete: true }, false);
  }

  /** Entries from the table's server: applied at their minute, in order, exactly as the server did. */
  receive(entries: LogEntry[]): void {
    for (const e of entries) {
      if (!isCommandEntry(e)) continue;
      this.timeline.add(asInput(e));
      if (isWorldInput(e.command) && e.by !== 'scenario') this.ghost.add(asInput(e));
    }
    this.timeline.advanceTo(this.sim.snapshot().now);
  }

  /** Plays on to the server's minute. */
  advanceTo(minute: number): SimEvent[] {
    const from = eventCount(this.sim.snapshot());
    this.timeline.advanceTo(minute);
    return eventsSince(this.sim.snapshot(), from);
  }

  get demo(): boolean {
    return this.demoBot;
  }

  snapshot(): Snapshot {
    return this.sim.snapshot();
  }

  /**
   * A decision from the table, logged when the world accepts it; at a table with roles, with the seat it
   * is credited to. Only a fire from outside (the facilitator's window or console, say so with `by`)
   * reaches the never-learning timeline: a fire set from the table's own screen is staged, burns only
   * here and teaches nobody, so nothing the table does moves par.
   */
  dispatch(command: Command, by: InputSource = 'player', seat?: Credit): CommandResult {
    const at = this.sim.snapshot().now;
    const given = asGivenBy(command, by);
    const result = recording(this.sim, this.entries, by, seat).dispatch(given);
    if (result.ok && isWorldInput(given)) this.ghost.add({ at, command: given, by });
    return result;
  }

  /** Pause, resume and speed: they change no world, but the debrief shows them. */
  control(control: Control, value?: number, by: InputSource = 'player'): void {
    const at = this.sim.snapshot().now;
    this.entries.push(value === undefined ? { at, by, control } : { at, by, control, value });
  }

  /** Plays on by simulated minutes; with `stopAtPage`, stops at the minute a page arrives. */
  advance(minutes: number, stopAtPage: boolean): SimEvent[] {
    const from = eventCount(this.sim.snapshot());
    const now = this.sim.snapshot().now;
    if (!stopAtPage) this.timeline.advanceTo(now + minutes);
    else
      for (let i = 1; i <= minutes; i++) {
        const before = eventCount(this.sim.snapshot());
        this.timeline.advanceTo(now + i);
        if (eventsSince(this.sim.snapshot(), before).some((e) => e.type === 'paged')) break;
      }
    return eventsSince(this.sim.snapshot(), from);
  }

  /** The demo bot hands the round to a person; scripted fires still come. */
  takeOver(): void {
    this.timeline.setPolicy(null);
    this.demoBot = false;
  }

  /** The round so far as a self-contained input log (replayable when the round began in this version). */
  log(): InputLog & { complete: boolean } {
    const state = this.sim.snapshot() as SimState;
    return {
      logVersion: LOG_VERSION,
      scenario: this.scenario,
      seed: state.seed,
      weeks: state.weeks,
      ownership: this.header.ownership,
      entries: [...this.entries],
      until: state.now,
      stateHash: stateHash(state),
      complete: this.header.complete,
    };
  }

  save(history: HistoryPoint[], savedAt: string): SaveFile {
    const log = { ownership: this.header.ownership, complete: this.header.complete, entries: this.entries };
    return makeSave(this.scenario, this.sim.snapshot(), history, savedAt, log, this.timeline.pending());
  }
}
