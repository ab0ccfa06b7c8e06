import type { Incident, Snapshot } from '../sim';

/** One thing a customer said about an incident, and when. */
export interface CustomerVoice {
  at: number;
  who: string;
  text: string;
  /** Angrier the longer nobody tells them anything. */
  mood: 'puzzled' | 'annoyed' | 'angry' | 'reassured';
}

const HANDLES = ['@maria_k', '@devon.b', '@shopfront_ops', '@jun', '@alex-t', '@priyanka', '@omar', '@la_cafe'];

/** A stable pick from a list for this incident and minute, so a redraw says the same thing. */
function pick<T>(list: readonly T[], incident: string, n: number): T {
  let h = n * 31;
  for (const ch of incident) h = (h * 33 + ch.charCodeAt(0)) >>> 0;
  return list[h % list.length] as T;
}

/**
 * What customers say while a service burns: comms reads this, the other roles do not see it. Drawn
 * from the incident as it stands (how long it has burned, how bad, whether customers found it first,
 * when they last heard from the company), never from hidden state: customers do not know the cause.
 */
export function customerVoices(s: Snapshot, inc: Incident): CustomerVoice[] {
  const out: CustomerVoice[] = [];
  const name = s.services[inc.service]?.name ?? inc.service;
  const weight = inc.affected.reduce((sum, id) => sum + (s.services[id]?.customerWeight ?? 0), 0);
  if (weight < 0.2 || inc.kind === 'alert-noise') return out;
  const end = inc.mitigatedAt ?? s.now;
  // Someone speaks up every so often, more often when more of the product is down.
  const every = weight >= 1 ? 8 : weight >= 0.5 ? 12 : 20;
  const firstAt = inc.detectedBy === 'customer' && inc.detectedAt !== null ? inc.detectedAt : inc.startedAt + every;
  for (let at = firstAt, n = 0; at <= end && n < 40; at += every, n++) {
    const heard = inc.lastStatusAt !== null && inc.lastStatusAt <= at ? at - inc.lastStatusAt : null;
    const silentFor = heard ?? at - inc.startedAt;
    const mood: CustomerVoice['mood'] =
      heard !== null && heard < 30 ? 'reassured' : silentFor > 45 ? 'angry' : silentFor > 20 ? 'annoyed' : 'puzzled';
    out.push({ at, who: pick(HANDLES, inc.id, n), text: saying(mood, name, silentFor, inc, n), mood });
  }
  return out.slice(-6);
}

function saying(mood: CustomerVoice['mood'], name: string, minutes: number, inc: Incident, n: number): string {
  const lines: Record<CustomerVoice['mood'], readonly string[]> = {
    puzzled: [
      `Is ${name} down for anyone else?`,
      `${name} keeps spinning for me.`,
      `Getting errors on ${name}, just me?`,
    ],
    annoyed: [
      `${name} has been broken for ${minutes} minutes. Anyone there?`,
      `Still nothing from you about ${name}. Status page says all green?!`,
      `Lost my basket twice now. What is going on with ${name}?`,
    ],
    angry: [
      `Over ${Math.round(minutes / 5) * 5} minutes of ${name} down and not one word. Moving to a competitor.`,
      `Cancelling. ${name} down again and silence from the company.`,
      `Who is running this? ${name} down for ages, no update.`,
    ],
    reassured: [
      'Thanks for the update, waiting it out.',
      'OK, good to know you are on it.',
      `Saw the status page, fingers crossed for ${name}.`,
    ],
  };
  return pick(lines[mood], `${inc.id}:${mood}`, n);
}
