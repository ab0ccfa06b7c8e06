import { withoutComments } from './jsonc';
import {
  capProblems,
  clip,
  describeValue,
  MAX_DEPTH,
  MAX_SCENARIO_CHARS,
  stripBom,
  textDepthExceeds,
  valueDepthExceeds,
} from './limits';
import { migrateScenario, OLDEST_SCENARIO_VERSION, SCENARIO_VERSION } from './migrations';
import { namedPath, noSuch } from './problemPath';
import { type Scenario, scenarioSchema } from './schema';

export interface ScenarioProblem {
  /** Where the bad field is, like `services["tracker"].dependsOn` (elements with an id are named by it). */
  path: string;
  message: string;
}

export type ScenarioResult = { ok: true; scenario: Scenario } | { ok: false; problems: ScenarioProblem[] };

/** A field's place for a message; long names (say, a hostile key) are shortened. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    const name = String(part);
    if (typeof part === 'number') out += `[${part}]`;
    else if (!/^[A-Za-z0-9_-]{1,40}$/.test(name)) out += `[${JSON.stringify(clip(name, 40))}]`;
    else out += out === '' ? name : `.${name}`;
  }
  return out === '' ? '(file)' : clip(out);
}

const fileProblem = (message: string): ScenarioResult => ({ ok: false, problems: [{ path: '(file)', message }] });
const more = (n: number): ScenarioProblem => ({ path: '(file)', message: `and ${n} more` });

/** Checks a parsed JSON value against the scenario schema and the world's own rules; never throws. */
export function validateScenario(input: unknown): ScenarioResult {
  try {
    return checkScenario(input);
  } catch (err) {
    return fileProblem(`could not be checked: ${clip(err instanceof Error ? err.message : String(err))}`);
  }
}

function checkScenario(input: unknown): ScenarioResult {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return fileProblem('a scenario must be a JSON object');
  }
  if (valueDepthExceeds(input)) return fileProblem(`nested more than ${MAX_DEPTH} levels deep`);
  const migrated = migrateScenario(input as Record<string, unknown>);
  const version = migrated.schemaVersion;
  if (version !== SCENARIO_VERSION) {
    return {
      ok: false,
      problems: [
        {
          path: 'schemaVersion',
          message: `unsupported schema version ${describeValue((input as { schemaVersion?: unknown }).schemaVersion)}; this game reads versions ${OLDEST_SCENARIO_VERSION} to ${SCENARIO_VERSION}`,
        },
      ],
    };
  }
  const parsed = scenarioSchema.safeParse(migrated);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({
      path: namedPath(migrated, issue.path),
      message: clip(issue.message),
    }));
    return { ok: false, problems: capProblems(problems, more) };
  }
  const problems = worldProblems(parsed.data).map((p) => ({
    path: namedPath(parsed.data, p.at, true),
    message: p.message,
  }));
  return problems.length > 0
    ? { ok: false, problems: capProblems(problems, more) }
    : { ok: true, scenario: parsed.data };
}

/** A problem of the world's own rules, at a place in the parsed file. */
interface WorldProblem {
  at: PropertyKey[];
  message: string;
}

