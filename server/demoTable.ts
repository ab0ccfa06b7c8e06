import type { Command, Policy, RetroFraming, Snapshot } from '../src/sim';
import { policies } from '../src/sim';

/**
 * The demo table's bot: it plays like the learning-first team in everything but one decision, which
 * it leaves to the audience — how a retro is framed. Its retros wait at that step until a vote decides.
 */
export const waitsForTheAudience: Policy = (s) =>
  (policies['learning-first']?.(s) ?? []).filter((c) => c.type !== 'frameRetro');

/** The first retro waiting for its framing, if any. */
export function retroAwaitingFraming(s: Snapshot): string | null {
  const retro = Object.values(s.retros).find((r) => r.phase === 'framing' && r.framing === null);
  return retro?.id ?? null;
}

/** An audience's answer as a framing: "blame" (or any answer naming blame but not blameless) blames. */
export function framingOf(answer: string): RetroFraming {
  const a = answer.trim().toLowerCase();
  return a.includes('blame') && !a.includes('blameless') ? 'blame' : 'blameless';
}

/** The command that frames the waiting retro as the audience decided; blame falls on the person paged. */
export function framingCommand(s: Snapshot, retroId: string, answer: string): Command {
  const framing = framingOf(answer);
  if (framing === 'blameless') return { type: 'frameRetro', retro: retroId, framing };
  const retro = s.retros[retroId];
  const inc = retro?.incidentId ? s.incidents[retro.incidentId] : undefined;
  const blamed = inc?.pagedTo ?? inc?.responders[0] ?? s.engineerOrder[0] ?? '';
  return { type: 'frameRetro', retro: retroId, framing, blamed };
}
