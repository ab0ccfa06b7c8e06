import { hourOf, type Minute, weekOf } from '../clock';
import type { EngineerIn, Organization, Snapshot } from '../model/snapshot';
import type { OwnershipModel, RotationWeek, SimState } from '../model/types';
import { activeMembers, localTime } from '../model/world';

/** The team whose rotation carries the pager for a service under an ownership model. */
export function pagerTeamFor(state: Organization, service: string, model: OwnershipModel = state.ownership): string {
  const svc = state.services[service];
  if (!svc) return state.teamOrder[0] ?? '';
  const opsTeam = state.teamOrder.find((t) => state.teams[t]?.kind !== 'dev');
  if (model === 'ops-team') return opsTeam ?? svc.team;
  if (model === 'hybrid' && opsTeam && svc.customerWeight >= 0.8) return opsTeam;
  return svc.team;
}

/** Teams that carry at least one pager. */
export function pagerTeams(state: Organization, model: OwnershipModel = state.ownership): string[] {
  const set = new Set(state.serviceOrder.map((s) => pagerTeamFor(state, s, model)));
  return state.teamOrder.filter((t) => set.has(t));
}

export function servicesCarriedBy(
  state: Organization,
  team: string,
  model: OwnershipModel = state.ownership,
): string[] {
  return state.serviceOrder.filter((s) => pagerTeamFor(state, s, model) === team);
}

/** Round robin: one primary and the next person as secondary, week by week. */
export function defaultRotation(state: SimState): { byTeam: Record<string, RotationWeek[]> } {
  const byTeam: Record<string, RotationWeek[]> = {};
  for (const team of state.teamOrder) {
    const members = activeMembers(state, team).map((e) => e.id);
    if (members.length === 0) continue;
    byTeam[team] = Array.from({ length: Math.max(1, state.weeks) }, (_, w) => ({
      primary: members[w % members.length] as string,
      secondary: members[(w + 1) % members.length] as string,
    }));
  }
  return { byTeam };
}

/** Everyone on one team carries the pager every week: the hero rotation. */
export function heroRotation(state: SimState, hero: string): RotationWeek[] {
  return Array.from({ length: Math.max(1, state.weeks) }, () => ({ primary: hero, secondary: hero }));
}

function stillHere<S extends Organization>(state: S, id: string | undefined): EngineerIn<S> | undefined {
  const e = id ? state.engineers[id] : undefined;
  return e && e.status === 'active' ? (e as EngineerIn<S>) : undefined;
}

/** Sites a team's active people work at; two or more means the pager follows the sun. */
export function teamSites(state: Organization, team: string): string[] {
  return [...new Set(activeMembers(state, team).map((e) => e.site))];
}

/**
 * Who is primary and secondary for a team at a time; people who left are skipped.
 * A team spread over sites follows the sun: the pager stays with whoever is in daytime.
 */
export function onCall<S extends Organization>(
  state: S,
  team: string,
  t: Minute,
): { primary?: EngineerIn<S>; secondary?: EngineerIn<S> } {
  const weeks = state.rotation.byTeam[team];
  const everyone = activeMembers(state, team);
  const awake = everyone.filter((e) => {
    const h = hourOf(localTime(state, e.id, t));
    return h >= 8 && h < 20;
  });
  const followsSun = teamSites(state, team).length > 1 && awake.length > 0;
  const members = followsSun ? awake : everyone;
  const entry = weeks && weeks.length > 0 ? weeks[weekOf(t) % weeks.length] : undefined;
  const inShift = (e: EngineerIn<S> | undefined) => (e && members.includes(e) ? e : undefined);
  const fallback = followsSun ? members[weekOf(t) % members.length] : members[0];
  const primary = inShift(stillHere(state, entry?.primary)) ?? fallback;
  let secondary = inShift(stillHere(state, entry?.secondary));
  if (!secondary || secondary.id === primary?.id)
    secondary = members.find((m) => m.id !== primary?.id) ?? everyone.find((m) => m.id !== primary?.id);
  return { primary, secondary };
}

/** A copy of the current rotation, for editing at setup. */
export function activeRotation(state: Snapshot): Record<string, RotationWeek[]> {
  const out: Record<string, RotationWeek[]> = {};
  for (const [team, weeks] of Object.entries(state.rotation.byTeam)) out[team] = weeks.map((w) => ({ ...w }));
  return out;
}
