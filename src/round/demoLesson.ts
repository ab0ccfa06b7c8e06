import { plural } from '../content/words';
import { MINUTES_PER_HOUR, type SilentReport, type SilentSuccess, type Snapshot } from '../sim';

/** A fire here this close to the other timeline's on the same service counts as the service burning here too. */
const SAME_FIRE_MINUTES = 6 * MINUTES_PER_HOUR;

/** The demo's punchline, in large words at its end: what the round showed, derived from both timelines. */
export interface DemoLesson {
  /** What happened, e.g. "In the other timeline Catalog burned. Here it did not:". */
  headline: string;
  /** The change that made the difference, when there is one (an action item's title). */
  lesson: string | null;
  /** The counts behind it, in small print. */
  facts: string;
}

/** A silent success whose service did not burn here at all around the minute it burned in the other timeline. */
function quietHere(ours: Snapshot, p: SilentSuccess): boolean {
  const there = p.incident;
  return !ours.incidentOrder.some((id) => {
    const inc = ours.incidents[id];
    return (
      !!inc &&
      !inc.prior &&
      (inc.service === there.service || inc.affected.includes(there.service)) &&
      Math.abs(inc.startedAt - there.startedAt) <= SAME_FIRE_MINUTES
    );
  });
}

/**
 * The lesson of a finished round, and only what is true of it: "In the other timeline X burned. Here it did
 * not" only when a change of this team's weakened that very failure before it fired there, this team came out
 * with fewer incidents than the other, and X was quiet here at that time. Otherwise it says what did happen.
 */
export function demoLesson(ours: Snapshot, silent: SilentReport | null): DemoLesson {
  const closed = Object.values(ours.actionItems).filter((a) => a.status === 'closed').length;
  const published = Object.values(ours.retros).filter((r) => r.phase === 'published').length;
  const here = silent?.incidents ?? 0;
  const there = silent?.replayIncidents ?? 0;
  const facts = `Here: ${plural(here, 'incident')}, ${plural(published, 'retro')} held, ${plural(closed, 'action item')} closed. The never-learning team, on the same luck: ${plural(there, 'incident')}.`;
  const shown = silent && silent.net > 0 ? silent.prevented.find((p) => quietHere(ours, p)) : undefined;
  if (shown)
    return {
      headline: `In the other timeline ${shown.serviceName} burned. Here it did not:`,
      lesson: shown.preventedBy.title,
      facts,
    };
  const prevented = silent?.prevented.length ?? 0;
  if (here < there)
    return {
      headline:
        prevented === 0
          ? `${plural(there - here, 'incident')} fewer here than in the other timeline, none of them stopped by a change of this team's: luck, this time.`
          : `${plural(there - here, 'incident')} fewer here than in the other timeline.`,
      lesson: null,
      facts,
    };
  if (here > there)
    return {
      headline: `This time the team that never learns had ${plural(here - there, 'incident')} fewer.`,
      lesson: null,
      facts,
    };
  return {
    headline:
      prevented > 0
        ? `Both timelines had ${plural(here, 'incident')}: a fire stopped here was matched by one the other team did not have.`
        : `Both timelines had ${plural(here, 'incident')}.`,
    lesson: null,
    facts,
  };
}
