/**
 * The attacks `npm run bench:rooms -- --attack MODE` runs against its own servers, each from one address,
 * for as long as each spell of attack lasts. Each returns what the attacker got: how often it was refused or
 * disconnected, and what (if anything) got through. The attacker runs in a process of its own (as on a
 * laptop of its own), so the clients that measure round trips do not share their event loop with it:
 * `attackerProcess()` starts it, and it waits for the word to go.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { setPriority } from 'node:os';
import { resolve } from 'node:path';
import { Client, type Room } from 'colyseus.js';
import { AUDIENCE_ROOM, audienceDown, audienceUp } from '../src/protocol/audience';
import { FACILITATOR_ROOM } from '../src/protocol/facilitator';
import { TABLE_ROOM, type TableDown, tableDown, tableUp } from '../src/protocol/table';
import { tableCodeFrom } from '../src/protocol/tableCode';
import type { Handlers } from '../src/protocol/wire';

/** `none` runs the same spells with an attacker that does nothing: what the criterion reads with no attack. */
export const ATTACKS = ['flood', 'slow-reader', 'table-spam', 'vote-stuffing', 'none'] as const;
export type Attack = (typeof ATTACKS)[number];

interface Ground {
  urls: string[];
  /** Tables set up for the attacker to sit at (flood, slow reader). */
  codes: string[];
  seconds: number;
  device(url: string, address?: string): Client;
}

/** What the attacker process is told when it is time. */
export type Orders = Omit<Ground, 'device'> & { mode: Attack };

const ADDRESS = '10.66.6.6';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Hears a table's messages, doing nothing with those it is not given handlers for. */
function quiet(room: Room, on: Partial<Handlers<TableDown>> = {}): void {
  const all = Object.fromEntries(tableDown.names.map((n) => [n, () => {}])) as unknown as Handlers<TableDown>;
  tableDown.listen(room, { ...all, ...on });
}

/** The flooder's screens so far, over every spell: each comes back under a name not yet used. */
let flooders = 0;

/** Sends `hash`, a second `hello` and unknown messages as fast as the socket takes them; comes back when cut off. */
async function flood(g: Ground): Promise<Record<string, number>> {
  const code = g.codes[0] as string;
  const client = g.device(g.urls[0] as string, ADDRESS);
  const out = { sent: 0, refusals: 0, disconnects: 0, rejoins: 0 };
  const end = Date.now() + g.seconds * 1000;
  while (Date.now() < end) {
    let room: Room;
    try {
      // Cut off before it reads its seat's token, it comes back under a new name each time.
      room = await client.joinById(code, { player: `Flo${flooders}`, role: 'spectator' });
      flooders++;
      out.rejoins++;
    } catch (err) {
      if (process.env.BENCH_DEBUG) console.log('flood rejoin refused:', String(err));
      await sleep(200);
      continue;
    }
    let open = true;
    quiet(room, {
      refused: () => {
        out.refusals++;
      },
    });
    room.onLeave(() => {
      open = false;
      out.disconnects++;
    });
    const up = tableUp.to(room);
    while (open && Date.now() < end) {
      for (let i = 0; i < 500; i++) {
        up.hash({});
        up.hello({});
        room.send('no-such-message', { junk: 'x'.repeat(200) });
        out.sent += 3;
      }
      await sleep(5);
    }
    if (open) await room.leave(true).catch(() => undefined);
  }
  return out;
}

/** Opens screens and phones that never read what the server sends. */
async function slowReader(g: Ground): Promise<Record<string, number>> {
  const out = { readers: 0, dropped: 0 };
  const readers: Room[] = [];
  for (let i = 0; i < 40; i++) {
    const url = g.urls[i % g.urls.length] as string;
    try {
      const room =
        i % 2 === 0
          ? await g.device(url, ADDRESS).joinById(g.codes[0] as string, { player: `Slow${i}`, role: 'spectator' })
          : await g.device(url, ADDRESS).joinOrCreate(AUDIENCE_ROOM, {});
      if (i % 2 === 0) {
        quiet(room);
        tableUp.to(room).hello({});
      } else
        audienceDown.listen(room, {
          device: () => {},
          vote: () => {},
          result: () => {},
          counted: () => {},
          refused: () => {},
        });
      room.onLeave(() => {
        out.dropped++;
      });
      (
        room.connection as unknown as { transport: { ws: { _socket: { pause(): void } } } }
      ).transport.ws._socket.pause();
      readers.push(room);
      out.readers++;
    } catch {
      // refused: counted by what is missing
    }
  }
  await sleep(g.seconds * 1000);
  // Its sockets were paused, so it could not see the server close them: it reads again to find out.
  for (const r of readers)
    (r.connection as unknown as { transport: { ws: { _socket: { resume(): void } } } }).transport.ws._socket.resume();
  await sleep(2000);
  return out;
}

