import type { Immutable } from 'immer';
import { formatClock } from '../clock';
import type { Snapshot } from '../model/snapshot';
import type { Incident, InvestigationStep, SimState } from '../model/types';
import { clamp01, logEvent } from '../model/world';
import { tuning } from '../tuning';
import { drawClue, narrowing } from './clues';
import { expertFor } from './response';

/** The teams the incident's active responders come from. */
export function respondingTeams(state: Snapshot, inc: Immutable<Incident>): Set<string> {
  const teams = new Set<string>();
  for (const r of inc.responders) {
    const e = state.engineers[r];
    if (e?.status === 'active') teams.add(e.team);
  }
  return teams;
}

/** Whether this person has already looked into this incident (and so has its context). */
function hasContext(inc: Immutable<Incident>, engineer: string): boolean {
  return inc.clues.some((c) => c.by === engineer) || inc.inquiries.some((q) => q.by === engineer);
}

/**
 * Minutes a step costs this responder. Conway's law: across team lines every step takes longer
 * (less so with a named commander), and someone from outside the owning team first needs the
 * context shared with them [CONWAY, WB-8].
 */
export function stepMinutes(
  state: Snapshot,
  inc: Immutable<Incident>,
  step: InvestigationStep,
  engineer: string,
): number {
  let minutes = tuning.investigationMinutes[step];
  if (respondingTeams(state, inc).size > 1)
    minutes *= inc.roles.commander !== undefined ? tuning.crossTeamStepFactorCommanded : tuning.crossTeamStepFactor;
  const owner = state.services[inc.service]?.team;
  const e = state.engineers[engineer];
  if (e && owner !== undefined && e.team !== owner && !hasContext(inc, engineer)) minutes += tuning.contextMinutes;
  return Math.round(minutes);
}

/** Why this responder cannot take this step now, in the player's words; null when they can. */
export function stepRefusal(
  state: Snapshot,
  inc: Immutable<Incident>,
  step: InvestigationStep,
  engineer: string,
): string | null {
  if (inc.phase === 'paged' || inc.phase === 'detected') return 'acknowledge the page first';
  if (inc.phase === 'mitigated') return 'the incident is already mitigated';
  const e = Object.hasOwn(state.engineers, engineer) ? state.engineers[engineer] : undefined;
  if (e?.status !== 'active') return 'that person is not available';
  if (!inc.responders.includes(engineer)) return `${e.name} is not responding to this incident`;
  if (e.busyUntil > state.now) return `${e.name} is busy until ${formatClock(e.busyUntil)}`;
  if (step === 'expert' && expertFor(state, inc.service) !== engineer)
    return `${e.name} is not the expert on this service: call the expert in first`;
  if (inc.inquiries.some((q) => q.step === step)) return 'somebody is already on that step';
  return null;
}

/** A responder starts a step: busy for its minutes, and the clue comes when they are up. */
export function startInquiry(state: SimState, inc: Incident, step: InvestigationStep, engineer: string): void {
  const minutes = stepMinutes(state, inc, step, engineer);
  const e = state.engineers[engineer];
  if (!e) return;
  e.busyUntil = state.now + minutes;
  // Asking the expert costs the hero: every question mid-incident tires them a little more.
  if (step === 'expert') e.fatigue = clamp01(e.fatigue + tuning.expertStepFatigue);
  inc.inquiries.push({ step, by: engineer, startedAt: state.now, doneAt: state.now + minutes });
  logEvent(state, { type: 'investigation-started', incident: inc.id, step, engineer, minutes });
}

/** Steps whose minutes are up reveal their clue, and the narrowing follows from the clues. */
export function finishInquiries(state: SimState, inc: Incident): void {
  if (inc.inquiries.length === 0) return;
  const due = inc.inquiries.filter((q) => q.doneAt <= state.now);
  if (due.length === 0) return;
  inc.inquiries = inc.inquiries.filter((q) => q.doneAt > state.now);
  for (const q of due) {
    const clue = drawClue(state, inc, q.step, q.by);
    inc.clues.push(clue);
    logEvent(state, {
      type: 'clue-found',
      incident: inc.id,
      step: q.step,
      engineer: q.by,
      text: clue.text,
      classes: clue.consistentWith.length,
    });
  }
  const before = inc.progress;
  inc.progress = narrowing(inc);
  if (before < 1 && inc.progress >= 1) logEvent(state, { type: 'diagnosed', incident: inc.id, progress: 1 });
}
