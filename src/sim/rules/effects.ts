import type { Immutable } from 'immer';
import type { EffectLedger, LatentCondition, Service, SimState } from '../model/types';
import { clamp01 } from '../model/world';
import { conditionRisk, riskAhead } from './risk';

export function emptyLedger(): EffectLedger {
  return {
    riskRemoved: 0,
    riskRevealed: 0,
    responseImproved: 0,
    knowledgeSpread: 0,
    pagesOverBudget: 0,
    toilOverHalfHours: 0,
    statusUpdatesHeard: 0,
  };
}

/** The effect ledger of a world (saves from before it existed start an empty one). */
export function ledger(state: SimState): EffectLedger {
  if (!state.totals.effects) state.totals.effects = emptyLedger();
  const fx = state.totals.effects;
  fx.knowledgeSpread ??= 0;
  return fx;
}

export interface ChangeSource {
  by: 'item' | 'retro';
  id: string;
  title: string;
}

/**
 * What a weakness is worth removing: the harm it can still cause before the round ends. A relapse left by
 * a fire in the round is not counted: a weakness that has just burned is worth no more to remove than one
 * that never did, so having an incident never raises what learning from it earns (the repeat that then
 * does not happen shows in the harm that did not come). A relapse the round began with — last week's
 * outage, owed its retro — is part of the world as it started, and ending it counts. A weakness the
 * organization bought itself (a feature push) is worth no more than it was charged when bought.
 */
function worth(state: SimState, c: Immutable<LatentCondition>): number {
  return riskAhead(state, c, relapseFromBefore(state, c));
}

/** A relapse still left from an outage before the round began: the weakness has not burned in the round. */
function relapseFromBefore(state: SimState, c: Immutable<LatentCondition>): boolean {
  if ((c.relapseUntil ?? null) === null || c.origin !== 'scenario') return false;
  for (const id of state.incidentOrder) {
    const inc = state.incidents[id];
    if (inc && !inc.prior && inc.conditionId === c.id) return false;
  }
  return true;
}

/**
 * Weakens (or removes, at 0) a latent condition and books the harm that went with it, over what is
 * left of the round. Ending a relapse is part of what an item does: the failure stops coming back.
 */
export function weakenCondition(state: SimState, c: LatentCondition, strength: number, source: ChangeSource): void {
  const before = worth(state, c);
  const strengthBefore = c.strength;
  c.strength = Math.max(0, Math.min(c.strength, strength));
  if (source.by === 'item') c.relapseUntil = null;
  const removed = before - worth(state, c);
  if (removed <= 0 && c.strength === strengthBefore) return;
  ledger(state).riskRemoved += Math.max(0, removed);
  c.weakened = [
    ...(c.weakened ?? []),
    { at: state.now, by: source.by, id: source.id, title: source.title, strengthBefore, strengthAfter: c.strength },
  ];
}

/**
 * Risk the organization takes on by choice (a feature push's new weaknesses) is charged when it is
 * taken, for the rest of the round: risk is counted net, so removing it later only pays back the charge.
 */
export function chargeBoughtRisk(state: SimState, c: Immutable<LatentCondition>): void {
  ledger(state).riskRemoved -= worth(state, c);
}

/** A condition an action item has already guarded (or removed): guarding it again adds little. */
export function isGuarded(c: Immutable<Pick<LatentCondition, 'weakened'>>): boolean {
  return (c.weakened ?? []).some((w) => w.by === 'item');
}

/** The organization comes to know a latent condition (kept for the story; knowing alone scores nothing). */
export function revealCondition(state: SimState, c: LatentCondition, weight = 1): void {
  if (c.revealed) return;
  c.revealed = true;
  ledger(state).riskRevealed += conditionRisk(state, c) * weight;
}

/**
 * Better runbooks or alerts: weaknesses on the service give way less often (and fires are found and
 * read sooner). Worth the harm the service's live weaknesses can no longer cause before the round ends.
 */
export function improveService(
  state: SimState,
  svc: Service,
  field: 'runbook' | 'observability',
  amount: number,
): void {
  const live = Object.values(state.conditions).filter((c) => c.service === svc.id && c.strength > 0);
  const ahead = () => live.reduce((sum, c) => sum + worth(state, c), 0);
  const before = ahead();
  svc[field] = clamp01(svc[field] + amount);
  ledger(state).responseImproved += Math.max(0, before - ahead());
}
