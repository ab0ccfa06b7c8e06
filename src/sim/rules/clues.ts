import type { Immutable } from 'immer';
import type { Snapshot } from '../model/snapshot';
import {
  type Clue,
  CONDITION_KINDS,
  type ConditionKind,
  type Incident,
  type InvestigationStep,
  MITIGATIONS,
  type Mitigation,
  type SimState,
} from '../model/types';
import { clamp01 } from '../model/world';
import { draw } from '../rng';
import { tuning } from '../tuning';
import { CHANGE_KINDS, SIGNATURES, type Signature } from './clueSignatures';

/** What the clues are read from: the same for the world and for the player who looked. */
type Investigated = Immutable<Pick<Incident, 'clues' | 'attempts' | 'mitigatedAt' | 'recentDeploy'>>;

import { mitigationHarms, mitigationWorks } from './incident';

/**
 * How good a look this step gives, 0..1: dashboards follow the service's observability, the runbook
 * its quality, logs and the expert the looker's knowledge of the service, a dependency's health both;
 * a tired responder reads any of them worse. The recent-deploys record is always plain.
 */
export function clueQuality(state: Snapshot, inc: Immutable<Incident>, step: InvestigationStep, by: string): number {
  if (step === 'deploys') return 1;
  const svc = state.services[inc.service];
  const e = state.engineers[by];
  const knowledge = e?.knowledge[inc.service] ?? 0;
  const observability = svc?.observability ?? 0;
  const base =
    step === 'dashboards'
      ? observability
      : step === 'runbook'
        ? (svc?.runbook ?? 0)
        : step === 'dependency'
          ? (observability + knowledge) / 2
          : knowledge;
  return clamp01((tuning.clueSharpFloor + tuning.clueSharpSpan * base) * (1 - tuning.fatigueBlur * (e?.fatigue ?? 0)));
}

/** The recent-deploys step reads the deploy record: always true, and it says whether a rollback can help. */
function deployClue(inc: Immutable<Incident>): Pick<Clue, 'text' | 'consistentWith'> {
  if (!inc.recentDeploy)
    return {
      text: 'no deploy in the last day: rolling back would change nothing',
      consistentWith: [...CONDITION_KINDS],
    };
  if (CHANGE_KINDS.includes(inc.kind))
    return { text: 'a deploy went out today and the errors began right after it', consistentWith: [...CHANGE_KINDS] };
  return {
    text: 'a deploy went out today, but the trouble does not line up with it',
    consistentWith: CONDITION_KINDS.filter((k) => !CHANGE_KINDS.includes(k)),
  };
}

/**
 * What one step shows, drawn from the incident's own clue stream so a round replays exactly. A sharp
 * look names the group the true class belongs to; a blurred one names two groups; a poor one shows
 * nothing conclusive. Every outcome includes the true class: a clue never lies.
 */
export function drawClue(state: SimState, inc: Incident, step: InvestigationStep, by: string): Clue {
  const at = state.now;
  if (step === 'deploys') return { step, by, at, ...deployClue(inc) };
  const q = clueQuality(state, inc, step, by);
  const u = draw(state.streams, `clue:${inc.id}`, state.seed);
  const groups: readonly Signature[] = SIGNATURES[step];
  const own = groups.findIndex((g) => g.kinds.includes(inc.kind));
  const sharp = groups[own];
  if (!sharp || u >= q + (1 - q) * tuning.clueBlurredShare)
    return { step, by, at, text: 'nothing conclusive', consistentWith: [...CONDITION_KINDS] };
  if (u < q) return { step, by, at, text: sharp.text, consistentWith: [...sharp.kinds] };
  const other = groups[(own + 1) % groups.length] ?? sharp;
  const kinds = CONDITION_KINDS.filter((k) => sharp.kinds.includes(k) || other.kinds.includes(k));
  const [first, second] = own % 2 === 0 ? [sharp, other] : [other, sharp];
  return { step, by, at, text: `hard to read: either ${first.text}, or ${second.text}`, consistentWith: kinds };
}

/** Whether the clues have shown if a deploy went out recently (then whether a rollback can help is known). */
export function deployKnown(inc: Investigated): boolean | null {
  return inc.clues.some((c) => c.step === 'deploys') ? inc.recentDeploy : null;
}

/** The fixes certain to work for a class, given what is known about recent deploys. */
export function sureFixes(kind: ConditionKind, deploy: boolean | null): Mitigation[] {
  return MITIGATIONS.filter((a) =>
    deploy === null
      ? mitigationWorks(kind, a, true) && mitigationWorks(kind, a, false)
      : mitigationWorks(kind, a, deploy),
  );
}

/**
 * The classes still possible: those every clue is consistent with, less those a failed fix rules out
 * (a fix certain to work for a class did not work, so it is not that class).
 */
export function candidateClasses(inc: Investigated): ConditionKind[] {
  const deploy = deployKnown(inc);
  const failed = inc.attempts.filter(
    (a) =>
      (a.outcome === 'wasted' || a.outcome === 'worse') && (inc.mitigatedAt === null || a.doneAt < inc.mitigatedAt),
  );
  return CONDITION_KINDS.filter(
    (k) =>
      inc.clues.every((c) => c.consistentWith.includes(k)) &&
      !failed.some((a) => sureFixes(k, deploy).includes(a.action)),
  );
}

/** How far the clues have narrowed the class down: 0 with nothing known, 1 with one class left. */
export function narrowing(inc: Investigated): number {
  const n = CONDITION_KINDS.length;
  return clamp01((n - candidateClasses(inc).length) / (n - 1));
}

export interface DiagnosisHint {
  /** The classes the clues leave open. */
  candidates: ConditionKind[];
  /** The class, once the clues leave only one. */
  kind: ConditionKind | null;
  /** A fix certain to work for every class left open, when there is one. */
  recommended: Mitigation | null;
}

/** What the clues say so far; the player and the bots see exactly this. */
export function diagnosisHint(inc: Investigated): DiagnosisHint {
  const candidates = candidateClasses(inc);
  const deploy = deployKnown(inc);
  const agreed = MITIGATIONS.filter((a) => candidates.every((k) => sureFixes(k, deploy).includes(a)));
  return {
    candidates,
    kind: candidates.length === 1 ? (candidates[0] ?? null) : null,
    recommended: candidates.length > 0 ? (agreed[0] ?? null) : null,
  };
}

/** The fix that would work for the most classes still open (a guess when the clues do not agree). */
export function likeliestFix(inc: Investigated, untried: boolean): Mitigation | null {
  const candidates = candidateClasses(inc);
  const deploy = deployKnown(inc);
  const tried = new Set(inc.attempts.map((a) => a.action));
  let best: Mitigation | null = null;
  let bestCount = Number.NEGATIVE_INFINITY;
  for (const a of MITIGATIONS) {
    if (untried && tried.has(a)) continue;
    const works = candidates.filter((k) =>
      deploy === null ? mitigationWorks(k, a, true) || mitigationWorks(k, a, false) : mitigationWorks(k, a, deploy),
    ).length;
    const harms = candidates.filter((k) => mitigationHarms(k, a)).length;
    const count = works - 0.5 * harms;
    if (works > 0 && count > bestCount) {
      best = a;
      bestCount = count;
    }
  }
  return best;
}
