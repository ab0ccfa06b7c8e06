import type { AnyStateMachine, EventObject } from 'xstate';

/** What sending a signal to an incident or a retro did: taken, or refused with a reason in the game's words. */
export type SignalOutcome = { ok: true } | { ok: false; reason: string };

interface Reasons {
  /** Why the signal does not apply in this phase at all. */
  phase: () => string;
  /** Why the named guard said no; undefined when it has nothing to say. */
  guard: (name: string) => string | undefined;
}

/**
 * Why a machine refuses a signal in a phase: it reads the machine's own transitions for that
 * signal; when there are none the phase is the reason, otherwise the guard that stands in the way.
 */
export function refusal(machine: AnyStateMachine, phase: string, signal: EventObject, why: Reasons): string {
  const node = machine.root.states[phase];
  const candidates = node?.on[signal.type] ?? [];
  for (const t of candidates) {
    const guard = t.guard as unknown;
    const name =
      typeof guard === 'string'
        ? guard
        : guard && typeof guard === 'object' && 'type' in guard
          ? String((guard as { type: unknown }).type)
          : undefined;
    const reason = name ? why.guard(name) : undefined;
    if (reason) return reason;
  }
  return why.phase();
}
