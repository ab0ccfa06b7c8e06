import { z } from 'zod';
import { COMMAND_TYPES, formatPath, ROLES } from '../sim';
import { REFLECTION_QUESTIONS } from './reflection';
import type { ResultsExport } from './results';
import { ROUND_WEEKS, SEED_LIMIT } from './roundTerms';

const count = z.number().int().min(0).max(100_000);
const answers = z.array(z.number().int().min(1).max(5).nullable()).length(REFLECTION_QUESTIONS.length);
const resultsSchema = z.object({
  kind: z.literal('firepants-results'),
  version: z.literal(1),
  table: z.string().trim().min(1).max(60),
  setupLink: z.string().max(20_000),
  scenario: z.object({ id: z.string().min(1).max(40), name: z.string().min(1).max(40) }),
  seed: z.number().int().min(-SEED_LIMIT).max(SEED_LIMIT),
  weeks: z.number().refine((w) => (ROUND_WEEKS as readonly number[]).includes(w), 'use 1, 2, 4, 8 or 13'),
  score: z.number().finite().min(-100_000).max(100_000),
  par: z.number().finite().min(-100_000).max(100_000).nullable(),
  incidents: count,
  replayIncidents: count,
  silentSuccesses: count,
  decisions: z.partialRecord(z.enum(COMMAND_TYPES as [string, ...string[]]), count),
  byRole: z
    .array(z.object({ player: z.string().trim().min(1).max(40), role: z.enum(ROLES), decisions: count }))
    .max(18)
    .optional(),
  reflection: z.object({ before: answers, after: answers }).optional(),
  exportedAt: z.iso.datetime(),
});

export type ResultsRead = { ok: true; results: ResultsExport } | { ok: false; problem: string };

/** Reads one exported file; a bad one is named with its bad field, and nothing is thrown. */
export function readResultsFile(fileName: string, text: string): ResultsRead {
  const bad = (what: string): ResultsRead => ({ ok: false, problem: `${fileName}: ${what}` });
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return bad('not valid JSON');
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return bad('not a results file (a JSON object)');
  const kind = (raw as { kind?: unknown }).kind;
  if (kind !== 'firepants-results')
    return bad(`kind: expected "firepants-results", found ${JSON.stringify(kind) ?? 'nothing'}`);
  const version = (raw as { version?: unknown }).version;
  if (version !== 1) return bad(`version: this page reads version 1, found ${JSON.stringify(version) ?? 'nothing'}`);
  const parsed = resultsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const message = issue?.message ?? 'invalid';
    return bad(`${formatPath(issue?.path ?? [])}: ${/received undefined$/.test(message) ? 'missing' : message}`);
  }
  return { ok: true, results: parsed.data as ResultsExport };
}

/** How far above par a table played; with no par yet, the score itself. */
export const marginOf = (r: Pick<ResultsExport, 'score' | 'par'>) => r.score - (r.par ?? 0);

/** Best first: by score minus par, then by silent successes. */
export function rankResults(list: readonly ResultsExport[]): ResultsExport[] {
  return [...list].sort((a, b) => marginOf(b) - marginOf(a) || b.silentSuccesses - a.silentSuccesses);
}
