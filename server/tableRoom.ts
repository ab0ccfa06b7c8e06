import { type Client, Room } from '@colyseus/core';
import {
  controlMessage,
  joinOptions,
  problemOf,
  type Seat,
  type TableSummary,
  tableOptions,
} from '../src/protocol/rooms';
import { RoundClock } from '../src/round/roundClock';
import { RoundSession } from '../src/round/roundSession';
import { COMMAND_ROLE, ROLE_TITLES } from '../src/round/seats';
import {
  builtInScenarios,
  type Command,
  createWorld,
  formatClock,
  scoreCard,
  stateHash,
  validateScenario,
} from '../src/sim';
import { payloadProblem } from '../src/sim/commands';
import { roundOver } from '../src/sim/step';
import { framingCommand, retroAwaitingFraming, waitsForTheAudience } from './demoTable';

/**
 * One table: the server plays the round (and its never-learning replay) and is the only judge of
 * what happens. Players send commands; each accepted one is stamped with its minute and sent to
 * everyone as an entry of the round's input log, so every screen replays the same world. A late
 * joiner gets the log so far and catches up.
 */
export class TableRoom extends Room {
  override maxClients = 16;
  private session!: RoundSession;
  private readonly roundClock = new RoundClock();
  private paused = true;
  private speed = 1;
  private label = '';
  private readonly seats = new Map<string, Seat>();
  private summaryAt = 0;

  override onCreate(raw: unknown): void {
    const options = tableOptions.safeParse(raw ?? {});
    if (!options.success) throw new Error(`the table cannot be set up: ${problemOf(options.error)}`);
    const { scenario: id, seed, weeks, label, demo } = options.data;
    const checked = validateScenario(builtInScenarios[id]);
    if (!checked.ok) throw new Error(`the built-in scenario ${id} is invalid`);
    const world = createWorld(checked.scenario, { seed, weeks });
    this.session = RoundSession.start({
      scenario: checked.scenario,
      seed,
      weeks,
      ownership: world.ownership,
      rotation: world.rotation.byTeam,
      ...(demo ? { demoBot: waitsForTheAudience } : {}),
    });
    this.label = label || (demo ? `demo table ${this.roomId}` : `table ${this.roomId}`);
    this.onMessage('command', (client, command: unknown) => this.command(client, command));
    this.onMessage('control', (client, message: unknown) => this.control(client, message));
    this.onMessage('hash', (client) => client.send('hash', this.hash()));
    // A screen asks for the log once its listeners are in place (on joining and after reconnecting).
    this.onMessage('hello', (client) => this.welcome(client));
    this.onMessage('*', (client, type) =>
      client.send('refused', { reason: `no such message "${String(type).slice(0, 40)}"` }),
    );
    this.setSimulationInterval((dt) => this.tick(dt), 100);
    this.publish(true);
  }

  override onJoin(client: Client, raw: unknown): void {
    const seat = joinOptions.safeParse(raw ?? {});
    const chosen: Seat = seat.success ? seat.data : { name: 'Player', seat: 'spectator' };
    this.seats.set(client.sessionId, chosen);
    this.broadcast('seats', [...this.seats.values()]);
    this.publish(true);
  }

  override async onLeave(client: Client, consented: boolean): Promise<void> {
    if (!consented) {
      try {
        // A dropped connection keeps its seat for a minute: the player comes back where they were.
        await this.allowReconnection(client, 60);
        return;
      } catch {
        // gone for good
      }
    }
    this.seats.delete(client.sessionId);
    this.broadcast('seats', [...this.seats.values()]);
    this.publish(true);
  }

  private welcome(client: Client): void {
    const seat = this.seats.get(client.sessionId);
    client.send('welcome', { log: this.session.log(), seat, paused: this.paused, speed: this.speed });
  }

  /** The facilitator console reaches these through the matchmaker. */
  pauseTable(): void {
    this.setPaused(true, 'facilitator');
  }

  resumeTable(): void {
    this.setPaused(false, 'facilitator');
  }

  injectFire(service: string, kind: string): string | null {
    const command = { type: 'injectIncident', service, kind } as Command;
    const bad = payloadProblem(command);
    if (bad) return bad;
    const result = this.session.dispatch(command, 'facilitator');
    if (!result.ok) return result.reason;
    this.broadcastEntries(this.session.entries.length - 1);
    return null;
  }

