import { type AuthContext, type Client, ErrorCode, Room, ServerError } from '@colyseus/core';
import type { TableResults, TableSummary, UpcomingFire } from '../src/protocol/facilitator';
import { type ControlRequest, seatRequest, tableDown, tableUp } from '../src/protocol/table';
import { readTableCode } from '../src/protocol/tableCode';
import { problemOf } from '../src/protocol/wire';
import { buildResults, resultsFileName, resultsInputOf } from '../src/round/results';
import { RoundClock } from '../src/round/roundClock';
import type { RoundSession } from '../src/round/roundSession';
import { COMMAND_ROLE, holdsRole, ROLE_TITLES, type Seat } from '../src/round/seats';
import {
  type Command,
  formatClock,
  isCommandEntry,
  parseCommand,
  roundOver,
  scheduledFires,
  scoreCard,
  stateHash,
  weaknessFor,
  weaknessKinds,
} from '../src/sim';
import { addressOf } from './addresses';
import { type Budgets, serveWithin, strike, wasCutOff } from './budget';
import { framingCommand, framingOf, retroAwaitingFraming } from './demoTable';
import { toClient, toEveryone } from './outbox';
import { logRefusal } from './refusals';
import type { TableHall } from './tableHall';
import { restoreRound, startRound } from './tableRound';
import { type Claim, TableSeats } from './tableSeats';
import type { PlannedFire, TableLine } from './tableStore';
import { turns } from './turns';

/** What each screen may send: a decision or two a second, a clock control now and then, one hello per join. */
const BUDGETS: Budgets<typeof tableUp.schemas> = {
  hello: 'once',
  command: { perSecond: 5, burst: 20 },
  control: { perSecond: 2, burst: 6 },
  hash: { perSecond: 2, burst: 5 },
  other: { perSecond: 0.2, burst: 2 },
};

/** A table whose round is over and that nobody watches is closed after this long. */
const OVER_AND_EMPTY_MS = 10 * 60_000;

/** What the server passes a table room when it opens one (never what a client sends). */
export interface TableRoomOptions {
  code: string;
  ticket: string;
  hall: TableHall;
}

/**
 * One table: the server plays the round (and its never-learning replay) and is the only judge of what
 * happens. Players send commands; each accepted one is stamped with its minute, kept (on disk or in Redis)
 * and only then sent to everyone as an entry of the round's log, so every screen replays the same world and
 * a restarted server brings the table back at the same minute. A table is private: joining needs its code.
 * It lives until the facilitator closes it (or it stands empty for long), not until its last screen drops.
 */
export class TableRoom extends Room {
  override maxClients = 16;
  override autoDispose = false;
  /** No synchronised state: screens get the log's entries, so the room library sends no patches. */
  override patchRate = 0;
  private session!: RoundSession;
  private hall!: TableHall;
  private code = '';
  private readonly roundClock = new RoundClock();
  private paused = true;
  private speed = 1;
  private label = '';
  private autoPause = true;
  private seats = new TableSeats([]);
  private summaryAt = 0;
  private emptySince = Date.now();
  private hashAt: { minute: number; entries: number; stateHash: string } | null = null;
  private closing = false;
  /** Gone: a tick still waiting for its turn does nothing. */
  private disposed = false;
  /** Fires the facilitator set ahead, soonest first: each starts at its game minute. */
  private plans: PlannedFire[] = [];
  /** A demo table asked once: the audience's answer frames every retro after the first vote. */
  private askOnce = false;
  private standingAnswer: string | null = null;
  /** Every screen at the table. */
  private everyone = tableDown.to(toEveryone(this));

  override async onCreate(options: TableRoomOptions): Promise<void> {
    try {
      await this.open(options);
    } catch (err) {
      // A room that could not open holds no timers: nothing of it is left running.
      this.clock.clear();
      this.clock.stop();
      throw err;
    }
  }

