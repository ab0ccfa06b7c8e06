import { type AuthContext, type Client, ErrorCode, matchMaker, Room, ServerError } from '@colyseus/core';
import { AUDIENCE_ROOM } from '../src/protocol/audience';
import type { TableSummary } from '../src/protocol/facilitator';
import {
  type ProjectedVote,
  type ProjectorScreen,
  projectedTable,
  projectorDown,
  projectorJoin,
  projectorUp,
} from '../src/protocol/projector';
import { TABLE_ROOM } from '../src/protocol/table';
import { addressOf } from './addresses';
import type { AudienceHall } from './audienceRoom';
import { type Budgets, serveWithin } from './budget';
import { rankRows } from './facilitatorRoom';
import { toClient, toEveryone } from './outbox';
import { logRefusal } from './refusals';
import type { StageState } from './stageState';
import { asResult, type KeptVote } from './voteBook';

const BUDGETS: Budgets<typeof projectorUp.schemas> = { other: { perSecond: 0.2, burst: 2 } };

/** The stage every process's projectors read (set when the server starts). */
let stageOf: StageState | null = null;

export function projectFrom(stage: StageState): void {
  stageOf = stage;
}

/** A vote as the projector shows it: how many voted, and each answer's count only once it has closed. */
export function projectVote(vote: KeptVote | null): ProjectedVote | null {
  if (!vote) return null;
  const result = asResult(vote);
  return {
    question: vote.question,
    options: vote.options,
    open: vote.open,
    closesAt: vote.closesAt ?? null,
    votes: vote.counts.reduce((a, b) => a + b, 0),
    counts: vote.open ? null : vote.counts,
    winner: result?.winner ?? null,
  };
}

/**
 * The projector's view, apart from the console: the address to vote at, phones connected and votes cast, the
 * countdown and (once closed) the result, the phase timer and the tables ranked. It steers nothing; joining
 * takes the key in the projector's link.
 */
export class ProjectorRoom extends Room {
  override patchRate = 250;
  override maxClients = 8;
  private audience!: AudienceHall;
  private stage!: StageState;
  private shown = '';
  private readonly everyone = projectorDown.to(toEveryone(this));

  static override async onAuth(_token: string, raw: unknown, context: AuthContext): Promise<boolean> {
    const asked = projectorJoin.safeParse(raw ?? {});
    if (asked.success && stageOf?.keyFits(asked.data.key)) return true;
    logRefusal(addressOf(context), 'projector', 'a wrong projector key');
    throw new ServerError(ErrorCode.AUTH_FAILED, 'that projector link is not this server’s: open it from the console');
  }

  override onCreate(options: { audience: AudienceHall; stage: StageState }): void {
    this.audience = options.audience;
    this.stage = options.stage;
    serveWithin(projectorUp, this, BUDGETS, {}, () => undefined);
    this.clock.setInterval(() => void this.project(false), 500);
  }

  override onJoin(client: Client): void {
    void this.screen().then((s) => projectorDown.to(toClient(client, this.roomName)).screen(s));
  }

  private async screen(): Promise<ProjectorScreen> {
    const [vote, timer, final, audience, tableRooms] = await Promise.all([
      this.audience.book.tally(),
      this.stage.timer(),
      this.stage.final(),
      matchMaker.query({ name: AUDIENCE_ROOM }),
      matchMaker.query({ name: TABLE_ROOM }),
    ]);
    const rows = tableRooms.filter((r) => r.metadata).map((r) => r.metadata as TableSummary);
    const live = rankRows(rows.filter((r) => !r.demo)).map(projectedTable);
    const ended = live.length === 0 && final !== null;
    return {
      now: Date.now(),
      address: this.stage.addresses[0] ?? '',
      phones: audience.reduce((n, r) => n + r.clients, 0),
      vote: projectVote(vote),
      timer,
      tables: ended ? (final ?? []) : live,
      ended,
    };
  }

  private async project(now: boolean): Promise<void> {
    if (this.clients.length === 0) return;
    const screen = await this.screen();
    const shown = JSON.stringify({ ...screen, now: 0 });
    if (!now && shown === this.shown) return;
    this.shown = shown;
    this.everyone.screen(screen);
  }
}
