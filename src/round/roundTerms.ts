import { freeze } from 'immer';
import { builtInScenarios, type OwnershipModel, type Scenario, validateScenario } from '../sim';
import { ROUND_WEEKS } from './roundDefaults';

export { ROUND_WEEKS } from './roundDefaults';
export const OWNERSHIP_MODELS = ['ops-team', 'you-build-it', 'hybrid'] as const satisfies readonly OwnershipModel[];
/** Seeds a player can type: up to nine digits, either sign. */
export const SEED_LIMIT = 999_999_999;

let checked: { id: string; scenario: Scenario }[] | null = null;

/** The built-in scenarios, each checked once per page (they never change) and frozen so no one can change them. */
function checkedBuiltIns(): { id: string; scenario: Scenario }[] {
  checked ??= Object.entries(builtInScenarios).flatMap(([id, raw]) => {
    const r = validateScenario(raw);
    return r.ok ? [{ id, scenario: freeze(r.scenario, true) }] : [];
  });
  return checked;
}

/** The built-in scenarios in a fixed order: short codes name them by position, so new ones go at the end. */
export function builtInScenarioList(): Scenario[] {
  return checkedBuiltIns().map((b) => b.scenario);
}

/** One built-in scenario by its key in the content folder, or null if there is none (or it failed its check). */
export function builtInScenario(id: string): Scenario | null {
  return checkedBuiltIns().find((b) => b.id === id)?.scenario ?? null;
}

export function isOwnership(value: unknown): value is OwnershipModel {
  return (OWNERSHIP_MODELS as readonly unknown[]).includes(value);
}

export function isRoundWeeks(value: unknown): value is (typeof ROUND_WEEKS)[number] {
  return (ROUND_WEEKS as readonly unknown[]).includes(value);
}

/** A seed as typed, or null when it is not a whole number within the limit. */
export function parseSeed(text: string): number | null {
  const t = text.trim();
  if (!/^-?\d{1,9}$/.test(t)) return null;
  const n = Number(t);
  return Math.abs(n) <= SEED_LIMIT ? n : null;
}

/** The same scenario, field for field: a custom file that reuses a built-in id is not the built-in. */
export function sameScenario(a: Scenario, b: Scenario): boolean {
  return JSON.stringify({ ...a, $schema: undefined }) === JSON.stringify({ ...b, $schema: undefined });
}