  private async open(options: TableRoomOptions): Promise<void> {
    const hall = options.hall;
    if (!hall?.ticketFits(options.ticket))
      throw new ServerError(ErrorCode.AUTH_FAILED, 'only the facilitator console sets tables up');
    const read = readTableCode(options.code);
    if (!read.ok) throw new ServerError(ErrorCode.MATCHMAKE_INVALID_CRITERIA, read.problem);
    this.hall = hall;
    this.code = read.code;
    if (!(await hall.store.claim(this.code, hall.processId)))
      throw new ServerError(ErrorCode.MATCHMAKE_UNHANDLED, `table ${this.code} is already open`);
    const kept = await hall.store.read(this.code);
    if (!kept || kept.closed) {
      await hall.store.release(this.code, hall.processId);
      throw new ServerError(ErrorCode.MATCHMAKE_INVALID_ROOM_ID, `table ${this.code} is not kept here`);
    }
    this.roomId = this.code;
    this.label = kept.setup.label || `table ${this.code}`;
    this.autoPause = kept.setup.autoPause !== false && !kept.setup.demo;
    this.seats = new TableSeats(kept.seats);
    this.plans = [...kept.plans].sort((a, b) => a.at - b.at);
    this.askOnce = kept.setup.demo && kept.setup.audience === 'once';
    const resumed = kept.entries.length > 0 || kept.until > 0;
    if (resumed) {
      const { session, problem } = restoreRound(kept);
      this.session = session;
      if (problem) console.warn(`table ${this.code} came back differently: ${problem}`);
      this.speed = lastSpeed(session);
      // A table comes back paused: its players resume once they are back at their screens.
      const before = session.entries.length;
      if (!isPausedInLog(session) && !roundOver(session.snapshot())) session.control('pause', undefined, 'facilitator');
      this.keep(session.entries.slice(before).map((e) => ({ e })));
      console.log(`table ${this.code} (${this.label}) is back at ${formatClock(session.snapshot().now)}`);
    } else this.session = startRound(kept.setup);
    if (!resumed) this.keep(this.session.entries.map((e) => ({ e })));
    if (this.askOnce) this.standingAnswer = firstAudienceFraming(this.session);
    await this.setPrivate(true);
    serveWithin(
      tableUp,
      this,
      BUDGETS,
      {
        command: (client, command) => this.command(client, command),
        control: (client, message) => this.control(client, message),
        hash: (client) => this.to(client).hash(this.hash()),
        // A screen asks for the log once its listeners are in place: once per join.
        hello: (client) => this.welcome(client),
      },
      (client, reason) => this.to(client).refused({ reason }),
    );
    // Four ticks a second: each moves the clock ten minutes at 1×, which costs the simulation half as much per
    // minute as small steps, and screens see the clock move as often as they can read it. Each tick takes its
    // turn with the other tables' (see `turns`), so commands are read between them.
    this.setSimulationInterval((dt) => turns.run(() => this.tick(dt)), 250);
    this.clock.setInterval(() => this.closeIfIdle(), 30_000);
    this.publish(true);
  }

  private to(client: Client) {
    return tableDown.to(toClient(client, this.roomName));
  }

  /** A seat is claimed before the screen joins: its token brings back its own seat; a taken name or role is refused. */
  override onAuth(client: Client, raw: unknown, context: AuthContext): Claim & { ok: true } {
    const address = addressOf(context);
    client.userData = { address };
    const request = seatRequest.safeParse(raw ?? {});
    const claim: Claim = request.success
      ? this.seats.claim(request.data)
      : { ok: false, reason: problemOf(request.error) };
    if (!claim.ok) {
      logRefusal(address, `table ${this.code} seat`, claim.reason);
      throw new ServerError(ErrorCode.AUTH_FAILED, claim.reason);
    }
    return claim;
  }

  override onJoin(client: Client, _options: unknown, claim: Claim & { ok: true }): void {
    this.seats.sit(client.sessionId, claim.seat, claim.kept);
    if (claim.kept) this.keep([{ s: claim.kept }]);
    // The same seat opened on a new screen: the old screen gives it up.
    for (const other of this.seats.othersIn(client.sessionId))
      this.clients.getById(other)?.leave(4009, 'your seat was opened on another screen');
    this.everyone.seats(this.seats.all());
    this.publish(true);
  }

  override async onLeave(client: Client, consented: boolean): Promise<void> {
    if (!consented && !this.closing && !wasCutOff(client)) {
      try {
        // A dropped connection comes back to the same session within a few seconds; later, its token brings it back.
        await this.allowReconnection(client, 20);
        return;
      } catch {
        // gone for now; the seat stays held by its token
      }
    }
    const freed = this.seats.leave(client.sessionId, consented);
    if (freed) this.keep([{ x: freed }]);
    if (this.clients.length === 0) this.emptySince = Date.now();
    if (!this.closing) {
      this.everyone.seats(this.seats.all());
      this.publish(true);
    }
  }

