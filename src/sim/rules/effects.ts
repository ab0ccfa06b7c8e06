import type { Immutable } from 'immer';
import type { EffectLedger, LatentCondition, Service, SimState } from '../model/types';
import { clamp01 } from '../model/world';
import { conditionRisk, serviceRisk } from './risk';

export function emptyLedger(): EffectLedger {
  return {
    riskRemoved: 0,
    riskRevealed: 0,
    responseImproved: 0,
    pagesOverBudget: 0,
    toilOverHalfHours: 0,
    statusUpdatesHeard: 0,
  };
}

/** The effect ledger of a world (saves from before it existed start an empty one). */
export function ledger(state: SimState): EffectLedger {
  if (!state.totals.effects) state.totals.effects = emptyLedger();
  return state.totals.effects;
}

export interface ChangeSource {
  by: 'item' | 'retro';
  id: string;
  title: string;
}

/**
 * Weakens (or removes, at 0) a latent condition and books the risk that went with it. Ending a
 * relapse is part of what an item does: the failure stops coming back.
 */
export function weakenCondition(state: SimState, c: LatentCondition, strength: number, source: ChangeSource): void {
  const before = conditionRisk(state, c);
  const strengthBefore = c.strength;
  c.strength = Math.max(0, Math.min(c.strength, strength));
  if (source.by === 'item') c.relapseUntil = null;
  const removed = before - conditionRisk(state, c);
  if (removed <= 0 && c.strength === strengthBefore) return;
  ledger(state).riskRemoved += Math.max(0, removed);
  c.weakened = [
    ...(c.weakened ?? []),
    { at: state.now, by: source.by, id: source.id, title: source.title, strengthBefore, strengthAfter: c.strength },
  ];
}

/** A condition an action item has already guarded (or removed): guarding it again adds little. */
export function isGuarded(c: Immutable<Pick<LatentCondition, 'weakened'>>): boolean {
  return (c.weakened ?? []).some((w) => w.by === 'item');
}

/** The organization comes to know a latent condition: knowing a risk is worth part of removing it. */
export function revealCondition(state: SimState, c: LatentCondition, weight = 1): void {
  if (c.revealed) return;
  c.revealed = true;
  ledger(state).riskRevealed += conditionRisk(state, c) * weight;
}

/** Better runbooks or alerts, worth what the service's live risk makes them worth. */
export function improveService(
  state: SimState,
  svc: Service,
  field: 'runbook' | 'observability',
  amount: number,
): void {
  const before = svc[field];
  svc[field] = clamp01(before + amount);
  ledger(state).responseImproved += (svc[field] - before) * serviceRisk(state, svc.id);
}
