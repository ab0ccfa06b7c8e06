import type { OwnershipModel, SimState } from '../model/types';
import { activeMembers } from '../model/world';
import { tuning } from '../tuning';
import { pagerTeams, servicesCarriedBy } from './rotation';

/** A staffing problem at setup: what is wrong, and what would clear it [SRE-11, WB-8]. */
export interface RotationWarning {
  team: string;
  kind: 'pager-budget' | 'on-call-share' | 'no-week-off' | 'no-second' | 'small-site';
  message: string;
  /** The change that would clear it, in the game's words. */
  fix: string;
}

/** People who share one primary and one secondary each week at most a quarter of the time each. */
const PEOPLE_FOR_A_QUARTER = Math.ceil(1.5 / 0.25);

/** The services a team carries with the pages per shift each is expected to bring, most first. */
function pagesPerShiftBy(state: SimState, team: string, model: OwnershipModel): [string, number][] {
  const carried = new Map(servicesCarriedBy(state, team, model).map((s) => [s, 0]));
  for (const c of Object.values(state.conditions)) {
    const now = carried.get(c.service);
    if (now !== undefined) carried.set(c.service, now + (tuning.weeklyHazard[c.kind] * c.strength) / 14);
  }
  return [...carried].sort((a, b) => b[1] - a[1]);
}

/** Each person's share of weeks on call (primary or secondary) in a team's rotation. */
export function onCallShares(state: SimState, team: string): Record<string, number> {
  const weeks = state.rotation.byTeam[team] ?? [];
  const share: Record<string, number> = {};
  for (const m of activeMembers(state, team)) share[m.id] = 0;
  for (const w of weeks) {
    share[w.primary] = (share[w.primary] ?? 0) + 1 / weeks.length;
    if (w.secondary !== w.primary) share[w.secondary] = (share[w.secondary] ?? 0) + 0.5 / weeks.length;
  }
  return share;
}

/** The longest run of weeks each person is on call, the rotation read round and round. */
export function longestOnCallRuns(state: SimState, team: string): Record<string, number> {
  const weeks = state.rotation.byTeam[team] ?? [];
  const out: Record<string, number> = {};
  for (const m of activeMembers(state, team)) {
    const on = weeks.map((w) => w.primary === m.id || w.secondary === m.id);
    if (on.length > 0 && on.every(Boolean)) {
      out[m.id] = Number.POSITIVE_INFINITY;
      continue;
    }
    let best = 0;
    let run = 0;
    for (const o of [...on, ...on]) {
      run = o ? run + 1 : 0;
      best = Math.max(best, run);
    }
    out[m.id] = best;
  }
  return out;
}

const nameOf = (state: SimState, id: string) => state.engineers[id]?.name ?? id;
const list = (names: string[]) =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;

/** Warnings with their reasons and what would clear each [SRE-11, WB-8]. */
export function rotationWarnings(state: SimState, model: OwnershipModel = state.ownership): RotationWarning[] {
  const out: RotationWarning[] = [];
  for (const team of pagerTeams(state, model)) {
    const name = state.teams[team]?.name ?? team;
    const members = activeMembers(state, team);
    const pages = pagesPerShiftBy(state, team, model);
    const total = pages.reduce((sum, [, p]) => sum + p, 0);
    if (total > tuning.pagerBudgetPerShift * 0.5) {
      const worst = pages.slice(0, 2).map(([s]) => state.services[s]?.name ?? s);
      out.push({
        team,
        kind: 'pager-budget',
        message: `${name} expects ${total.toFixed(1)} incidents per 12-hour shift: more than the budget of ${tuning.pagerBudgetPerShift} on busy shifts leaves no time for follow-up.`,
        fix:
          model === 'ops-team'
            ? `let the developers carry their own services' pagers (you build it, you run it), or close action items on ${list(worst)}`
            : `let another team carry ${list(worst)}, or close action items on their weaknesses`,
      });
    }
    if (members.length === 1) {
      out.push({
        team,
        kind: 'no-second',
        message: `${name}'s rotation has only ${members[0]?.name}: nobody backs up a missed page.`,
        fix: `add a second person to ${name}'s rotation`,
      });
    }
    const heavy = Object.entries(onCallShares(state, team)).filter(([, share]) => share > 0.25 + 1e-9);
    if (heavy.length > 0) {
      const who = heavy.map(([id, share]) => `${nameOf(state, id)} ${Math.round(share * 100)}%`).join(', ');
      const missing = PEOPLE_FOR_A_QUARTER - members.length;
      out.push({
        team,
        kind: 'on-call-share',
        message: `${name}: on call more than 25% of the time (${who}) leaves too little time for project work.`,
        fix:
          missing > 0
            ? `add ${missing} more ${missing === 1 ? 'person' : 'people'} to ${name}'s rotation: a primary and a secondary every week need ${PEOPLE_FOR_A_QUARTER} people to keep each at a quarter`
            : `spread ${name}'s weeks so that ${list(heavy.map(([id]) => nameOf(state, id)))} ${heavy.length === 1 ? 'is' : 'are'} on call at most a quarter of the time`,
      });
    }
    const runs = Object.entries(longestOnCallRuns(state, team)).filter(
      ([, run]) => run > tuning.onCallWeeksInRowBudget,
    );
    for (const [id, run] of runs) {
      const person = nameOf(state, id);
      out.push({
        team,
        kind: 'no-week-off',
        message: Number.isFinite(run)
          ? `${person} is on call ${run} weeks in a row: without a week off, nights on call stop being rest.`
          : `${person} is on call every week: without a week off, nights on call stop being rest.`,
        fix: `give ${person} at least one week off in four`,
      });
    }
    out.push(...siteWarnings(state, team, name));
  }
  return out;
}

function siteWarnings(state: SimState, team: string, name: string): RotationWarning[] {
  const out: RotationWarning[] = [];
  const bySite = new Map<string, number>();
  for (const m of activeMembers(state, team)) bySite.set(m.site, (bySite.get(m.site) ?? 0) + 1);
  const followsSun = bySite.size > 1;
  for (const [site, n] of bySite) {
    const need = followsSun ? 6 : 8;
    if (n >= need) continue;
    const more = `${need - n} more ${need - n === 1 ? 'person' : 'people'} at ${site}`;
    out.push({
      team,
      kind: 'small-site',
      message: followsSun
        ? `${name} follows the sun, but ${site} has ${n} people: each site needs at least 6 for its 12-hour shift.`
        : `${name} runs a 24/7 pager with ${n} people at ${site}: one site needs at least 8 to keep nights sustainable.`,
      fix: followsSun
        ? `add ${more}`
        : `add ${more}, or share ${name}'s pager with people in another time zone so nobody carries it at night`,
    });
  }
  return out;
}
