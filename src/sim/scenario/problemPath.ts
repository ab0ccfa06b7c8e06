import { clip, isReservedName } from './limits';

const PLAIN_KEY = /^[A-Za-z0-9_-]{1,40}$/;

/** The id an array element is known by, when it has a plain one (letters, digits, `_`, `-`) that no other element shares. */
function idOf(list: readonly unknown[], index: number): string | null {
  const item = list[index];
  if (item === null || typeof item !== 'object' || !Object.hasOwn(item, 'id')) return null;
  const id = (item as { id?: unknown }).id;
  if (typeof id !== 'string' || !PLAIN_KEY.test(id) || isReservedName(id)) return null;
  const shared = list.filter(
    (other) => other !== null && typeof other === 'object' && (other as { id?: unknown }).id === id,
  ).length;
  return shared === 1 ? id : null;
}

/**
 * A field's place for a message, the way the file's author thinks of it: an element with an id is named by its id
 * (`services["tracker"].dependsOn`), not by its position; when the message quotes the value, a plain value in a
 * list (a dependency, a service of a peak) is named by its list. Elements without an id keep their index.
 */
export function namedPath(input: unknown, path: readonly PropertyKey[], quotesValue = false): string {
  let out = '';
  let here: unknown = input;
  path.forEach((part, i) => {
    const last = i === path.length - 1;
    if (typeof part === 'number') {
      const list = Array.isArray(here) ? here : null;
      // A problem with the id itself names the element by its place.
      const id = list && path[i + 1] !== 'id' ? idOf(list, part) : null;
      const item = list ? list[part] : undefined;
      if (id !== null) out += `["${id}"]`;
      else if (!(quotesValue && last && list && (typeof item === 'string' || typeof item === 'number')))
        out += `[${part}]`;
      here = item;
      return;
    }
    const name = String(part);
    if (!PLAIN_KEY.test(name)) out += `[${JSON.stringify(clip(name, 40))}]`;
    else out += out === '' ? name : `.${name}`;
    here =
      here !== null && typeof here === 'object' && Object.hasOwn(here, name)
        ? (here as Record<string, unknown>)[name]
        : undefined;
  });
  return out === '' ? '(file)' : clip(out, 240);
}

/** How many single-character edits turn one word into the other. */
function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++)
      next[j] = Math.min(
        (row[j] ?? 0) + 1,
        (next[j - 1] ?? 0) + 1,
        (row[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    row = next;
  }
  return row[b.length] ?? 0;
}

/**
 * The one id the author probably meant: an id or a name written alike (any case, at most a third of its letters
 * off), or an id that the typed word starts with or that starts it. Null when none, or when several fit as well.
 */
export function didYouMean(typed: string, known: readonly { id: string; name?: string }[]): string | null {
  const word = typed.toLowerCase();
  if (word.length === 0 || word.length > 80) return null;
  const fits = (candidate: string) => {
    const c = candidate.toLowerCase();
    if (c === word) return 0;
    const d = editDistance(c, word);
    if (d <= Math.max(1, Math.floor(Math.max(c.length, word.length) / 3))) return d;
    if (c.length >= 2 && (word.startsWith(c) || c.startsWith(word))) return 4;
    return Number.POSITIVE_INFINITY;
  };
  let best: string | null = null;
  let bestScore = Number.POSITIVE_INFINITY;
  let tie = false;
  for (const k of known) {
    const score = Math.min(fits(k.id), k.name === undefined ? Number.POSITIVE_INFINITY : fits(k.name));
    if (score < bestScore) {
      best = k.id;
      bestScore = score;
      tie = false;
    } else if (score === bestScore && Number.isFinite(score) && best !== k.id) tie = true;
  }
  return best !== null && Number.isFinite(bestScore) && !tie && best !== typed ? best : null;
}

/** `no service "postgres" (did you mean "pg"?)`. */
export function noSuch(what: string, typed: string, known: readonly { id: string; name?: string }[]): string {
  const guess = didYouMean(typed, known);
  return `no ${what} "${clip(typed, 40)}"${guess ? ` (did you mean "${clip(guess, 40)}"?)` : ''}`;
}
