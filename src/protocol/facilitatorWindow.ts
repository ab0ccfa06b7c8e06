import { z } from 'zod';
import { CONDITION_KINDS } from '../sim';

/**
 * The facilitator's window and the table's window talk over a BroadcastChannel: two windows of the
 * same page on one machine, no server. Every message is checked on arrival; anything else is ignored.
 * The two are paired by a secret that only the table's link to the facilitator's window carries: the
 * channel is named after it, so another page of the same site (a rogue tab) neither hears the table nor
 * steers it.
 */
const CHANNEL_PREFIX = 'firepants-table-';

/** A pairing secret: 128 random bits in URL-safe base64 (22 characters). */
const SECRET = /^[A-Za-z0-9_-]{22,64}$/;

/** A new pairing secret from 16 random bytes, e.g. `crypto.getRandomValues(new Uint8Array(16))`. */
export function pairingSecret(random: Uint8Array): string {
  let bits = '';
  for (const byte of random) bits += String.fromCharCode(byte);
  return btoa(bits).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The secret in a facilitator window's address (`facilitator.html#pair=…`), or null when it has none. */
export function pairingIn(hash: string): string | null {
  const secret = new URLSearchParams(hash.replace(/^#/, '')).get('pair');
  return secret !== null && SECRET.test(secret) ? secret : null;
}

/** The facilitator's window for the table that holds this secret. */
export function facilitatorHref(secret: string): string {
  return `facilitator.html#pair=${secret}`;
}

/** The channel of one table and its facilitator. */
export function channelName(secret: string): string {
  return CHANNEL_PREFIX + secret;
}

const ref = z.string().min(1).max(80);
const text = z.string().max(200);

/** What the facilitator asks of the table. */
export const facilitatorMessage = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('hello') }),
  z.object({ kind: z.literal('inject'), service: ref, condition: z.enum(CONDITION_KINDS) }),
  z.object({ kind: z.literal('pause') }),
  z.object({ kind: z.literal('resume') }),
  /** A phase timer the table sees counting down; 0 minutes clears it. */
  z.object({ kind: z.literal('timer'), label: text, minutes: z.number().int().min(0).max(240) }),
  /** Shows the hidden state (latent weaknesses and their hazard) to the table, or hides it again. */
  z.object({ kind: z.literal('reveal'), on: z.boolean() }),
]);
export type FacilitatorMessage = z.infer<typeof facilitatorMessage>;

const weakness = z.object({ service: text, kind: text, weeklyHazard: z.number(), strength: z.number() });
/** Where a fire came from: the scenario's script, the guided first fire, the facilitator, or chance. */
export const FIRE_ORIGINS = ['scheduled', 'guided', 'facilitator', 'chance'] as const;
export type FireOrigin = (typeof FIRE_ORIGINS)[number];
const liveIncident = z.object({ service: text, kind: text, phase: text, origin: z.enum(FIRE_ORIGINS) });
/** A fire the scenario file schedules, with its minute and whether that minute has come. */
const scheduledFire = z.object({ service: text, kind: text, minute: z.number(), clock: text, started: z.boolean() });

/** What the table tells the facilitator: its phase, clock, score and the state players do not see. */
export const tableMessage = z.object({
  kind: z.literal('status'),
  phase: text,
  scenario: text,
  clock: text,
  minute: z.number(),
  score: z.number(),
  par: z.number(),
  silentSuccesses: z.number(),
  /** Each service with the kinds of its own weaknesses: a fire set on purpose sets one of them off. */
  services: z.array(z.object({ id: ref, name: text, kinds: z.array(z.enum(CONDITION_KINDS)).max(16) })).max(64),
  incidents: z.array(liveIncident).max(64),
  ghostBurning: z.array(text).max(64),
  weaknesses: z.array(weakness).max(200),
  scheduled: z.array(scheduledFire).max(200),
  timer: z.object({ label: text, endsAt: z.number() }).nullable(),
  revealed: z.boolean(),
});
export type TableMessage = z.infer<typeof tableMessage>;

export interface Channel<Out, In> {
  send(message: Out): void;
  close(): void;
  onMessage: ((message: In) => void) | null;
}

/** Opens the paired channel from one side; incoming messages are checked with `schema`, the rest dropped. */
export function openChannel<Out, In>(schema: z.ZodType<In>, secret: string): Channel<Out, In> | null {
  if (typeof BroadcastChannel === 'undefined' || !SECRET.test(secret)) return null;
  const bc = new BroadcastChannel(channelName(secret));
  const channel: Channel<Out, In> = {
    send: (message) => bc.postMessage(message),
    close: () => bc.close(),
    onMessage: null,
  };
  bc.onmessage = (e: MessageEvent) => {
    const parsed = schema.safeParse(e.data);
    if (parsed.success) channel.onMessage?.(parsed.data);
  };
  return channel;
}