  override onBeforeShutdown(): void {
    // Screens hear a restart, not a goodbye: they come back when the server does.
    this.closing = true;
    void this.disconnect(4011);
  }

  override async onDispose(): Promise<void> {
    this.disposed = true;
    await this.hall.store.release(this.code, this.hall.processId);
  }

  private welcome(client: Client): void {
    const claim = (client.auth ?? null) as (Claim & { ok: true }) | null;
    this.to(client).welcome({
      log: this.session.log(),
      seat: this.seats.of(client.sessionId),
      token: claim?.token ?? null,
      label: this.label,
      paused: this.paused,
      speed: this.speed,
    });
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
    const before = this.session.entries.length;
    const result = this.session.dispatch(read.command, 'facilitator');
    if (!result.ok) return result.reason;
    this.flush(before);
    return null;
  }

  /** Where the round stands, for a fire set at every table at one minute. */
  minuteNow(): { minute: number; speed: number; paused: boolean } {
    return { minute: this.session.snapshot().now, speed: this.speed, paused: this.paused };
  }

  /**
   * A fire set ahead: it starts when the round reaches game minute `at` (kept, so it survives a restart).
   * Refused when the round is already past that minute, or the fire could not start here.
   */
  planFire(at: number, service: string, kind: string): string | null {
    const read = parseCommand({ type: 'injectIncident', service, kind });
    if (!read.ok) return read.problem;
    const s = this.session.snapshot();
    if (roundOver(s)) return 'its round is over';
    if (at < s.now) return `it is already at ${formatClock(s.now)}, past ${formatClock(at)}`;
    if (!s.services[service]) return `it has no service "${service}"`;
    // A fire set on purpose sets off one of the service's own weaknesses: one it lacks would never start.
    if (read.command.type === 'injectIncident') {
      const weakness = weaknessFor(s, { service, kind: read.command.kind });
      if (typeof weakness === 'string') return weakness;
    }
    const plan: PlannedFire = { id: `${at}-${service}-${this.plans.length}`, at, service, kind };
    this.plans = [...this.plans, plan].sort((a, b) => a.at - b.at);
    this.keep([{ p: plan }]);
    if (at === s.now) this.firePlans();
    this.publish(true);
    return null;
  }

  /** Starts every planned fire whose minute has come, each logged with its plan marked done in one write. */
  private firePlans(): void {
    const now = this.session.snapshot().now;
    while (this.plans[0] && this.plans[0].at <= now) {
      const plan = this.plans.shift() as PlannedFire;
      const before = this.session.entries.length;
      const result = this.session.dispatch(
        { type: 'injectIncident', service: plan.service, kind: plan.kind } as Command,
        'facilitator',
      );
      if (!result.ok)
        console.warn(
          `table ${this.code}: the fire planned at ${formatClock(plan.at)} did not start (${result.reason})`,
        );
      const lines: TableLine[] = this.session.entries.slice(before).map((e) => ({ e }));
      lines.push({ pf: plan.id });
      this.keep(lines, () => this.sendEntries(before));
    }
  }

  /** The table's results as the compare page reads them, at the minute it has reached. */
  resultsFile(origin: string): TableResults {
    const s = this.session.snapshot();
    const ghost = this.session.ghost.follow(s).view;
    const at = new Date();
    const results = buildResults(s, resultsInputOf(s, ghost.report, ghost.par), {
      table: this.label,
      setupLink: `${origin}/?table=${this.code}`,
      scenarioName: this.session.scenario.name,
      at,
      entries: this.session.entries,
    });
    return {
      table: this.code,
      label: this.label,
      fileName: resultsFileName(results, at),
      file: `${JSON.stringify(results, null, 2)}\n`,
    };
  }

  /** Ends the table for good: kept as closed (not brought back), its screens told, the room disposed. */
  async closeTable(reason: string): Promise<null> {
    if (this.closing) return null;
    this.closing = true;
    await this.hall.store.close(this.code, reason);
    this.everyone.closed({ reason });
    console.log(`table ${this.code} (${this.label}) closed: ${reason}`);
    await this.disconnect();
    return null;
  }

  /**
   * An audience's vote decides the waiting retro's framing (the facilitator room calls this when a vote
   * closes). Says why not when no retro is waiting or the world refuses.
   */
  audienceDecides(answer: string): string | null {
    const s = this.session.snapshot();
    const retro = retroAwaitingFraming(s);
    if (!retro) return 'no retro at this table is waiting for its framing';
    const before = this.session.entries.length;
    const result = this.session.dispatch(framingCommand(s, retro, answer), 'audience');
    if (!result.ok) return result.reason;
    if (this.askOnce) this.standingAnswer ??= framingOf(answer);
    this.flush(before);
    this.publish(true);
    return null;
  }

