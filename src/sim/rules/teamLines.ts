import { isNight } from '../clock';
import type { Engineer, Incident, SimState } from '../model/types';
import { clamp01, localTime, weekStats } from '../model/world';
import { tuning } from '../tuning';
import { ledger } from './effects';
import { pullInTeam } from './response';
import { pagerTeamFor } from './rotation';

/**
 * Conway's Law in the fire: when an incident spreads into a service another team carries the pager
 * for, that team's on-call is paged and joins after their own join time. The incident now runs
 * across team lines and pays the coordination cost [CONWAY, WB-8].
 */
export function pageAcrossTeamLines(state: SimState, inc: Incident, service: string): string | null {
  const team = pagerTeamFor(state, service);
  if (!team || team === inc.pagerTeam || inc.teamsPulled.includes(team)) return null;
  const joined = pullInTeam(state, inc, team, 'spread');
  const person = joined ? state.engineers[joined] : undefined;
  if (!person) return null;
  const carrier = state.teams[team];
  if (carrier) carrier.shiftPages += 1;
  countPage(state, person);
  return joined;
}

/** A page rung on someone: it counts against their shift's budget, and at night it costs sleep. */
function countPage(state: SimState, person: Engineer): void {
  person.pagesThisShift += 1;
  if (person.pagesThisShift > tuning.pagerBudgetPerShift) ledger(state).pagesOverBudget += 1;
  if (isNight(localTime(state, person.id, state.now))) {
    person.fatigue = clamp01(person.fatigue + 0.06);
    state.totals.nightPages += 1;
  }
  state.totals.pages += 1;
  const week = weekStats(state);
  if (week) week.pages += 1;
}
