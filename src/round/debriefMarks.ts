import {
  allEventsOf,
  type Command,
  compareWithReplay,
  conditionWords,
  type InputLog,
  type InvestigationStep,
  isCommandEntry,
  type LogEntry,
  type Mitigation,
  type Snapshot,
  workingRemedies,
} from '../sim';
import { creditText } from './seats';

/** A moment worth stopping at in the debrief. */
export interface DebriefMark {
  at: number;
  kind: 'incident' | 'prevented' | 'decision' | 'retro' | 'item';
  text: string;
}

const MITIGATION_WORDS: Record<Mitigation, string> = {
  rollback: 'roll back',
  failover: 'fail over',
  'scale-up': 'scale up',
  'flag-off': 'switch the feature flag off',
  restart: 'restart',
};

/** What a responder does at each investigation step, as a sentence says it. */
const STEP_WORDS: Record<InvestigationStep, string> = {
  dashboards: 'look at the dashboards',
  logs: 'read the logs',
  deploys: 'check the recent deploys',
  dependency: "check the dependencies' health",
  runbook: 'follow the runbook',
  expert: 'ask the expert',
};

const list = (words: string[]) =>
  words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;

type Entry = Extract<LogEntry, { command: Command }>;

/** Who a decision is credited to: the player in their seat, or who gave it. */
function who(e: Entry): string {
  if (e.seat) return creditText(e.seat);
  const by: Record<string, string> = {
    player: 'The table',
    bot: 'The bot',
    demo: 'The demo bot',
    delegate: 'The team, by itself',
    audience: 'The audience',
  };
  return by[e.by] ?? 'The table';
}

/**
 * Whether a mitigation fitted the failure as it truly was (the class is revealed in the debrief), and what
 * came of it, from the attempt the world recorded.
 */
function mitigationVerdict(end: Snapshot, incident: string, action: Mitigation, at: number): string {
  const inc = end.incidents[incident];
  const attempt = inc?.attempts.find((a) => a.startedAt === at && a.action === action);
  if (!inc || !attempt) return 'it did not start';
  const what = conditionWords(inc.kind);
  const fits = workingRemedies(inc);
  const others = fits.filter((f) => f !== action).map((f) => MITIGATION_WORDS[f]);
  const right = fits.includes(action);
  const instead = others.length > 0 ? `; ${list(others)} would have fitted` : '';
  switch (attempt.outcome) {
    case 'worked':
      return `right for the ${what}: it put the fire out`;
    case 'worse':
      return `wrong for the ${what}: it made the fire worse${instead}`;
    case 'pending':
      return `${right ? 'right' : 'wrong'} for the ${what}; still under way when the round ended`;
    default:
      return right
        ? `right for the ${what}, but the fire was already out when it finished`
        : `wrong for the ${what}: it wasted ${attempt.doneAt - attempt.startedAt} min${instead}`;
  }
}

/** A decision on the log in words, naming what was chosen and, where it can be judged, whether it was right. */
function decisionText(end: Snapshot, e: Entry): string | null {
  const c = e.command;
  const svc = (incident: string) => end.services[end.incidents[incident]?.service ?? '']?.name ?? incident;
  const person = (id: string) => end.engineers[id]?.name ?? id;
  switch (c.type) {
    case 'mitigate':
      return `${who(e)} chose to ${MITIGATION_WORDS[c.action]} ${svc(c.incident)} — ${mitigationVerdict(end, c.incident, c.action, e.at)}`;
    case 'investigate': {
      const clue = end.incidents[c.incident]?.clues.find(
        (k) => k.step === c.step && k.by === c.engineer && k.at >= e.at,
      );
      return `${who(e)} had ${person(c.engineer)} ${STEP_WORDS[c.step]} on ${svc(c.incident)} — ${clue ? `“${clue.text}”` : 'no clue came back'}`;
    }
    case 'escalateToExpert': {
      const called = allEventsOf(end).find(
        (ev) => ev.type === 'escalated' && ev.reason === 'expert' && ev.incident === c.incident && ev.at === e.at,
      );
      return `${who(e)} called the expert${called && called.type === 'escalated' ? `, ${person(called.engineer)},` : ''} to ${svc(c.incident)}`;
    }
    case 'pageSecondary':
      return `${who(e)} paged the secondary for ${svc(c.incident)}`;
    case 'pullInTeam':
      return `${who(e)} pulled ${end.teams[c.team]?.name ?? c.team} into the ${svc(c.incident)} fire`;
    case 'runDrill':
      return `${who(e)} ran a drill on ${end.services[c.service]?.name ?? c.service}`;
    case 'reviewNearMiss': {
      const nm = end.nearMisses[c.nearMiss];
      return `${who(e)} reviewed a near miss${nm ? ` on ${end.services[nm.service]?.name ?? nm.service} (${conditionWords(nm.kind)})` : ''}`;
    }
    default:
      return null;
  }
}