function worldProblems(s: Scenario): WorldProblem[] {
  const problems: WorldProblem[] = [];
  const teamIds = new Set<string>();
  const engineerIds = new Set<string>();
  s.teams.forEach((team, t) => {
    if (teamIds.has(team.id)) problems.push({ at: ['teams', t, 'id'], message: `duplicate team id "${team.id}"` });
    teamIds.add(team.id);
    team.members.forEach((m, i) => {
      if (engineerIds.has(m.id))
        problems.push({ at: ['teams', t, 'members', i, 'id'], message: `duplicate engineer id "${m.id}"` });
      engineerIds.add(m.id);
    });
  });
  if (s.sites.length > 0) {
    const sites = new Set(s.sites.map((x) => x.id));
    s.teams.forEach((team, t) => {
      if (!sites.has(team.site))
        problems.push({ at: ['teams', t, 'site'], message: `${noSuch('site', team.site, s.sites)} in sites` });
      team.members.forEach((m, i) => {
        if (m.site !== undefined && !sites.has(m.site))
          problems.push({
            at: ['teams', t, 'members', i, 'site'],
            message: `${noSuch('site', m.site, s.sites)} in sites`,
          });
      });
    });
  }
  const serviceIds = new Set<string>();
  s.services.forEach((svc, i) => {
    if (serviceIds.has(svc.id))
      problems.push({ at: ['services', i, 'id'], message: `duplicate service id "${svc.id}"` });
    serviceIds.add(svc.id);
    if (!teamIds.has(svc.team))
      problems.push({ at: ['services', i, 'team'], message: noSuch('team', svc.team, s.teams) });
  });
  s.services.forEach((svc, i) => {
    svc.dependsOn.forEach((dep, d) => {
      if (!serviceIds.has(dep))
        problems.push({ at: ['services', i, 'dependsOn', d], message: noSuch('service', dep, s.services) });
      if (dep === svc.id)
        problems.push({ at: ['services', i, 'dependsOn', d], message: 'a service cannot depend on itself' });
    });
  });
  s.teams.forEach((team, t) => {
    team.members.forEach((m, i) => {
      for (const svc of Object.keys(m.knowledge)) {
        if (!serviceIds.has(svc))
          problems.push({
            at: ['teams', t, 'members', i, 'knowledge', svc],
            message: noSuch('service', svc, s.services),
          });
      }
    });
  });
  s.history.forEach((h, i) => {
    const svc = s.services.find((x) => x.id === h.service);
    if (!svc) problems.push({ at: ['history', i, 'service'], message: noSuch('service', h.service, s.services) });
    else if (!svc.conditions.some((c) => c.kind === h.kind))
      problems.push({ at: ['history', i, 'kind'], message: `${svc.id} has no ${h.kind} condition to have failed` });
  });
  s.fires.forEach((f, i) => {
    const svc = s.services.find((x) => x.id === f.service);
    if (!svc) problems.push({ at: ['fires', i, 'service'], message: noSuch('service', f.service, s.services) });
    else if (!svc.conditions.some((c) => c.kind === f.kind))
      problems.push({
        at: ['fires', i, 'kind'],
        message: `${svc.id} has no ${f.kind} weakness for the fire to set off`,
      });
  });
  s.peaks.forEach((p, i) => {
    p.services.forEach((id, j) => {
      if (!serviceIds.has(id))
        problems.push({ at: ['peaks', i, 'services', j], message: noSuch('service', id, s.services) });
    });
  });
  const cycle = findCycle(s);
  if (cycle) problems.push({ at: ['services'], message: `dependencies form a cycle: ${cycle.join(' → ')}` });
  return problems;
}

function findCycle(s: Scenario): string[] | null {
  const deps = new Map(s.services.map((svc) => [svc.id, svc.dependsOn]));
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (id: string): string[] | null => {
    if (state.get(id) === 'done') return null;
    if (state.get(id) === 'visiting') return [...stack.slice(stack.indexOf(id)), id];
    state.set(id, 'visiting');
    stack.push(id);
    for (const dep of deps.get(id) ?? []) {
      if (!deps.has(dep)) continue;
      const found = visit(dep);
      if (found) return found;
    }
    stack.pop();
    state.set(id, 'done');
    return null;
  };
  for (const id of deps.keys()) {
    const found = visit(id);
    if (found) return found;
  }
  return null;
}

/** Parses scenario text (a leading byte-order mark and comments are fine); never throws. */
export function parseScenarioText(text: string): ScenarioResult {
  if (typeof text !== 'string') return fileProblem('a scenario must be text');
  if (text.length > MAX_SCENARIO_CHARS)
    return fileProblem(`the file is larger than ${MAX_SCENARIO_CHARS / 1_000_000} MB`);
  const body = stripBom(text);
  if (textDepthExceeds(body)) return fileProblem(`nested more than ${MAX_DEPTH} levels deep`);
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (err) {
    // The template's comments (a .jsonc file) are fine: read it again without them.
    const plain = withoutComments(body);
    if (plain === null) return fileProblem(`not valid JSON: ${clip(err instanceof Error ? err.message : String(err))}`);
    try {
      raw = JSON.parse(plain);
    } catch (again) {
      return fileProblem(
        `not valid JSON even without its comments: ${clip(again instanceof Error ? again.message : String(again))}`,
      );
    }
  }
  return validateScenario(raw);
}
