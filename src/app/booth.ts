import { INCIDENT_SLOWDOWN, MINUTES_PER_SECOND } from '../round/roundClock';

/**
 * The booth preset (`?booth` in the address): a round a passer-by finishes in about five real minutes, in large
 * print for a screen seen from a step back, the demo starting by itself on an idle menu. A visitor who walks away
 * mid-round is sent back to the menu.
 */
export const BOOTH = { weeks: 1, speed: 2 as const, largePrint: true };

/** At a booth, after this long without a key, click or touch, a round (not the demo) is saved and the menu comes back. */
export const IDLE_RETURN_MS = 3 * 60_000;

/** At a booth, after this long on the menu with nobody at the screen, the demo starts. */
export const IDLE_DEMO_MS = 60_000;

/** How long the demo's lesson stays on the screen before the demo starts again. */
export const DEMO_LESSON_MS = 25_000;

export function isBooth(search: string): boolean {
  return new URLSearchParams(search).has('booth');
}

/**
 * Real seconds a round takes when nobody pauses it, as the frame loop runs it: simulated time passes at
 * MINUTES_PER_SECOND × speed, slowed to INCIDENT_SLOWDOWN while any incident is known and not yet resolved.
 */
export function realSeconds(
  roundMinutes: number,
  incidents: { detectedAt: number | null; resolvedAt: number | null }[],
  speed: number,
): number {
  const spans = incidents
    .filter((i) => i.detectedAt !== null)
    .map((i) => [i.detectedAt as number, Math.min(roundMinutes, i.resolvedAt ?? roundMinutes)] as const)
    .sort((a, b) => a[0] - b[0]);
  let live = 0;
  let reach = 0;
  for (const [from, to] of spans) {
    const start = Math.max(from, reach);
    if (to > start) live += to - start;
    reach = Math.max(reach, to);
  }
  const rate = MINUTES_PER_SECOND * speed;
  return (roundMinutes - live) / rate + live / (rate * INCIDENT_SLOWDOWN);
}