  /** Asked once: each later retro is framed as the audience already decided, without a new vote. */
  private frameAsDecided(): void {
    if (!this.standingAnswer) return;
    const s = this.session.snapshot();
    const retro = retroAwaitingFraming(s);
    if (!retro) return;
    const before = this.session.entries.length;
    if (this.session.dispatch(framingCommand(s, retro, this.standingAnswer), 'audience').ok) this.flush(before);
  }

  /**
   * A seated player's command, as its schema read it. An incident decision belongs to its role (ops fixes,
   * comms posts, the commander runs people): another seat may take it only while nobody holds that role.
   * Each accepted decision is credited in the log to the player and their role.
   */
  private command(client: Client, command: Command): void {
    const seat = this.seats.of(client.sessionId);
    if (!seat || !holdsRole(seat)) {
      this.refuse(client, 'command', 'spectators watch; take a seat to decide');
      return;
    }
    if (command.type === 'injectIncident') {
      this.refuse(client, 'command', 'only the facilitator sets fires');
      return;
    }
    const role = COMMAND_ROLE[command.type];
    const holder = role ? this.seats.holderOf(role) : null;
    if (role && seat.role !== role && holder) {
      this.to(client).refused({ reason: `that is ${holder.player}'s decision, as ${ROLE_TITLES[role]}` });
      return;
    }
    const before = this.session.entries.length;
    const result = this.session.dispatch(command, 'player', { player: seat.player, role: seat.role });
    if (!result.ok) this.to(client).refused({ reason: result.reason });
    else this.flush(before, seat);
  }

  /** Refused as a rule of the table (a spectator's decision, a player's fire): said, logged, and counted. */
  private refuse(client: Client, what: string, reason: string): void {
    strike(client, `table ${this.code}`, what, reason, (r) => this.to(client).refused({ reason: r }));
  }

  /** Pause, resume and speed: only from a seat at the table, and logged only when they change something. */
  private control(client: Client, m: ControlRequest): void {
    const seat = this.seats.of(client.sessionId);
    if (!seat || !holdsRole(seat)) {
      this.refuse(client, 'control', 'spectators watch; only players run the clock');
      return;
    }
    if (m.control !== 'speed') {
      this.setPaused(m.control === 'pause', 'player');
      return;
    }
    if (m.value === this.speed || roundOver(this.session.snapshot())) return;
    this.speed = m.value;
    const before = this.session.entries.length;
    this.session.control('speed', m.value);
    this.flush(before);
    this.everyone.control({ paused: this.paused, speed: this.speed });
  }

  private setPaused(paused: boolean, by: 'player' | 'facilitator'): void {
    if (this.paused === paused || roundOver(this.session.snapshot())) return;
    this.paused = paused;
    const before = this.session.entries.length;
    this.session.control(paused ? 'pause' : 'resume', undefined, by);
    this.flush(before);
    this.everyone.control({ paused: this.paused, speed: this.speed });
    this.publish(true);
  }

  private tick(dt: number): void {
    if (this.paused || this.closing || this.disposed) return;
    const snap = this.session.snapshot();
    if (roundOver(snap)) return;
    const live = snap.openIncidents.some((id) => snap.incidents[id]?.phase !== 'undetected');
    let minutes = this.roundClock.tick(dt, this.speed, live);
    if (minutes <= 0) return;
    // A planned fire starts at its very minute: the step stops there.
    const next = this.plans[0];
    if (next && next.at < snap.now + minutes) minutes = Math.max(0, next.at - snap.now);
    const before = this.session.entries.length;
    const paged = this.session.advance(minutes, this.autoPause).some((e) => e.type === 'paged');
    const minute = this.session.snapshot().now;
    const lines: TableLine[] = this.session.entries.slice(before).map((e) => ({ e }));
    lines.push({ m: minute });
    this.keep(lines, () => {
      this.sendEntries(before);
      this.everyone.tick({ minute });
    });
    this.firePlans();
    this.frameAsDecided();
    // The pager went off: the clock stops at that minute (as the table's setup asked) while the table talks.
    if (paged && this.autoPause) this.setPaused(true, 'facilitator');
    this.publish(false);
  }

