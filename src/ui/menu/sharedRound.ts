import { readShareCode } from '../../app/shareCode';
import { readShareLink, roundSummary } from '../../app/shareLink';
import type { RoundChoice, ViewState } from '../../app/viewState';
import { builtInScenarioList, sameScenario } from '../../round/roundTerms';
import { createWorld, type Scenario } from '../../sim';

/** Reads a #round=… link and hands the round to `go`; false (with a notice) when the link cannot be used. */
export async function openSharedLink(
  ui: ViewState,
  hash: string,
  loaded: readonly Scenario[],
  go: (choice: RoundChoice) => void,
): Promise<boolean> {
  const r = await readShareLink(hash, loaded);
  if (!r.ok) {
    ui.sharedNotice = { kind: 'problem', text: r.problem };
    ui.linkWaiting = r.needsFile ? { hash, id: r.needsFile.id } : null;
    return false;
  }
  ui.linkWaiting = null;
  ui.sharedNotice = { kind: 'ok', text: r.summary };
  const { scenario, seed, weeks, ownership, rotation } = r.round;
  go({ scenario, seed, weeks, guided: false, ownership, rotation, shared: r.summary });
  return true;
}

/** After a scenario file is loaded: the link that was waiting for it, if this is the one. */
export function linkWaitingFor(ui: ViewState, scenario: Scenario): string | null {
  return ui.linkWaiting && ui.linkWaiting.id === scenario.id ? ui.linkWaiting.hash : null;
}

/** Joins a built-in round by its short code; false (with a notice) when the code cannot be read. */
export function joinWithCode(ui: ViewState, typed: string, go: (choice: RoundChoice) => void): boolean {
  const builtIns = builtInScenarioList();
  const r = readShareCode(typed, builtIns);
  if (!r.ok) {
    ui.sharedNotice = { kind: 'problem', text: `That code cannot be used: ${r.problem}.` };
    return false;
  }
  const { seed, weeks, ownership } = r.setup;
  const world = createWorld(r.scenario, { seed, weeks, ownership });
  const shared = `Shared round: ${roundSummary({ scenario: r.scenario, seed, weeks })}`;
  ui.sharedNotice = { kind: 'ok', text: shared };
  go({ scenario: r.scenario, seed, weeks, guided: false, ownership, rotation: world.rotation.byTeam, shared });
  return true;
}

/** Whether a scenario is one of the built-in ones (custom ones travel by link, never by code). */
export const isBuiltIn = (s: Scenario) => builtInScenarioList().some((b) => sameScenario(b, s));
