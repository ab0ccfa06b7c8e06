import { clip, formatPath, MINUTES_PER_WEEK, type SimState } from '../../sim';
import { historySchema, savedWorldSchema } from './schema';

type World = SimState;

const has = (record: object, id: unknown) => typeof id === 'string' && Object.hasOwn(record, id);

/** The first place where ids in a saved world point at nothing, or null when they all hold. */
function brokenReference(w: World): string | null {
  const keyed: [string, Record<string, { id: string }>][] = [
    ['services', w.services],
    ['conditions', w.conditions],
    ['teams', w.teams],
    ['engineers', w.engineers],
    ['incidents', w.incidents],
    ['retros', w.retros],
    ['actionItems', w.actionItems],
    ['nearMisses', w.nearMisses],
  ];
  for (const [name, record] of keyed)
    for (const [key, value] of Object.entries(record)) if (value.id !== key) return `${name}.${clip(key, 40)}.id`;
  const lists: [string, string[], object][] = [
    ['serviceOrder', w.serviceOrder, w.services],
    ['teamOrder', w.teamOrder, w.teams],
    ['engineerOrder', w.engineerOrder, w.engineers],
    ['incidentOrder', w.incidentOrder, w.incidents],
    ['openIncidents', w.openIncidents, w.incidents],
  ];
  for (const [name, ids, record] of lists) {
    const i = ids.findIndex((id) => !has(record, id));
    if (i >= 0) return `${name}[${i}]`;
  }
  for (const s of Object.values(w.services)) {
    if (!has(w.teams, s.team)) return `services.${s.id}.team`;
    if (!s.dependsOn.every((d) => has(w.services, d))) return `services.${s.id}.dependsOn`;
  }
  for (const e of Object.values(w.engineers)) if (!has(w.teams, e.team)) return `engineers.${e.id}.team`;
  for (const c of Object.values(w.conditions)) if (!has(w.services, c.service)) return `conditions.${c.id}.service`;
  for (const [i, inv] of (w.investments ?? []).entries()) {
    if (!has(w.services, inv.service)) return `investments[${i}].service`;
    if (!has(w.teams, inv.team)) return `investments[${i}].team`;
  }
  for (const inc of Object.values(w.incidents)) {
    const at = `incidents.${inc.id}`;
    if (!has(w.services, inc.service)) return `${at}.service`;
    if (!has(w.teams, inc.pagerTeam)) return `${at}.pagerTeam`;
    if (!inc.responders.every((r) => has(w.engineers, r))) return `${at}.responders`;
    if (inc.pagedTo !== null && !has(w.engineers, inc.pagedTo)) return `${at}.pagedTo`;
  }
  for (const a of Object.values(w.actionItems)) {
    if (!has(w.engineers, a.owner)) return `actionItems.${a.id}.owner`;
    if (!has(w.services, a.service)) return `actionItems.${a.id}.service`;
  }
  for (const [team, weeks] of Object.entries(w.rotation.byTeam)) {
    if (!has(w.teams, team)) return `rotation.byTeam.${clip(team, 40)}`;
    if (!weeks.every((x) => has(w.engineers, x.primary) && has(w.engineers, x.secondary)))
      return `rotation.byTeam.${team}`;
  }
  return null;
}

/** What is wrong with a saved world, naming the place; null when it can be played. */
export function savedWorldProblem(state: unknown): string | null {
  const { now, weeks } = state as { now?: unknown; weeks?: unknown };
  if (typeof now === 'number' && typeof weeks === 'number' && now > weeks * MINUTES_PER_WEEK)
    return `now: minute ${clip(String(now), 30)} is past the end of a ${clip(String(weeks), 10)}-week round`;
  const parsed = savedWorldSchema.safeParse(state);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return issue ? `${formatPath(issue.path)}: ${clip(issue.message)}` : 'not a world';
  }
  const broken = brokenReference(state as World);
  return broken ? `${clip(broken, 100)}: names something that is not in the world` : null;
}

export function historyProblem(history: unknown): string | null {
  const parsed = historySchema.safeParse(history);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  return issue ? `history${formatPath(issue.path).replace(/^\(file\)$/, '')}: ${clip(issue.message)}` : 'history';
}
