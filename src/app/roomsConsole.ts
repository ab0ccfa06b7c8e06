import { AUDIENCE_ROOM, audienceDown, audienceUp, type Tally, type VoteResult } from '../protocol/audience';
import { FACILITATOR_ROOM, facilitatorDown, facilitatorUp, type TableRow } from '../protocol/facilitator';
import type { ConditionKind } from '../sim';

export type { TableRow, Tally, VoteResult };

/** What the console hears from the room server. */
export interface ConsoleEvents {
  tables(rows: TableRow[]): void;
  tally(t: Tally): void;
  result(r: VoteResult): void;
  refused(reason: string): void;
  left(reason: string): void;
}

/** The console's line to the room server: every table, and the audience. */
export interface ConsoleLine {
  pauseAll(): void;
  resumeAll(): void;
  pause(table: string): void;
  resume(table: string): void;
  inject(table: string, service: string, kind: ConditionKind): void;
  openVote(question: string, options: string[]): void;
  closeVote(feedTo: string | null): void;
}

const reasonOf = (m: { reason?: unknown }) => String(m?.reason ?? '').slice(0, 300);

/**
 * Joins the facilitator console with the code (a wrong code is refused by the server) and the audience
 * room beside it. The client library loads only here.
 */
export async function connectConsole(server: string, code: string, on: ConsoleEvents): Promise<ConsoleLine> {
  const { Client } = await import('colyseus.js');
  const client = new Client(server);
  const desk = await client.joinOrCreate(FACILITATOR_ROOM, { code });
  const hall = await client.joinOrCreate(AUDIENCE_ROOM, {});
  facilitatorDown.listen(desk, {
    tables: (rows) => on.tables(Array.isArray(rows) ? rows.slice(0, 200) : []),
    refused: (m) => on.refused(reasonOf(m)),
  });
  desk.onLeave(() => on.left('the console lost its connection to the room server'));
  audienceDown.listen(hall, {
    vote: (t) => on.tally(t),
    result: (r) => on.result(r),
    refused: (m) => on.refused(reasonOf(m)),
    counted: () => {},
  });
  const toDesk = facilitatorUp.to(desk);
  const toHall = audienceUp.to(hall);
  return {
    pauseAll: () => toDesk.pauseAll({}),
    resumeAll: () => toDesk.resumeAll({}),
    pause: (table) => toDesk.pause({ table }),
    resume: (table) => toDesk.resume({ table }),
    inject: (table, service, kind) => toDesk.inject({ table, service, kind }),
    openVote: (question, options) => toHall.open({ code, question, options }),
    closeVote: (feedTo) => toHall.close(feedTo ? { code, table: feedTo } : { code }),
  };
}

/** A phone's line to the audience room: it sees the vote and casts (or changes) its one vote. */
export async function joinAudience(
  server: string,
  on: { tally(t: Tally): void; result(r: VoteResult): void; counted(option: number): void; left(reason: string): void },
): Promise<{ vote(option: number): void }> {
  const { Client } = await import('colyseus.js');
  const hall = await new Client(server).joinOrCreate(AUDIENCE_ROOM, {});
  audienceDown.listen(hall, {
    vote: (t) => on.tally(t),
    result: (r) => on.result(r),
    counted: (m) => on.counted(m.option),
    refused: () => {},
  });
  hall.onLeave(() => on.left('lost the connection; reload to vote again'));
  const toHall = audienceUp.to(hall);
  return { vote: (option) => toHall.vote({ option }) };
}
