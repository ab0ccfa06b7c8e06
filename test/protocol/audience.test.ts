import { describe, expect, it } from 'vitest';
import { msUntil, type SentTally, serverSkew } from '../../src/protocol/audience';

/** A 30-second vote as the server sends it at its own minute `serverNow`. */
const tallyAt = (serverNow: number): SentTally => ({
  question: 'Blame or blameless?',
  options: ['Blame', 'Blameless'],
  counts: [0, 0],
  open: true,
  closesAt: serverNow + 30_000,
  now: serverNow,
});

describe('a phone’s countdown', () => {
  const server = Date.UTC(2026, 11, 6, 14, 0, 0);
  const latency = 80;

  for (const [name, off] of [
    ['ten minutes fast', 10 * 60_000],
    ['an hour slow (a time zone typed as local time)', -60 * 60_000],
    ['right', 0],
  ] as const) {
    it(`runs on the server’s clock when the phone’s own is ${name}`, () => {
      const t = tallyAt(server);
      const phoneGotIt = server + latency + off;
      const skew = serverSkew(t, phoneGotIt);
      // When it arrives: the 30 s less the trip; 12 s later on the phone's own clock, 12 s less.
      expect(msUntil(t.closesAt as number, skew, phoneGotIt)).toBe(30_000);
      expect(msUntil(t.closesAt as number, skew, phoneGotIt + 12_000)).toBe(18_000);
      // It ends at the server's close, never before and never after, and never goes below zero.
      expect(msUntil(t.closesAt as number, skew, phoneGotIt + 30_000)).toBe(0);
      expect(msUntil(t.closesAt as number, skew, phoneGotIt + 45_000)).toBe(0);
    });
  }

  it('would be wrong by the phone’s own error if it read its own clock', () => {
    const t = tallyAt(server);
    const fast = server + 10 * 60_000;
    expect(msUntil(t.closesAt as number, 0, fast)).toBe(0);
    expect(msUntil(t.closesAt as number, serverSkew(t, fast), fast)).toBe(30_000);
  });
});
