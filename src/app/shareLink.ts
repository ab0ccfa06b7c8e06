import {
  builtInScenarioList,
  isOwnership,
  isRoundWeeks,
  parseSeed,
  SEED_LIMIT,
  sameScenario,
} from '../round/roundTerms';
import { createWorld, type OwnershipModel, type RotationWeek, type Scenario, validateScenario } from '../sim';
import { packText, unpackText } from './packing';
import { shareCode } from './shareCode';

export const SHARE_VERSION = 1;
/** A link longer than this names its scenario instead of carrying it; the file must then be loaded. */
export const LINK_LIMIT = 8000;
const PREFIX = '#round=';

/** Everything a table needs to face the same round as another: scenario, seed, length, ownership, rotation. */
export interface SharedRound {
  scenario: Scenario;
  seed: number;
  weeks: number;
  ownership: OwnershipModel;
  rotation: Record<string, RotationWeek[]>;
}

export interface ShareOut {
  link: string;
  /** A code to read aloud, for built-in scenarios only. */
  code: string | null;
  /** How the scenario travels: built in, packed in the link, or as a file the other tables must load. */
  scenarioTravels: 'built-in' | 'in-link' | 'as-file';
}

export type ShareIn =
  | { ok: true; round: SharedRound; summary: string }
  | { ok: false; problem: string; needsFile?: { id: string; name: string } };

function rotationText(rotation: Record<string, RotationWeek[]>): string {
  return Object.entries(rotation)
    .map(([team, weeks]) => [team, ...weeks.map((w) => `${w.primary}.${w.secondary}`)].join('_'))
    .join('*');
}

/** The link (an address ending in #round=…) and code for a round; `base` is the page address without its hash. */
export async function makeShareLink(round: SharedRound, base: string): Promise<ShareOut> {
  const builtIns = builtInScenarioList();
  const index = builtIns.findIndex((s) => sameScenario(s, round.scenario));
  const params = new URLSearchParams({
    v: String(SHARE_VERSION),
    seed: String(round.seed),
    weeks: String(round.weeks),
    ownership: round.ownership,
    rotation: rotationText(round.rotation),
  });
  const head = `${base}${PREFIX}${encodeURIComponent(round.scenario.id)}&`;
  if (index >= 0) {
    const code = shareCode({ scenarioIndex: index, seed: round.seed, weeks: round.weeks, ownership: round.ownership });
    return { link: head + params.toString(), code, scenarioTravels: 'built-in' };
  }
  const withScenario = new URLSearchParams(params);
  withScenario.set('scenario', await packText(JSON.stringify(round.scenario)));
  const inLink = head + withScenario.toString();
  if (inLink.length <= LINK_LIMIT) return { link: inLink, code: null, scenarioTravels: 'in-link' };
  params.set('name', round.scenario.name);
  return { link: head + params.toString(), code: null, scenarioTravels: 'as-file' };
}

export function isShareHash(hash: string): boolean {
  return hash.startsWith(PREFIX);
}

export function roundSummary(r: Pick<SharedRound, 'scenario' | 'seed' | 'weeks'>): string {
  return `${r.scenario.name}, seed ${r.seed}, ${r.weeks} week${r.weeks === 1 ? '' : 's'}`;
}

type Refused = Extract<ShareIn, { ok: false }>;
const bad = (problem: string, needsFile?: Refused['needsFile']): Refused => ({
  ok: false,
  problem: `This shared-round link cannot be used: ${problem}.`,
  ...(needsFile ? { needsFile } : {}),
});

/**
 * Reads a #round=… hash back into a round, checking every part; never throws. `loaded` are the player's own
 * scenarios already in the menu, for links that name a scenario too large to travel inside them.
 */
