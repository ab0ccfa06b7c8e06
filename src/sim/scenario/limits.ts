/** Limits that keep hostile files from exhausting the stack, the memory or the screen. */

/** Deepest nesting of arrays and objects any file may have. */
export const MAX_DEPTH = 64;
/** Largest scenario file, in characters. */
export const MAX_SCENARIO_CHARS = 1_000_000;
/** Largest saved round, in characters (a whole 26-week round fits with room to spare). */
export const MAX_SAVE_CHARS = 32_000_000;
/** Longest echoed value in a message. */
export const MAX_ECHO = 80;
/** Most problems listed for one file. */
export const MAX_PROBLEMS = 20;

/** Names every object inherits; none of them may be used as an id. */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([
  ...Object.getOwnPropertyNames(Object.prototype),
  'prototype',
]);

export function isReservedName(name: string): boolean {
  return RESERVED_NAMES.has(name);
}

/** Shortens text for a message, marking the cut with "…". */
export function clip(text: string, max = MAX_ECHO): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A short, safe description of any value for a message: never huge, never throws. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (typeof value === 'string') return JSON.stringify(clip(value));
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return clip(String(value));
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  return typeof value;
}

/** The text's deepest nesting of brackets outside strings, stopping once past the limit. */
export function textDepthExceeds(text: string, max = MAX_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      depth++;
      if (depth > max) return true;
    } else if (c === 93 || c === 125) depth--;
  }
  return false;
}

/** Whether a parsed value nests deeper than the limit; iterative, so it cannot overflow the stack itself. */
export function valueDepthExceeds(value: unknown, max = MAX_DEPTH): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop() as [unknown, number];
    if (v === null || typeof v !== 'object') continue;
    if (d + 1 > max) return true;
    for (const child of Object.values(v)) if (child !== null && typeof child === 'object') stack.push([child, d + 1]);
  }
  return false;
}

/** Keeps the first problems and says how many more there were. */
export function capProblems<T>(problems: T[], more: (n: number) => T, max = MAX_PROBLEMS): T[] {
  return problems.length <= max ? problems : [...problems.slice(0, max), more(problems.length - max)];
}

/** Strips a UTF-8 byte-order mark, which some editors put at the start of a file. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
