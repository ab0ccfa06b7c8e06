import type { TableSummary } from '../protocol/rooms';

/** One table as the console lists it. */
export type TableRow = TableSummary & { table: string };

/** A vote as the audience room reports it. */
export interface Tally {
  question: string;
  options: string[];
  counts: number[];
  open: boolean;
}

export interface VoteResult extends Tally {
  winner: string;
  fed: { table: string; refused: string | null } | null;
}

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
  inject(table: string, service: string, kind: string): void;
  openVote(question: string, options: string[]): void;
  closeVote(feedTo: string | null): void;
}

/**
 * Joins the facilitator console with the code (a wrong code is refused by the server) and the audience
 * room beside it. The client library loads only here.
 */
export async function connectConsole(server: string, code: string, on: ConsoleEvents): Promise<ConsoleLine> {
  const { Client } = await import('colyseus.js');
  const client = new Client(server);
  const desk = await client.joinOrCreate('facilitator', { code });
  const hall = await client.joinOrCreate('audience', {});
  const say = (reason: unknown) => on.refused(String((reason as { reason?: unknown })?.reason ?? reason).slice(0, 300));
  desk.onMessage('tables', (rows: TableRow[]) => on.tables(Array.isArray(rows) ? rows.slice(0, 200) : []));
  desk.onMessage('refused', say);
  desk.onLeave(() => on.left('the console lost its connection to the room server'));
  hall.onMessage('vote', (t: Tally) => on.tally(t));
  hall.onMessage('result', (r: VoteResult) => on.result(r));
  hall.onMessage('refused', say);
  hall.onMessage('counted', () => {});
  return {
    pauseAll: () => desk.send('pauseAll'),
    resumeAll: () => desk.send('resumeAll'),
    pause: (table) => desk.send('pause', { table }),
    resume: (table) => desk.send('resume', { table }),
    inject: (table, service, kind) => desk.send('inject', { table, service, kind }),
    openVote: (question, options) => hall.send('open', { code, question, options }),
    closeVote: (feedTo) => hall.send('close', feedTo ? { code, table: feedTo } : { code }),
  };
}

/** A phone's line to the audience room: it sees the vote and casts (or changes) its one vote. */
export async function joinAudience(
  server: string,
  on: { tally(t: Tally): void; result(r: VoteResult): void; counted(option: number): void; left(reason: string): void },
): Promise<{ vote(option: number): void }> {
  const { Client } = await import('colyseus.js');
  const hall = await new Client(server).joinOrCreate('audience', {});
  hall.onMessage('vote', (t: Tally) => on.tally(t));
  hall.onMessage('result', (r: VoteResult) => on.result(r));
  hall.onMessage('counted', (m: { option: number }) => on.counted(m.option));
  hall.onMessage('refused', () => {});
  hall.onLeave(() => on.left('lost the connection; reload to vote again'));
  return { vote: (option) => hall.send('vote', { option }) };
}