export async function readShareLink(hash: string, loaded: readonly Scenario[] = []): Promise<ShareIn> {
  try {
    if (!isShareHash(hash)) return bad('it does not start with #round=');
    const params = new URLSearchParams(hash.slice(1));
    const version = params.get('v');
    if (version === null) return bad('the version (v) is missing');
    if (version !== String(SHARE_VERSION))
      return bad(`it has version v=${version.slice(0, 12)}; this game reads v=${SHARE_VERSION}`);
    const seed = parseSeed(params.get('seed') ?? '');
    if (seed === null)
      return bad(`the seed "${(params.get('seed') ?? '').slice(0, 20)}" is not a whole number within ±${SEED_LIMIT}`);
    const weeks = Number(params.get('weeks'));
    if (!isRoundWeeks(weeks)) return bad(`weeks "${(params.get('weeks') ?? '').slice(0, 12)}" is not 1, 2, 4, 8 or 13`);
    const ownership = params.get('ownership');
    if (!isOwnership(ownership))
      return bad(`ownership "${(ownership ?? '').slice(0, 20)}" is not ops-team, you-build-it or hybrid`);
    const found = await scenarioOf(params, loaded);
    if ('problem' in found) return bad(found.problem, found.needsFile);
    const { scenario } = found;
    const rotation = rotationOf(params.get('rotation'), scenario, { seed, weeks, ownership });
    if (typeof rotation === 'string') return bad(rotation);
    const round = { scenario, seed, weeks, ownership, rotation };
    return { ok: true, round, summary: `Shared round: ${roundSummary(round)}` };
  } catch (err) {
    return bad(`it could not be read (${err instanceof Error ? err.message : String(err)})`);
  }
}

type Found = { scenario: Scenario } | { problem: string; needsFile?: { id: string; name: string } };

async function scenarioOf(params: URLSearchParams, loaded: readonly Scenario[]): Promise<Found> {
  const id = params.get('round') ?? '';
  const packed = params.get('scenario');
  if (packed !== null) {
    const unpacked = await unpackText(packed);
    if (!unpacked.ok) return { problem: `the scenario packed in it ${unpacked.reason}` };
    let raw: unknown;
    try {
      raw = JSON.parse(unpacked.text);
    } catch {
      return { problem: 'the scenario packed in it is not JSON' };
    }
    const result = validateScenario(raw);
    if (!result.ok) {
      const list = result.problems.slice(0, 3).map((p) => `${p.path}: ${p.message}`);
      return { problem: `the scenario packed in it has problems (scenario ${list.join('; ')})` };
    }
    if (result.scenario.id !== id)
      return { problem: `it names scenario "${id.slice(0, 40)}" but carries "${result.scenario.id}"` };
    return { scenario: result.scenario };
  }
  const known = [...builtInScenarioList(), ...loaded].find((s) => s.id === id);
  if (known) return { scenario: known };
  const name = (params.get('name') ?? '').slice(0, 40) || id.slice(0, 40);
  if (!id) return { problem: 'it names no scenario' };
  return {
    problem: `it uses the scenario "${name}" (${id.slice(0, 40)}), which is not built in and too large for a link — load its file with "Your own scenario", then open the link again`,
    needsFile: { id, name },
  };
}

/** The rotation in the link, checked against the scenario's teams and people; a string says what is wrong. */
function rotationOf(
  text: string | null,
  scenario: Scenario,
  options: { seed: number; weeks: number; ownership: OwnershipModel },
): Record<string, RotationWeek[]> | string {
  const world = createWorld(scenario, options);
  const rotation: Record<string, RotationWeek[]> = Object.create(null);
  if (text === null || text === '') return { ...world.rotation.byTeam };
  for (const part of text.split('*')) {
    const [team = '', ...weeks] = part.split('_');
    const shown = team.slice(0, 40);
    if (!Object.hasOwn(world.teams, team))
      return `the rotation names team "${shown}", which ${scenario.name} does not have`;
    if (Object.hasOwn(rotation, team)) return `the rotation lists team "${shown}" twice`;
    if (weeks.length !== options.weeks)
      return `the rotation of ${world.teams[team]?.name} has ${weeks.length} weeks; the round has ${options.weeks}`;
    const entries: RotationWeek[] = [];
    for (const [w, pair] of weeks.entries()) {
      const [primary = '', secondary = '', extra] = pair.split('.');
      if (extra !== undefined)
        return `week ${w + 1} of the ${world.teams[team]?.name} rotation is not "primary.secondary"`;
      for (const person of [primary, secondary]) {
        if (!Object.hasOwn(world.engineers, person) || world.engineers[person]?.team !== team)
          return `the rotation puts "${person.slice(0, 40)}" on the ${world.teams[team]?.name} pager in week ${w + 1}, who is not a member of that team`;
      }
      entries.push({ primary, secondary });
    }
    rotation[team] = entries;
  }
  return { ...world.rotation.byTeam, ...rotation };
}
