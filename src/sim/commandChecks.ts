import type { Snapshot } from './model/snapshot';
import { activeMembers } from './model/world';
import { pagerTeamFor } from './rules/rotation';

/** A record entry by id; names every object inherits ("constructor", "toString"…) are not ids. */
export function own<T>(record: Readonly<Record<string, T>>, id: unknown): T | undefined {
  return typeof id === 'string' && Object.hasOwn(record, id) ? record[id] : undefined;
}

export function activeEngineer(state: Snapshot, id: unknown): boolean {
  return own(state.engineers, id)?.status === 'active';
}

/**
 * Who owns a new action item: the one asked for if active; otherwise the first active person of the
 * service's team, or else of the team carrying the pager. Null when nobody is left.
 */
export function actionItemOwner(
  state: Snapshot,
  service: string,
  pagerTeam: string | null,
  requested: string | undefined,
): string | null {
  if (requested !== undefined) return activeEngineer(state, requested) ? requested : null;
  const team = own(state.services, service)?.team ?? '';
  const fallback = pagerTeam ?? pagerTeamFor(state, service);
  return activeMembers(state, team)[0]?.id ?? activeMembers(state, fallback)[0]?.id ?? null;
}
