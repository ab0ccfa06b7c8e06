import { own } from '../commandChecks';
import type { Incident, SimState } from '../model/types';

/** The live, known incident a command is about, or why there is none to act on. */
export function liveIncident(state: Readonly<SimState>, id: string): Incident | string {
  const inc = own(state.incidents, id);
  if (!inc) return `no incident "${id}"`;
  if (inc.phase === 'resolved') return 'that incident is already resolved';
  if (inc.phase === 'undetected') return 'nobody knows about that incident yet';
  return inc;
}