/** Tries to make tables without the facilitator: as the matchmaker, with a guessed ticket, with guessed codes. */
async function tableSpam(g: Ground): Promise<Record<string, number>> {
  const out = { tries: 0, refused: 0, accepted: 0 };
  const end = Date.now() + g.seconds * 1000;
  const client = g.device(g.urls[0] as string, ADDRESS);
  const tries: (() => Promise<unknown>)[] = [
    () => client.create(TABLE_ROOM, { seed: 1 }),
    () => client.joinOrCreate(TABLE_ROOM, { code: tableCodeFrom(randomBytes(8)), ticket: 'guess' }),
    () => client.joinById(tableCodeFrom(randomBytes(8)), { player: 'Spam', role: 'spectator' }),
    () => client.joinOrCreate(FACILITATOR_ROOM, { code: randomBytes(8).toString('hex') }),
  ];
  const worker = async () => {
    for (let i = 0; Date.now() < end; i++) {
      out.tries++;
      try {
        const room = (await tries[i % tries.length]?.()) as Room;
        out.accepted++;
        await room.leave(true);
      } catch {
        out.refused++;
      }
    }
  };
  await Promise.all(Array.from({ length: 10 }, worker));
  return out;
}

/**
 * One address opens as many phones as it can, fifty at once, and votes with each; it keeps trying new phones
 * until the attack's time is up, so the attack is as heavy at its end as at its start however long it lasts.
 */
async function voteStuffing(g: Ground): Promise<Record<string, number>> {
  const out = { phones: 0, refusedPhones: 0, votesCounted: 0, votesRefused: 0 };
  const phones: Room[] = [];
  const end = Date.now() + g.seconds * 1000;
  for (let batch = 0; Date.now() < end; batch++) {
    const joined = await Promise.all(
      Array.from({ length: 50 }, () =>
        g
          .device(g.urls[batch % g.urls.length] as string, ADDRESS)
          .joinOrCreate(AUDIENCE_ROOM, {})
          .catch(() => null),
      ),
    );
    for (const p of joined) {
      if (!p) {
        out.refusedPhones++;
        continue;
      }
      out.phones++;
      phones.push(p);
      audienceDown.listen(p, {
        device: () => {},
        vote: () => {},
        result: () => {},
        counted: () => {
          out.votesCounted++;
        },
        refused: () => {
          out.votesRefused++;
        },
      });
      audienceUp.to(p).vote({ option: 0 });
    }
  }
  await sleep(Math.max(0, end - Date.now()));
  await Promise.all(phones.map((p) => p.leave(true).catch(() => undefined)));
  return out;
}

export async function attack(mode: Attack, g: Ground): Promise<Record<string, number>> {
  if (mode === 'flood') return flood(g);
  if (mode === 'slow-reader') return slowReader(g);
  if (mode === 'table-spam') return tableSpam(g);
  if (mode === 'none') {
    await sleep(g.seconds * 1000);
    return {};
  }
  return voteStuffing(g);
}

/** The attacker's process, started ahead and ready: `go` runs an attack there and brings back what it got. */
export interface AttackerProcess {
  child: ChildProcess;
  /** The niceness it runs at (19: only on cores the servers and the players leave idle). */
  niceness: number;
  go(orders: Orders): Promise<Record<string, number>>;
  stop(): void;
}

/**
 * Starts the attacker's process. An attacker's laptop does not take the server's cores: here, on the same
 * machine, it runs at `niceness` (19 by default), so it has every core the servers and the players leave idle
 * and the scheduler does not make them wait for it. Its attack is the same (the server's budgets, not its
 * CPU, set its pace); what it got is reported with the figures. Niceness 0 shares the cores evenly.
 */
export async function attackerProcess(niceness = 19): Promise<AttackerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, 'roomsAttacks.ts')], {
    env: { ...process.env, FIREPANTS_ATTACKER: '1' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let applied = 0;
  try {
    if (child.pid !== undefined && niceness !== 0) {
      setPriority(child.pid, niceness);
      applied = niceness;
    }
  } catch {
    // not allowed here: it shares the cores evenly
  }
  await new Promise<void>((ok, no) => {
    child.once('message', () => ok());
    child.once('exit', (code) => no(new Error(`the attacker's process exited (${code})`)));
  });
  return {
    child,
    niceness: applied,
    go: (orders) =>
      new Promise((ok, no) => {
        child.once('message', (m) => ok(m as Record<string, number>));
        child.once('exit', (code) => no(new Error(`the attacker's process exited (${code})`)));
        child.send(orders);
      }),
    stop: () => {
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

if (process.env.FIREPANTS_ATTACKER === '1' && process.send) {
  // A phone hears its device token before its listeners are in place: not news.
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (!String(args[0]).includes('onMessage() not registered')) warn(...args);
  };
  const device = (url: string, address?: string) =>
    new Client(url, { headers: { 'X-Forwarded-For': address ?? ADDRESS } });
  // One attack at a time, as often as it is told: each spell's figures go back when it is over.
  process.on('message', (orders: Orders) => {
    void attack(orders.mode, { ...orders, device }).then(
      (out) => process.send?.(out),
      (err: unknown) => {
        console.error(`the attacker failed: ${String(err)}`);
        process.exit(1);
      },
    );
  });
  process.send('ready');
}
