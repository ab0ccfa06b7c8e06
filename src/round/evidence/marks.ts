import {
  allEventsOf,
  CONDITION_KINDS,
  type Command,
  isCommandEntry,
  type LogEntry,
  type SimEvent,
  type Snapshot,
} from '../../sim';

/**
 * The behavioural timestamps of an incident, in the order a response moves through them [Maennel et al. 2017]:
 * each is a minute of the round, read from the world and its events, or null when it never happened.
 */
export const MARKS = [
  'detected',
  'acknowledged',
  'rolesSet',
  'firstStatus',
  'firstUsefulClue',
  'mitigated',
  'retroHeld',
  'itemClosed',
] as const;
export type Mark = (typeof MARKS)[number];

/** What each mark means, in the words the report and the exports use. */
export const MARK_WORDS: Record<Mark, string> = {
  detected: 'detected (an alert or a customer)',
  acknowledged: 'the page answered',
  rolesSet: 'an incident commander named',
  firstStatus: 'the first status update to customers',
  firstUsefulClue: 'the first clue that ruled something out',
  mitigated: 'mitigated',
  retroHeld: 'its retro published',
  itemClosed: 'the first action item from that retro closed',
};

/** One incident's timestamps, and who the log credits with the decisions behind them. */
export interface IncidentMarks {
  id: string;
  service: string;
  /** Set on purpose (a facilitator's, the script's or the guided fire), not by the system's own weakness. */
  injected: boolean;
  startedAt: number;
  at: Record<Mark, number | null>;
  /** The player credited with each decision-made mark, at a table whose players named their roles. */
  credit: Partial<Record<Mark, string>>;
}

type CommandEntry = Extract<LogEntry, { command: Command }>;

const useful = (classes: number) => classes < CONDITION_KINDS.length;

/** The first minute each incident reached the marks its events record (roles, status, clue, retro, item). */
function eventMarks(world: Snapshot): Map<string, { marks: Partial<Record<Mark, number>>; clue?: SimEvent }> {
  const out = new Map<string, { marks: Partial<Record<Mark, number>>; clue?: SimEvent }>();
  const of = (id: string) => {
    let row = out.get(id);
    if (!row) {
      row = { marks: {} };
      out.set(id, row);
    }
    return row;
  };
  const first = (id: string | null | undefined, mark: Mark, at: number) => {
    if (!id) return;
    const row = of(id);
    if (row.marks[mark] === undefined) row.marks[mark] = at;
  };
  const retroIncident = (retro: string) =>
    Object.hasOwn(world.retros, retro) ? world.retros[retro]?.incidentId : null;
  const itemIncident = (item: string) => {
    const retro = Object.hasOwn(world.actionItems, item) ? world.actionItems[item]?.retroId : null;
    return retro ? retroIncident(retro) : null;
  };
  for (const e of allEventsOf(world)) {
    if (e.type === 'role-assigned' && e.role === 'commander') first(e.incident, 'rolesSet', e.at);
    else if (e.type === 'status-posted') first(e.incident, 'firstStatus', e.at);
    else if (e.type === 'clue-found' && useful(e.classes) && of(e.incident).marks.firstUsefulClue === undefined) {
      first(e.incident, 'firstUsefulClue', e.at);
      of(e.incident).clue = e;
    } else if (e.type === 'retro-published') first(retroIncident(e.retro), 'retroHeld', e.at);
    else if (e.type === 'action-item-closed') first(itemIncident(e.item), 'itemClosed', e.at);
  }
  return out;
}

/** The player a log entry credits, when it names one. */
const playerOf = (e: CommandEntry | undefined) => e?.seat?.player;

/** Who made the decisions behind an incident's marks, read from the input log. */
function credits(
  world: Snapshot,
  id: string,
  at: Record<Mark, number | null>,
  clue: SimEvent | undefined,
  entries: readonly CommandEntry[],
): Partial<Record<Mark, string>> {
  const inc = world.incidents[id];
  const find = (mark: Mark, test: (c: Command) => boolean, when: (a: number) => boolean) => {
    const t = at[mark];
    if (t === null) return undefined;
    return playerOf(entries.findLast((e) => when(e.at) && test(e.command)));
  };
  const is = (t: number | null) => (a: number) => a === t;
  const worked = inc?.attempts.find((a) => a.outcome === 'worked');
  const out: Partial<Record<Mark, string | undefined>> = {
    acknowledged: find('acknowledged', (c) => c.type === 'acknowledge' && c.incident === id, is(at.acknowledged)),
    rolesSet: find(
      'rolesSet',
      (c) => c.type === 'assignRole' && c.incident === id && c.role === 'commander',
      is(at.rolesSet),
    ),
    firstStatus: find('firstStatus', (c) => c.type === 'postStatus' && c.incident === id, is(at.firstStatus)),
    firstUsefulClue:
      clue?.type === 'clue-found'
        ? find(
            'firstUsefulClue',
            (c) =>
              c.type === 'investigate' && c.incident === id && c.step === clue.step && c.engineer === clue.engineer,
            (a) => a <= clue.at,
          )
        : undefined,
    mitigated: worked
      ? find(
          'mitigated',
          (c) => c.type === 'mitigate' && c.incident === id && c.action === worked.action,
          is(worked.startedAt),
        )
      : undefined,
    retroHeld: find(
      'retroHeld',
      (c) => c.type === 'publishRetro' && c.retro === (inc?.retroId ?? null),
      is(at.retroHeld),
    ),
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined)) as Partial<Record<Mark, string>>;
}

/**
 * Every incident of the round (last week's outages left out: they happened before it), with its
 * behavioural timestamps read from the world, and the decisions behind them credited from the input log.
 */
export function incidentMarks(world: Snapshot, entries: readonly LogEntry[] = []): IncidentMarks[] {
  const fromEvents = eventMarks(world);
  const commands = entries.filter(isCommandEntry);
  const out: IncidentMarks[] = [];
  for (const id of world.incidentOrder) {
    const inc = world.incidents[id];
    if (!inc || inc.prior) continue;
    const seen = fromEvents.get(id);
    const at: Record<Mark, number | null> = {
      detected: inc.detectedAt,
      acknowledged: inc.ackAt,
      rolesSet: seen?.marks.rolesSet ?? null,
      firstStatus: seen?.marks.firstStatus ?? null,
      firstUsefulClue: seen?.marks.firstUsefulClue ?? null,
      mitigated: inc.mitigatedAt,
      retroHeld: seen?.marks.retroHeld ?? null,
      itemClosed: seen?.marks.itemClosed ?? null,
    };
    out.push({
      id,
      service: inc.service,
      injected: inc.injected,
      startedAt: inc.startedAt,
      at,
      credit: credits(world, id, at, seen?.clue, commands),
    });
  }
  return out;
}
