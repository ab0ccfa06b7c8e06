import { readShareCode } from '../../app/shareCode';
import { readShareLink, roundSummary } from '../../app/shareLink';
import { builtInScenarioList, sameScenario } from '../../round/roundTerms';
import { createWorld, type Scenario } from '../../sim';
import type { MenuChoice } from './menu';

/** What the last shared link or code brought, or why it could not be used; shown on the menu and staffing. */
let notice: { kind: 'ok' | 'problem'; text: string } | null = null;
/** A link that waits for its scenario file to be loaded in the menu. */
let waiting: { hash: string; id: string } | null = null;

export const sharedNotice = () => notice;

export function clearSharedNotice(): void {
  notice = null;
}

/** Reads a #round=… link and hands the round to `go`; false (with a notice) when the link cannot be used. */
export async function openSharedLink(
  hash: string,
  loaded: readonly Scenario[],
  go: (choice: MenuChoice) => void,
): Promise<boolean> {
  const r = await readShareLink(hash, loaded);
  if (!r.ok) {
    notice = { kind: 'problem', text: r.problem };
    waiting = r.needsFile ? { hash, id: r.needsFile.id } : null;
    return false;
  }
  waiting = null;
  notice = { kind: 'ok', text: r.summary };
  const { scenario, seed, weeks, ownership, rotation } = r.round;
  go({ scenario, seed, weeks, guided: false, ownership, rotation, shared: r.summary });
  return true;
}

/** After a scenario file is loaded: the link that was waiting for it, if this is the one. */
export function linkWaitingFor(scenario: Scenario): string | null {
  return waiting && waiting.id === scenario.id ? waiting.hash : null;
}

/** Joins a built-in round by its short code; false (with a notice) when the code cannot be read. */
export function joinWithCode(typed: string, go: (choice: MenuChoice) => void): boolean {
  const builtIns = builtInScenarioList();
  const r = readShareCode(typed, builtIns);
  if (!r.ok) {
    notice = { kind: 'problem', text: `That code cannot be used: ${r.problem}.` };
    return false;
  }
  const { seed, weeks, ownership } = r.setup;
  const world = createWorld(r.scenario, { seed, weeks, ownership });
  const shared = `Shared round: ${roundSummary({ scenario: r.scenario, seed, weeks })}`;
  notice = { kind: 'ok', text: shared };
  go({ scenario: r.scenario, seed, weeks, guided: false, ownership, rotation: world.rotation.byTeam, shared });
  return true;
}

/** Whether a scenario is one of the built-in ones (custom ones travel by link, never by code). */
export const isBuiltIn = (s: Scenario) => builtInScenarioList().some((b) => sameScenario(b, s));