  /**
   * A seated player's command. An incident decision belongs to its role (ops fixes, comms posts, the
   * commander runs people): another seat may take it only while nobody holds that role. Each accepted
   * decision is credited in the log to the player and their role.
   */
  /**
   * An audience's vote decides the waiting retro's framing (the audience room calls this when a vote
   * closes). Says why not when no retro is waiting or the world refuses.
   */
  audienceDecides(answer: string): string | null {
    const s = this.session.snapshot();
    const retro = retroAwaitingFraming(s);
    if (!retro) return 'no retro at this table is waiting for its framing';
    const before = this.session.entries.length;
    const result = this.session.dispatch(framingCommand(s, retro, answer), 'audience');
    if (!result.ok) return result.reason;
    this.broadcastEntries(before);
    this.publish(true);
    return null;
  }

  private command(client: Client, command: unknown): void {
    const seat = this.seats.get(client.sessionId);
    if (!seat || seat.seat === 'spectator') {
      client.send('refused', { reason: 'spectators watch; take a seat to decide' });
      return;
    }
    const bad = payloadProblem(command);
    if (bad) {
      client.send('refused', { reason: bad });
      return;
    }
    if ((command as Command).type === 'injectIncident') {
      client.send('refused', { reason: 'only the facilitator sets fires' });
      return;
    }
    const role = COMMAND_ROLE[(command as Command).type];
    const holder = role ? [...this.seats.values()].find((x) => x.seat === role) : undefined;
    if (role && seat.seat !== role && holder) {
      client.send('refused', { reason: `that is ${holder.name}'s decision, as ${ROLE_TITLES[role]}` });
      return;
    }
    const before = this.session.entries.length;
    const credit = { player: seat.name, role: seat.seat };
    const result = this.session.dispatch(command as Command, 'player', credit);
    if (!result.ok) client.send('refused', { reason: result.reason });
    else this.broadcastEntries(before, seat);
  }

  private control(client: Client, raw: unknown): void {
    const message = controlMessage.safeParse(raw);
    if (!message.success) {
      client.send('refused', { reason: problemOf(message.error) });
      return;
    }
    const m = message.data;
    if (m.control === 'speed') {
      this.speed = m.value;
      this.session.control('speed', m.value);
      this.broadcast('control', { paused: this.paused, speed: this.speed });
    } else this.setPaused(m.control === 'pause', 'player');
  }

  private setPaused(paused: boolean, _by: 'player' | 'facilitator'): void {
    if (this.paused === paused || roundOver(this.session.snapshot())) return;
    this.paused = paused;
    this.session.control(paused ? 'pause' : 'resume');
    this.broadcast('control', { paused: this.paused, speed: this.speed });
    this.publish(true);
  }

  private tick(dt: number): void {
    if (this.paused) return;
    const snap = this.session.snapshot();
    if (roundOver(snap)) return;
    const live = snap.openIncidents.some((id) => snap.incidents[id]?.phase !== 'undetected');
    const minutes = this.roundClock.tick(dt, this.speed, live);
    if (minutes <= 0) return;
    const before = this.session.entries.length;
    this.session.advance(minutes, false);
    this.broadcastEntries(before);
    this.broadcast('tick', { minute: this.session.snapshot().now });
    this.publish(false);
  }

  /** New log entries go to every screen, credited to the seat that gave them. */
  private broadcastEntries(from: number, seat?: Seat): void {
    const entries = this.session.entries.slice(from);
    if (entries.length > 0) this.broadcast('entries', { entries, seat: seat ?? null });
  }

  private hash(): { minute: number; stateHash: string } {
    const s = this.session.snapshot();
    return { minute: s.now, stateHash: stateHash(s as never) };
  }

  /** Keeps the table's summary (for the facilitator console) at most once a second unless asked. */
  private publish(now: boolean): void {
    const t = Date.now();
    if (!now && t - this.summaryAt < 1000) return;
    this.summaryAt = t;
    const s = this.session.snapshot();
    const ghost = this.session.ghost.follow(s).view;
    const summary: TableSummary = {
      label: this.label,
      scenario: this.session.scenario.name,
      scenarioId: this.session.scenario.id,
      demo: this.session.demo,
      awaitsAudience: retroAwaitingFraming(s) !== null,
      phase: roundOver(s) ? 'over' : this.paused ? 'paused' : 'playing',
      minute: s.now,
      clock: formatClock(s.now),
      score: Math.round(scoreCard(s).score),
      par: Math.round(ghost.par),
      liveIncidents: s.openIncidents.filter((id) => s.incidents[id]?.phase !== 'undetected').length,
      silentSuccesses: ghost.report.net,
      players: [...this.seats.values()].filter((x) => x.seat !== 'spectator').length,
    };
    void this.setMetadata(summary);
  }
}