/** What each retro decided, from the world's events: its framing, what it surfaced, the items it filed and closed. */
function retroAndItemMarks(end: Snapshot): DebriefMark[] {
  const marks: DebriefMark[] = [];
  const retroOn = (retro: string) => {
    const r = end.retros[retro];
    const inc = r?.incidentId ? end.incidents[r.incidentId] : undefined;
    return inc ? `the retro on ${end.services[inc.service]?.name ?? inc.service}` : 'a near-miss review';
  };
  for (const ev of allEventsOf(end)) {
    if (ev.type === 'retro-framed') {
      const framing =
        ev.framing === 'blame'
          ? `framed as blame: ${end.engineers[ev.blamed ?? '']?.name ?? 'someone'} was named`
          : 'framed blameless: what made sense to them at the time';
      marks.push({ at: ev.at, kind: 'retro', text: `${capital(retroOn(ev.retro))} was ${framing}` });
    } else if (ev.type === 'retro-published') {
      const r = end.retros[ev.retro];
      const found = r ? r.factors.filter((f) => !f.hidden).length : 0;
      const filed = r?.actionItems.length ?? 0;
      marks.push({
        at: ev.at,
        kind: 'retro',
        text: `${capital(retroOn(ev.retro))} was published${r?.depth ? ` (${r.depth}, ${r.framing ?? 'unframed'})` : ''}${ev.shared ? ' and shared org-wide' : ''}: ${found} factor${found === 1 ? '' : 's'} surfaced, ${filed} item${filed === 1 ? '' : 's'} filed`,
      });
    } else if (ev.type === 'action-item-filed') {
      marks.push({ at: ev.at, kind: 'item', text: `Filed: “${ev.title}” (${ev.actionType})` });
    } else if (ev.type === 'action-item-closed') {
      marks.push({ at: ev.at, kind: 'item', text: `Closed: “${ev.title}”${closedWhat(end, ev.item)}` });
    }
  }
  return marks;
}

/** What closing an item did to its weakness, from the world's record of the change. */
function closedWhat(end: Snapshot, item: string | undefined): string {
  const a = item ? end.actionItems[item] : undefined;
  const c = a?.conditionId ? end.conditions[a.conditionId] : undefined;
  if (!a || !c) return '';
  if (c.origin === 'injected') return ' — on a rehearsal’s made-up weakness: nothing real changed';
  const change = c.weakened?.find((w) => w.by === 'item' && w.id === a.id);
  if (!change || change.strengthAfter >= change.strengthBefore) return ' — its weakness was already as weak as it gets';
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  return change.strengthAfter === 0
    ? ` — the ${conditionWords(c.kind)} is gone`
    : ` — the ${conditionWords(c.kind)} is down from ${pct(change.strengthBefore)} to ${pct(change.strengthAfter)} of its danger`;
}

const capital = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);

/** The moments of a round worth talking about, read off the round's world at its end, the replay's and the log. */
export function marksOf(end: Snapshot, ghost: Snapshot, log: InputLog): DebriefMark[] {
  const marks: DebriefMark[] = [];
  const name = (id: string) => end.services[id]?.name ?? id;
  for (const id of end.incidentOrder) {
    const inc = end.incidents[id];
    if (inc && !inc.prior)
      marks.push({
        at: inc.startedAt,
        kind: 'incident',
        text: `${name(inc.service)} caught fire here: ${conditionWords(inc.kind)}${inc.detectedBy === 'customer' ? ', found by customers' : ''}`,
      });
  }
  for (const p of compareWithReplay(end, ghost).prevented) {
    marks.push({
      at: p.incident.startedAt,
      kind: 'prevented',
      text: `${name(p.incident.service)} caught fire in the replay, not here: “${p.preventedBy.title}” had weakened the ${conditionWords(p.incident.kind)} first`,
    });
  }
  for (const e of log.entries) {
    if (!isCommandEntry(e) || e.by === 'setup' || e.by === 'scenario' || e.by === 'guided' || e.by === 'facilitator')
      continue;
    const text = decisionText(end, e);
    if (text) marks.push({ at: e.at, kind: 'decision', text });
  }
  marks.push(...retroAndItemMarks(end));
  return marks.sort((a, b) => a.at - b.at);
}
