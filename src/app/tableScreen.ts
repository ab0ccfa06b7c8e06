import { RoundSession } from '../round/roundSession';
import type { Seat } from '../round/seats';
import { readLog } from '../sim';
import { joinTable, type TableLine } from './remoteTable';
import type { GameStore } from './store';
import type { TableRound } from './tableRound';

/**
 * Sits this screen at a table on a room server: the table's log is checked and replayed here, and
 * from then on the server's entries and minutes keep this screen's world in step with everyone's.
 * Returns a problem in words, or null.
 */
export async function sitAtTable(
  store: GameStore,
  server: string,
  code: string,
  seat: Seat,
  table: { demo?: boolean } = {},
): Promise<string | null> {
  let line: TableLine | null = null;
  let round: TableRound | null = null;
  let pending: (() => void) | null = null;
  try {
    line = await joinTable(
      server,
      code.trim(),
      seat,
      {
        welcome: (raw, { paused }) => {
          const start = () => {
            const read = readLog(raw);
            if (!read.ok || !line) {
              store.say(`The table's log could not be read: ${read.ok ? 'no line' : read.problem}`);
              return;
            }
            round?.replace();
            round = store.playAtTable(RoundSession.replica(read.log), line, paused);
          };
          if (line) start();
          else pending = start;
        },
        entries: (entries) => round?.entries(entries),
        minute: (minute) => round?.minute(minute),
        control: ({ paused }) => round?.control(paused),
        refused: (reason) => store.say(`The table refused that: ${reason}`),
        notice: (text) => store.say(text),
        left: (why) => store.say(`You ${why}.`),
      },
      table,
    );
    (pending as (() => void) | null)?.();
    return null;
  } catch (err) {
    return `could not join the table (${err instanceof Error ? err.message : String(err)})`;
  }
}