  /** New log entries are kept, then sent to every screen, credited to the seat that gave them. */
  private flush(from: number, seat?: Seat): void {
    this.keep(
      this.session.entries.slice(from).map((e) => ({ e })),
      () => this.sendEntries(from, seat),
    );
  }

  private sendEntries(from: number, seat?: Seat): void {
    const entries = this.session.entries.slice(from);
    if (entries.length > 0) this.everyone.entries({ entries, seat: seat ?? null });
  }

  /** Keeps lines, then (once they are written) does what depends on them. */
  private keep(lines: TableLine[], then?: () => void): void {
    const written = this.hall.store.keep(this.code, lines);
    if (!written) then?.();
    else
      written.then(
        () => then?.(),
        (err: unknown) => console.error(`table ${this.code}: could not keep its log (${String(err)})`),
      );
  }

  /**
   * The server's hash at its minute, worked out once however often screens ask: again only when the round has
   * moved on, to a later minute or by a new entry in its log at the same minute.
   */
  private hash(): { minute: number; stateHash: string } {
    const s = this.session.snapshot();
    const entries = this.session.entries.length;
    if (this.hashAt?.minute !== s.now || this.hashAt.entries !== entries)
      this.hashAt = { minute: s.now, entries, stateHash: stateHash(s) };
    return { minute: this.hashAt.minute, stateHash: this.hashAt.stateHash };
  }

  private closeIfIdle(): void {
    if (this.clients.length > 0 || this.closing) return;
    const empty = Date.now() - this.emptySince;
    if (roundOver(this.session.snapshot()) && empty > OVER_AND_EMPTY_MS) void this.closeTable('the round is over');
    else if (empty > this.hall.settings.idleMinutes * 60_000)
      void this.closeTable(`no screen for ${this.hall.settings.idleMinutes} minutes`);
  }

  /** The fires still to come: the scenario's scheduled ones and those the facilitator set ahead, soonest first. */
  private upcoming(now: number): UpcomingFire[] {
    const scheduled = scheduledFires(this.session.scenario)
      .filter((f) => f.at >= now && f.command.type === 'injectIncident')
      .map((f) => ({
        at: f.at,
        command: f.command as { service: string; kind: string },
        source: 'scheduled' as const,
      }));
    const planned = this.plans.map((p) => ({ at: p.at, command: p, source: 'facilitator' as const }));
    return [...scheduled, ...planned]
      .sort((a, b) => a.at - b.at)
      .slice(0, 8)
      .map((f) => ({
        at: f.at,
        clock: formatClock(f.at),
        service: this.session.scenario.services.find((x) => x.id === f.command.service)?.name ?? f.command.service,
        kind: f.command.kind,
        source: f.source,
      }));
  }

  /** Keeps the table's summary (for the facilitator console) at most every two seconds unless asked. */
  private publish(now: boolean): void {
    const t = Date.now();
    if (!now && t - this.summaryAt < 2000) return;
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
      score: Math.round(scoreCard(s).score * 10) / 10,
      par: Math.round(ghost.par * 10) / 10,
      liveIncidents: s.openIncidents.filter((id) => s.incidents[id]?.phase !== 'undetected').length,
      silentSuccesses: ghost.report.net,
      players: this.seats.all().filter(holdsRole).length,
      screens: this.clients.length,
      services: this.session.scenario.services.map((x) => ({
        id: x.id,
        name: x.name,
        kinds: weaknessKinds(s, x.id),
      })),
      upcoming: this.upcoming(s.now),
    };
    void this.setMetadata(summary);
  }
}

/** The first framing the audience gave at this table, if any (a demo table asked once keeps to it). */
function firstAudienceFraming(session: RoundSession): string | null {
  for (const e of session.entries)
    if (isCommandEntry(e) && e.by === 'audience' && e.command.type === 'frameRetro') return e.command.framing;
  return null;
}

function lastSpeed(session: RoundSession): number {
  for (let i = session.entries.length - 1; i >= 0; i--) {
    const e = session.entries[i];
    if (e && 'control' in e && e.control === 'speed' && typeof e.value === 'number') return e.value;
  }
  return 1;
}

function isPausedInLog(session: RoundSession): boolean {
  for (let i = session.entries.length - 1; i >= 0; i--) {
    const e = session.entries[i];
    if (e && 'control' in e && e.control !== 'speed') return e.control === 'pause';
  }
  return true;
}
