import '../sim/zodConfig';
import { z } from 'zod';
import { builtInScenarios, CONDITION_KINDS } from '../sim';

/** Every message a room accepts is checked here first; anything else is refused with a reason. */
const scenarioIds = Object.keys(builtInScenarios) as [string, ...string[]];

/** How a table is set up: a built-in scenario, a seed and a round length (what a share code carries). */
export const tableOptions = z.object({
  scenario: z.enum(scenarioIds).default('platform'),
  seed: z.number().int().min(-2147483648).max(2147483647).default(42),
  weeks: z.number().int().min(1).max(13).default(4),
  label: z.string().max(40).default(''),
  /** A demo table: a bot plays it, and an audience's vote makes its retros' framing decision. */
  demo: z.boolean().default(false),
});
export type TableOptions = z.infer<typeof tableOptions>;

/** A player's seat: a name and a role at the table (or a spectator, who only watches). */
export const SEATS = ['commander', 'ops', 'comms', 'spectator'] as const;
export const joinOptions = z.object({
  name: z.string().trim().min(1).max(40).default('Player'),
  seat: z.enum(SEATS).default('spectator'),
});
export type Seat = z.infer<typeof joinOptions>;

export const controlMessage = z.discriminatedUnion('control', [
  z.object({ control: z.literal('pause') }),
  z.object({ control: z.literal('resume') }),
  z.object({ control: z.literal('speed'), value: z.number().int().min(1).max(8) }),
]);

export const facilitatorJoin = z.object({ code: z.string().min(1).max(64) });

export const tableRef = z.object({ table: z.string().min(1).max(64) });
export const injectMessage = tableRef.extend({
  service: z.string().min(1).max(80),
  kind: z.enum(CONDITION_KINDS),
});

/** What the facilitator console shows for each table, kept as the table room's metadata. */
export interface TableSummary {
  label: string;
  scenario: string;
  scenarioId: string;
  /** A bot plays it and the audience frames its retros. */
  demo: boolean;
  /** A retro there waits for the audience's framing. */
  awaitsAudience: boolean;
  phase: 'paused' | 'playing' | 'over';
  minute: number;
  clock: string;
  score: number;
  par: number;
  liveIncidents: number;
  silentSuccesses: number;
  players: number;
}

/** The first problem of a message, in words, for a refusal. */
export function problemOf(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || 'message'}: ${issue.message}` : 'not a valid message';
}
