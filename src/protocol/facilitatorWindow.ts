import '../sim/zodConfig';
import { z } from 'zod';
import { CONDITION_KINDS } from '../sim';

/**
 * The facilitator's window and the table's window talk over a BroadcastChannel: two windows of the
 * same page on one machine, no server. Every message is checked on arrival; anything else is ignored.
 */
export const CHANNEL_NAME = 'firepants-table-1';

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
const liveIncident = z.object({ service: text, kind: text, phase: text, injected: z.boolean() });

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
  services: z.array(z.object({ id: ref, name: text })).max(64),
  incidents: z.array(liveIncident).max(64),
  ghostBurning: z.array(text).max(64),
  weaknesses: z.array(weakness).max(200),
  timer: z.object({ label: text, endsAt: z.number() }).nullable(),
  revealed: z.boolean(),
});
export type TableMessage = z.infer<typeof tableMessage>;

export interface Channel<Out, In> {
  send(message: Out): void;
  close(): void;
  onMessage: ((message: In) => void) | null;
}

/** Opens the channel from one side; incoming messages are checked with `schema`, the rest dropped. */
export function openChannel<Out, In>(schema: z.ZodType<In>, name = CHANNEL_NAME): Channel<Out, In> | null {
  if (typeof BroadcastChannel === 'undefined') return null;
  const bc = new BroadcastChannel(name);
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
