import { activeMembers, conditionRisk, type Factor, isGuarded, type Snapshot, serviceRisk } from '../../sim';
import type { Offer } from './offers';

/**
 * What a retro's choices are worth, so the team weighs them instead of filing everything: the risk each
 * factor carries (expected customer impact a week, the score's own measure), what each item would take away,
 * and the hours the owning team actually has.
 */
const points = (n: number) => (n >= 10 ? Math.round(n).toString() : n.toFixed(1));

/** The risk behind a factor: its weakness, or for a gap in response, all live risk on its service. */
export function factorStake(s: Snapshot, f: Factor): string {
  const cond = f.conditionId ? s.conditions[f.conditionId] : undefined;
  if (cond)
    return `At stake: about ${points(conditionRisk(s, cond))} a week (how likely it fires × what it costs customers)`;
  return `Live risk on ${s.services[f.service]?.name ?? f.service}: about ${points(serviceRisk(s, f.service))} a week — faster response there is worth that much more`;
}

/** Roughly how much risk an item would take away when it closes, per day of work. */
export function offerGain(s: Snapshot, f: Factor, offer: Offer): string {
  const cond = f.conditionId ? s.conditions[f.conditionId] : undefined;
  if (!cond || offer.type === 'repair') return `${offer.costDays} d`;
  const risk = conditionRisk(s, cond);
  const removed = offer.type === 'prevent' ? risk : risk * (isGuarded(cond) ? 0.15 : 0.6);
  return `${offer.costDays} d, removes ~${points(removed)}/wk`;
}

/** The owning team's hours for action items in a working week, and what it already owes first. */
export function teamHours(s: Snapshot, team: string): string {
  const t = s.teams[team];
  if (!t) return '';
  const people = activeMembers(s, team).length;
  const hours = Math.round(people * 40 * (1 - t.toilShare) * t.reliabilityShare);
  const open = Object.values(s.actionItems).filter((i) => i.team === team && i.status === 'open');
  const queued = Math.round(open.reduce((sum, i) => sum + Math.max(0, i.costDays * 8 - i.doneHours), 0));
  return `${t.name} has about ${hours} hours a week for action items (${Math.round(t.reliabilityShare * 100)}% of its time after toil)${
    queued > 0 ? `, with ${queued} hours of open items already queued` : ''
  }${t.owedHours > 0 ? ` and ${Math.round(t.owedHours)} hours of follow-up owed first` : ''}. Choose what is worth it.`;
}
