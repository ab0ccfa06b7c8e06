import { plural } from '../../content/words';
import {
  conditionWords,
  formatClock,
  investmentTitle,
  peakNotice,
  type SimEvent,
  type Snapshot,
  STEP_LABELS,
} from '../../sim';

const person = (s: Snapshot, id: string) => s.engineers[id]?.name ?? id;
const service = (s: Snapshot, id: string) => s.services[id]?.name ?? id;
const incService = (s: Snapshot, id: string) => service(s, s.incidents[id]?.service ?? id);
/** How long someone from another team needs before they can work the incident. */
const joining = (joinsAt: number | undefined, at: number) =>
  joinsAt !== undefined && joinsAt > at ? ` (ready in ${joinsAt - at} min)` : '';

/** One line of plain words per event, for the feed, the timeline and the story. */
export function describeEvent(s: Snapshot, e: SimEvent): string | null {
  switch (e.type) {
    case 'incident-started':
      return e.injected
        ? `A fire was set on ${service(s, e.service)}; what kind, the responders have to find out.`
        : null;
    case 'fire-held':
      return e.why === 'burning'
        ? null
        : `A fire was set on ${service(s, e.service)}, and it did not take: the weakness there had been ${e.why === 'removed' ? 'removed' : 'guarded'}.`;
    case 'incident-detected':
      return e.by === 'alert'
        ? `An alert fired: ${incService(s, e.incident)} is failing.`
        : `Customers reported ${incService(s, e.incident)} broken before any alert did.`;
    case 'paged':
      return `Paged ${person(s, e.engineer)} for ${incService(s, e.incident)}${e.night ? ' in the night' : ''}.`;
    case 'escalated':
      return e.reason === 'expert'
        ? `Called the expert, ${person(s, e.engineer)}.`
        : e.reason === 'secondary'
          ? `Paged the secondary, ${person(s, e.engineer)}.`
          : `No answer: escalated to ${person(s, e.engineer)}.`;
    case 'page-rerouted':
      return `Nobody on ${s.teams[e.team]?.name ?? e.team} could take the page: it went to ${person(s, e.engineer)}.`;
    case 'acknowledged':
      return `${person(s, e.engineer)} acknowledged the page.`;
    case 'investigating':
      return `Investigation of ${incService(s, e.incident)} began.`;
    case 'diagnosed':
      return `The clues leave one class of failure for ${incService(s, e.incident)}.`;
    case 'investigation-started':
      return `${person(s, e.engineer)} is looking at ${STEP_LABELS[e.step].toLowerCase()} (${e.minutes} min).`;
    case 'clue-found':
      return `Clue from ${person(s, e.engineer)} (${STEP_LABELS[e.step].toLowerCase()}): ${e.text}.`;
    case 'clues-lost':
      return `${plural(e.lost, 'clue')} left with ${person(s, e.engineer)}: no proper handoff.`;
    case 'delegation-changed':
      return e.on ? 'The team now runs incidents by itself.' : 'You run the incidents again.';
    case 'team-pulled-in':
      return e.via === 'spread'
        ? `The fire reached ${s.teams[e.team]?.name ?? e.team}'s service: ${person(s, e.engineer)} was paged${joining(e.joinsAt, e.at)}.`
        : `Pulled in ${s.teams[e.team]?.name ?? e.team}: ${person(s, e.engineer)} is joining${joining(e.joinsAt, e.at)}.`;
    case 'role-assigned':
      return `${person(s, e.engineer)} took the ${e.role === 'commander' ? 'incident commander' : e.role} role.`;
    case 'status-posted':
      return `Posted a status update for ${incService(s, e.incident)}.`;
    case 'mitigation-started':
      return `${person(s, e.engineer)} started a ${e.action} of ${incService(s, e.incident)}.`;
    case 'mitigation-finished':
      return e.outcome === 'worked'
        ? `The ${e.action} worked.`
        : e.outcome === 'worse'
          ? `The ${e.action} made things worse.`
          : `The ${e.action} changed nothing: time lost.`;
    case 'severity-rose':
      return `${incService(s, e.incident)} got worse: now SEV${e.sev}.`;
    case 'spread':
      return `The fire spread to ${service(s, e.service)}.`;
    case 'incident-mitigated':
      return `${incService(s, e.incident)} is mitigated; watching it recover.`;
    case 'incident-resolved':
      return `${incService(s, e.incident)} resolved after ${e.customerMinutes} customer-minutes lost.`;
    case 'handoff':
      return `${person(s, e.from)} handed off to ${person(s, e.to)}${e.acknowledged ? '' : ' without a proper handoff: context lost'}.`;
    case 'deploy':
      return null;
    case 'near-miss':
      return `Near miss reported on ${service(s, e.service)}.`;
    case 'near-miss-reviewed':
      return `A near miss was reviewed.`;
    case 'retro-scheduled':
      return `A retro was scheduled.`;
    case 'retro-framed':
      return e.framing === 'blame'
        ? `The retro blamed ${person(s, e.blamed ?? '')}.`
        : `The retro was framed blamelessly.`;
    case 'retro-published':
      return `A retro was published${e.shared ? ` and shared org-wide${e.revealed ? `: ${e.revealed} similar conditions found elsewhere` : ''}` : ''}.`;
    case 'action-item-filed':
      return `Action item filed: ${e.title}.`;
    case 'action-item-closed':
      return `Action item closed: ${e.title}.`;
    case 'action-item-stale':
      return `An action item went stale.`;
    case 'drill':
      return `${s.teams[e.team]?.name ?? e.team} ran a drill on ${service(s, e.service)}${e.found ? ` and found a ${conditionWords(e.found)} nobody knew of` : ''}.`;
    case 'burnout':
      return `${person(s, e.engineer)} burned out and left, taking what they knew.`;
    case 'hired':
      return `${person(s, e.engineer)} joined ${s.teams[e.team]?.name ?? e.team}.`;
    case 'ownership-changed':
      return `Ownership model changed to ${e.model}.`;
    case 'shadowing':
      return e.mentor ? `${person(s, e.engineer)} now shadows ${person(s, e.mentor)} on call.` : null;
    case 'peak-announced':
    case 'peak-started': {
      const peak = s.peaks?.[e.peak];
      return peak ? `${peakNotice(s, peak, e.at)}.` : `${e.name}.`;
    }
    case 'investment-chosen':
      return `This week's investment: ${investmentTitle(s, e)}.`;
    case 'round-lost':
      return `The round is lost. ${e.reason}`;
    case 'round-over':
      return 'The round is over.';
    // Told elsewhere (the retro's own steps and cards): a new kind of event must choose its words here.
    case 'retro-step':
    case 'retro-depth':
    case 'factor-surfaced':
      return null;
  }
}

export function stamp(e: SimEvent): string {
  return formatClock(e.at).replace(/^Week (\d+) · /, 'W$1 ');
}
