import type { Snapshot } from '../../../sim';
import { type GoalVerdict, type PlayedLevel, roundIncidents, verdict } from '../played';

/** Minutes from detection to the first status update, at most. */
export const FIRST_WORD_MINUTES = 15;
/** Minutes from the answer to a named comms lead, at most. */
export const COMMS_MINUTES = 10;
/** The longest silence towards customers while a fire burns. */
export const SILENCE_MINUTES = 45;

interface Heard {
  first: number | null;
  comms: number | null;
  longestSilence: number;
}

/** What customers heard of one incident, and when someone took comms. */
function heard(world: Snapshot, inc: Snapshot['incidents'][string]): Heard {
  const posts: number[] = [];
  let comms: number | null = null;
  for (const chunk of world.log)
    for (const e of chunk) {
      if (e.type === 'status-posted' && e.incident === inc.id) posts.push(e.at);
      if (e.type === 'role-assigned' && e.incident === inc.id && e.role === 'comms' && comms === null) comms = e.at;
    }
  const from = inc.detectedAt ?? inc.startedAt;
  const until = inc.mitigatedAt ?? world.now;
  let last = from;
  let longest = 0;
  for (const at of [...posts.filter((p) => p <= until), until]) {
    longest = Math.max(longest, at - last);
    last = at;
  }
  return { first: posts[0] ?? null, comms, longestSilence: longest };
}

/**
 * Level 8: customers hear early and keep hearing: on every incident someone takes comms soon after the
 * answer, the first update goes out soon after detection, and no silence lasts long while it burns.
 */
export function statusPageGoal(level: PlayedLevel): GoalVerdict {
  const { world } = level;
  const seen = roundIncidents(world).filter((i) => i.detectedAt !== null);
  const rows = seen.map((inc) => ({ inc, h: heard(world, inc) }));
  const late = rows.filter(({ inc, h }) => h.first === null || h.first - (inc.detectedAt ?? 0) > FIRST_WORD_MINUTES);
  const noComms = rows.filter(({ inc, h }) => h.comms === null || h.comms - (inc.ackAt ?? h.comms) > COMMS_MINUTES);
  const silent = rows.filter(({ h }) => h.longestSilence > SILENCE_MINUTES);
  const of = (bad: unknown[]) => `${seen.length - bad.length} of ${seen.length} incidents`;
  return verdict([
    {
      asks: `Someone takes comms within ${COMMS_MINUTES} minutes of answering, on every incident`,
      met: seen.length > 0 && noComms.length === 0,
      seen: seen.length === 0 ? 'no incident was seen this week' : of(noComms),
    },
    {
      asks: `The first status update goes out within ${FIRST_WORD_MINUTES} minutes of detection, every time`,
      met: seen.length > 0 && late.length === 0,
      seen: seen.length === 0 ? 'no incident was seen this week' : of(late),
    },
    {
      asks: `No silence towards customers longer than ${SILENCE_MINUTES} minutes while it burns`,
      met: seen.length > 0 && silent.length === 0,
      seen: seen.length === 0 ? 'no incident was seen this week' : of(silent),
    },
  ]);
}
