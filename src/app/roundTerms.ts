import { builtInScenarios, type OwnershipModel, type Scenario, validateScenario } from '../sim';

/** The round lengths a table can choose. */
export const ROUND_WEEKS = [1, 2, 4, 8, 13] as const;
export const OWNERSHIP_MODELS = ['ops-team', 'you-build-it', 'hybrid'] as const satisfies readonly OwnershipModel[];
/** Seeds a player can type: up to nine digits, either sign. */
export const SEED_LIMIT = 999_999_999;

/** The built-in scenarios in a fixed order: short codes name them by position, so new ones go at the end. */
export function builtInScenarioList(): Scenario[] {
  return Object.values(builtInScenarios).flatMap((raw) => {
    const r = validateScenario(raw);
    return r.ok ? [r.scenario] : [];
  });
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
