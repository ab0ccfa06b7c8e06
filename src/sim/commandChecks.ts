import { commandSchemas } from './commandSchemas';
import type { CommandType } from './commands';
import type { SimState } from './model/types';
import { activeMembers } from './model/world';
import { pagerTeamFor } from './rules/rotation';
import { clip } from './scenario/limits';
import { formatPath } from './scenario/validate';

/** A record entry by id; names every object inherits ("constructor", "toString"…) are not ids. */
export function own<T>(record: Readonly<Record<string, T>>, id: unknown): T | undefined {
  return typeof id === 'string' && Object.hasOwn(record, id) ? record[id] : undefined;
}

export function activeEngineer(state: Readonly<SimState>, id: unknown): boolean {
  return own(state.engineers, id)?.status === 'active';
}

/** What is wrong with a command's shape, naming the field; null when it is well formed. */
export function payloadProblem(command: unknown): string | null {
  if (!command || typeof command !== 'object' || Array.isArray(command))
    return 'unknown command (a command is an object with a type)';
  const type = (command as { type?: unknown }).type;
  const schema = own(commandSchemas, type);
  if (!schema) return `unknown command ${typeof type === 'string' ? `"${clip(type, 40)}"` : ''}`.trim();
  const parsed = schema.safeParse(command);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  if (!issue) return `${type as CommandType}: not a valid command`;
  const field = issue.path.length > 0 ? formatPath(issue.path) : 'command';
  return `${type as CommandType}: bad ${field} (${clip(issue.message)})`;
}

/**
 * Who owns a new action item: the one asked for if active; otherwise the first active person of the
 * service's team, or else of the team carrying the pager. Null when nobody is left.
 */
export function actionItemOwner(
  state: Readonly<SimState>,
  service: string,
  pagerTeam: string | null,
  requested: string | undefined,
): string | null {
  if (requested !== undefined) return activeEngineer(state, requested) ? requested : null;
  const team = own(state.services, service)?.team ?? '';
  const fallback = pagerTeam ?? pagerTeamFor(state, service);
  return activeMembers(state, team)[0]?.id ?? activeMembers(state, fallback)[0]?.id ?? null;
}
