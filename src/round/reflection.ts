/**
 * Three statements a table rates before and after a round (1 disagree … 5 agree), so a facilitator can show
 * what changed. Each is a belief the game argues against or for; the answers travel with the results.
 */
export const REFLECTION_QUESTIONS = [
  'When something breaks, finding who caused it is how we stop it happening again.',
  'Our uptime number tells us how reliable we are.',
  'Time spent on retros and their follow-ups pays for itself.',
] as const;

export const AGREEMENT = ['Disagree', 'Rather disagree', 'Unsure', 'Rather agree', 'Agree'] as const;

/** One answer per question, 1–5, or null when left out. */
export type Answers = (number | null)[];

export interface Reflection {
  before: Answers;
  after: Answers;
}

const KEY = 'firepants.reflection.v1';

export const emptyReflection = (): Reflection => ({
  before: REFLECTION_QUESTIONS.map(() => null),
  after: REFLECTION_QUESTIONS.map(() => null),
});

function tidy(raw: unknown): Answers {
  const list = Array.isArray(raw) ? raw : [];
  return REFLECTION_QUESTIONS.map((_, i) => {
    const v = list[i];
    return Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 5 ? (v as number) : null;
  });
}

/** Reads a stored or imported reflection; anything malformed becomes "left out". Never throws. */
export function parseReflection(text: string | null): Reflection {
  if (!text) return emptyReflection();
  try {
    const raw = JSON.parse(text) as Partial<Reflection> | null;
    return { before: tidy(raw?.before), after: tidy(raw?.after) };
  } catch {
    return emptyReflection();
  }
}

/** Whether anything was answered at all (an untouched reflection is left out of the results). */
export const answered = (r: Reflection) => [...r.before, ...r.after].some((a) => a !== null);

/** This tab's reflection: it lasts through a reload, and a new round starts a fresh one. */
export function loadReflection(): Reflection {
  try {
    return parseReflection(globalThis.sessionStorage?.getItem(KEY) ?? null);
  } catch {
    return emptyReflection();
  }
}

export function saveReflection(r: Reflection): void {
  try {
    globalThis.sessionStorage?.setItem(KEY, JSON.stringify(r));
  } catch {
    // storage blocked: the answers last until the page is closed
  }
}
