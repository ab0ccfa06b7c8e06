import type { Engineer, SimState } from '../model/types';
import { tuning } from '../tuning';
import { teach } from './knowledge';
import { respondingNow } from './people';

/** What a shadow learns by watching their mentor: the service where the mentor knows most more than they do. */
function lessonOf(state: SimState, shadow: Engineer, mentor: Engineer): string | null {
  let best: string | null = null;
  let gap = 0.05;
  for (const s of state.serviceOrder) {
    const g = (mentor.knowledge[s] ?? 0) - (shadow.knowledge[s] ?? 0);
    if (g > gap) {
      best = s;
      gap = g;
    }
  }
  return best;
}

/**
 * One working hour of shadowing: each person paired with an on-call expert spends part of it with them —
 * hours their team owes before feature work — and learns what the mentor knows, up to what the mentor knows.
 * It is time spent, not fires watched: a shadow learns as much in a quiet week as in a burning one.
 */
export function shadowForAnHour(state: SimState): void {
  const busy = respondingNow(state);
  for (const id of state.engineerOrder) {
    const e = state.engineers[id];
    if (e?.status !== 'active' || e.shadowing === null || busy.has(id)) continue;
    const mentor = state.engineers[e.shadowing];
    const team = state.teams[e.team];
    if (mentor?.status !== 'active' || !team) continue;
    const service = lessonOf(state, e, mentor);
    if (service === null) continue;
    team.owedHours += tuning.shadowShare;
    const k = e.knowledge[service] ?? 0;
    const target = mentor.knowledge[service] ?? 0;
    // Closing a share of the gap to the mentor, as a share of what the shadow does not know yet.
    const amount = (tuning.shadowShare * tuning.shadowLearnPerHour * (target - k)) / Math.max(1e-9, 1 - k);
    teach(state, e.id, service, amount);
  }
}
