import { own } from '../commandChecks';
import type { IncidentIn, Snapshot } from '../model/snapshot';

/** The live, known incident a command is about, or why there is none to act on. */
export function liveIncident<S extends Snapshot>(state: S, id: string): IncidentIn<S> | string {
  const inc = own(state.incidents, id);
  if (!inc) return `no incident "${id}"`;
  if (inc.phase === 'resolved') return 'that incident is already resolved';
  if (inc.phase === 'undetected') return 'nobody knows about that incident yet';
  return inc as IncidentIn<S>;
}
