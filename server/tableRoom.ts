import { type Client, Room } from '@colyseus/core';
import type { TableSummary } from '../src/protocol/facilitator';
import { type ControlRequest, seatRequest, tableDown, tableOptions, tableUp } from '../src/protocol/table';
import { problemOf } from '../src/protocol/wire';
import { RoundClock } from '../src/round/roundClock';
import { RoundSession } from '../src/round/roundSession';
import { builtInScenario } from '../src/round/roundTerms';
import { COMMAND_ROLE, holdsRole, ROLE_TITLES, type Seat } from '../src/round/seats';
import { type Command, createWorld, formatClock, parseCommand, roundOver, scoreCard, stateHash } from '../src/sim';
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
  /** Every screen at the table. */
  private readonly everyone = tableDown.to({ send: (type, payload) => this.broadcast(type, payload) });

  override onCreate(raw: unknown): void {
    const options = tableOptions.safeParse(raw ?? {});
    if (!options.success) throw new Error(`the table cannot be set up: ${problemOf(options.error)}`);
    const { scenario: id, seed, weeks, label, demo } = options.data;
    const scenario = builtInScenario(id);
    if (!scenario) throw new Error(`the built-in scenario ${id} is invalid`);
    const world = createWorld(scenario, { seed, weeks });
    this.session = RoundSession.start({
      scenario,
      seed,
      weeks,
      ownership: world.ownership,
      rotation: world.rotation.byTeam,
      ...(demo ? { demoBot: waitsForTheAudience } : {}),
    });
    this.label = label || (demo ? `demo table ${this.roomId}` : `table ${this.roomId}`);
    tableUp.serve<Client>(
      this,
      {
        command: (client, command) => this.command(client, command),
        control: (client, message) => this.control(client, message),
        hash: (client) => this.to(client).hash(this.hash()),
        // A screen asks for the log once its listeners are in place (on joining and after reconnecting).
        hello: (client) => this.welcome(client),
      },
      (client, reason) => this.to(client).refused({ reason }),
    );
    this.setSimulationInterval((dt) => this.tick(dt), 100);
    this.publish(true);
  }

  private to(client: Client) {
    return tableDown.to(client);
  }

  override onJoin(client: Client, raw: unknown): void {
    const seat = seatRequest.safeParse(raw ?? {});
    const chosen: Seat = seat.success ? seat.data : { player: 'Player', role: 'spectator' };
    this.seats.set(client.sessionId, chosen);
    this.everyone.seats([...this.seats.values()]);
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
    this.everyone.seats([...this.seats.values()]);
    this.publish(true);
  }

  private welcome(client: Client): void {
    const seat = this.seats.get(client.sessionId) ?? null;
    this.to(client).welcome({ log: this.session.log(), seat, paused: this.paused, speed: this.speed });
  }

  /** The facilitator console reaches these through the matchmaker. */
  pauseTable(): void {
    this.setPaused(true, 'facilitator');
  }

  resumeTable(): void {
    this.setPaused(false, 'facilitator');
  }

  injectFire(service: string, kind: string): string | null {
    const read = parseCommand({ type: 'injectIncident', service, kind });
    if (!read.ok) return read.problem;
    const result = this.session.dispatch(read.command, 'facilitator');
    if (!result.ok) return result.reason;
    this.broadcastEntries(this.session.entries.length - 1);
    return null;
  }

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

  /**
   * A seated player's command, as its schema read it. An incident decision belongs to its role (ops fixes,
   * comms posts, the commander runs people): another seat may take it only while nobody holds that role.
   * Each accepted decision is credited in the log to the player and their role.
   */
  private command(client: Client, command: Command): void {
    const seat = this.seats.get(client.sessionId);
    if (!seat || !holdsRole(seat)) {
      this.to(client).refused({ reason: 'spectators watch; take a seat to decide' });
      return;
    }
    if (command.type === 'injectIncident') {
      this.to(client).refused({ reason: 'only the facilitator sets fires' });
      return;
    }
    const role = COMMAND_ROLE[command.type];
    const holder = role ? [...this.seats.values()].find((x) => x.role === role) : undefined;
    if (role && seat.role !== role && holder) {
      this.to(client).refused({ reason: `that is ${holder.player}'s decision, as ${ROLE_TITLES[role]}` });
      return;
    }
    const before = this.session.entries.length;
    const result = this.session.dispatch(command, 'player', { player: seat.player, role: seat.role });
    if (!result.ok) this.to(client).refused({ reason: result.reason });
    else this.broadcastEntries(before, seat);
  }

  private control(_client: Client, m: ControlRequest): void {
    if (m.control === 'speed') {
      this.speed = m.value;
      this.session.control('speed', m.value);
      this.everyone.control({ paused: this.paused, speed: this.speed });
    } else this.setPaused(m.control === 'pause', 'player');
  }

  private setPaused(paused: boolean, by: 'player' | 'facilitator'): void {
    if (this.paused === paused || roundOver(this.session.snapshot())) return;
    this.paused = paused;
    this.session.control(paused ? 'pause' : 'resume', undefined, by);
    this.everyone.control({ paused: this.paused, speed: this.speed });
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
    this.everyone.tick({ minute: this.session.snapshot().now });
    this.publish(false);
  }

  /** New log entries go to every screen, credited to the seat that gave them. */
  private broadcastEntries(from: number, seat?: Seat): void {
    const entries = this.session.entries.slice(from);
    if (entries.length > 0) this.everyone.entries({ entries, seat: seat ?? null });
  }

  private hash(): { minute: number; stateHash: string } {
    const s = this.session.snapshot();
    return { minute: s.now, stateHash: stateHash(s) };
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
      players: [...this.seats.values()].filter(holdsRole).length,
    };
    void this.setMetadata(summary);
  }
}
