import { OWNERSHIP_MODELS, ROUND_WEEKS, SEED_LIMIT } from '../round/roundTerms';
import type { OwnershipModel, Scenario } from '../sim';

/** Crockford's base32: no I, L, O or U, so a code read aloud is hard to mishear. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const SCENARIO_SLOTS = 16;
/** The packed setup takes 6 to 8 characters; a check character follows. */
const MIN_BODY = 6;
const MAX_BODY = 8;
const MIN_LENGTH = MIN_BODY + 1;
const MAX_LENGTH = MAX_BODY + 1;
/** Added to every packed value so codes never start with a row of zeros. */
const OFFSET = 32 ** (MIN_BODY - 1);

/**
 * Luhn's check over base 32: every digit counts, every second one doubled and folded back. It catches every
 * single mistyped character and nearly every swap of two neighbours, so a typo is refused instead of opening
 * another round.
 */
function luhnSum(digits: readonly number[], doubleFirst: boolean): number {
  let sum = 0;
  let double = doubleFirst;
  for (let i = digits.length - 1; i >= 0; i--) {
    const d = (digits[i] ?? 0) * (double ? 2 : 1);
    sum += Math.floor(d / 32) + (d % 32);
    double = !double;
  }
  return sum % 32;
}

const checkOf = (body: readonly number[]): number => (32 - luhnSum(body, true)) % 32;

export interface CodeSetup {
  scenarioIndex: number;
  seed: number;
  weeks: number;
  ownership: OwnershipModel;
}

/**
 * A short code for a built-in setup, to read aloud: scenario position, seed, weeks and ownership packed into
 * one number and written in base32 (6 to 8 characters), then a check character. It decodes without a server;
 * the rotation is the default.
 */
export function shareCode(setup: CodeSetup): string | null {
  const weeksIndex = ROUND_WEEKS.indexOf(setup.weeks as (typeof ROUND_WEEKS)[number]);
  const ownIndex = OWNERSHIP_MODELS.indexOf(setup.ownership);
  if (setup.scenarioIndex < 0 || setup.scenarioIndex >= SCENARIO_SLOTS || weeksIndex < 0 || ownIndex < 0) return null;
  if (!Number.isInteger(setup.seed) || Math.abs(setup.seed) > SEED_LIMIT) return null;
  const seedPart = setup.seed >= 0 ? setup.seed * 2 : -setup.seed * 2 - 1;
  let value =
    ((seedPart * ROUND_WEEKS.length + weeksIndex) * OWNERSHIP_MODELS.length + ownIndex) * SCENARIO_SLOTS +
    setup.scenarioIndex +
    OFFSET;
  let out = '';
  while (value > 0) {
    out = ALPHABET[value % 32] + out;
    value = Math.floor(value / 32);
  }
  const body = out.padStart(MIN_BODY, '0');
  return body + ALPHABET[checkOf([...body].map((ch) => ALPHABET.indexOf(ch)))];
}

export type CodeResult = { ok: true; scenario: Scenario; setup: CodeSetup } | { ok: false; problem: string };

/** Reads a typed code (any case; spaces and dashes ignored; O read as 0, I and L as 1); never throws. */
export function readShareCode(typed: string, builtIns: readonly Scenario[]): CodeResult {
  const text = String(typed).toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (text.length < MIN_LENGTH || text.length > MAX_LENGTH)
    return {
      ok: false,
      problem: `a code has ${MIN_LENGTH} to ${MAX_LENGTH} characters; "${typed}" has ${text.length}`,
    };
  const digits: number[] = [];
  for (const ch of text) {
    const digit = ALPHABET.indexOf(ch);
    if (digit < 0) return { ok: false, problem: `"${ch}" is not a letter or digit used in codes` };
    digits.push(digit);
  }
  if (luhnSum(digits, false) !== 0)
    return {
      ok: false,
      problem: `"${text}" does not check out (its last character is a check on the others): a character is mistyped, or it is a code from before codes had one. Read it again, or ask for a new code`,
    };
  let value = 0;
  for (const digit of digits.slice(0, -1)) value = value * 32 + digit;
  value -= OFFSET;
  if (value < 0) return { ok: false, problem: `"${typed}" is not a code this game makes; check the code` };
  const scenarioIndex = value % SCENARIO_SLOTS;
  value = Math.floor(value / SCENARIO_SLOTS);
  const ownership = OWNERSHIP_MODELS[value % OWNERSHIP_MODELS.length] as OwnershipModel;
  value = Math.floor(value / OWNERSHIP_MODELS.length);
  const weeks = ROUND_WEEKS[value % ROUND_WEEKS.length] as number;
  const seedPart = Math.floor(value / ROUND_WEEKS.length);
  const seed = seedPart % 2 === 0 ? seedPart / 2 : -(seedPart + 1) / 2;
  const scenario = builtIns[scenarioIndex];
  if (!scenario)
    return {
      ok: false,
      problem: `the code names built-in scenario number ${scenarioIndex + 1}, and there are ${builtIns.length}; check the code (your own scenarios travel by link, not by code)`,
    };
  if (Math.abs(seed) > SEED_LIMIT) return { ok: false, problem: 'the code holds a seed out of range; check the code' };
  return { ok: true, scenario, setup: { scenarioIndex, seed, weeks, ownership } };
}
