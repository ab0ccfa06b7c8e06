import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createStream, draw, drawInt, type StreamState, streamSeed } from '../../src/sim/rng';

const draws = (streams: Record<string, StreamState>, name: string, seed: number, n: number) =>
  Array.from({ length: n }, () => draw(streams, name, seed));

describe('luck: named random streams', () => {
  it('the same seed and name give the same draws', () => {
    expect(draws({}, 'chaos:gateway:capacity:1', 42, 50)).toEqual(draws({}, 'chaos:gateway:capacity:1', 42, 50));
  });

  it('a stream that was never created starts where createStream would start it', () => {
    const lazy = draws({}, 'ack:ada', 7, 10);
    const made = draws({ 'ack:ada': createStream(7, 'ack:ada') }, 'ack:ada', 7, 10);
    expect(lazy).toEqual(made);
  });

  it('different names give different streams', () => {
    expect(draws({}, 'chaos:a', 1, 20)).not.toEqual(draws({}, 'chaos:b', 1, 20));
    expect(streamSeed(1, 'chaos:a')).not.toBe(streamSeed(1, 'chaos:b'));
  });

  it('different seeds give different streams for the same name', () => {
    expect(draws({}, 'fire:x', 1, 20)).not.toEqual(draws({}, 'fire:x', 2, 20));
  });

  it('drawing from one stream never disturbs another (common random numbers)', () => {
    const alone: Record<string, StreamState> = {};
    const expected = draws(alone, 'chaos:b', 9, 30);
    const mixed: Record<string, StreamState> = {};
    const got: number[] = [];
    for (let i = 0; i < 30; i++) {
      draws(mixed, 'chaos:a', 9, i % 4);
      got.push(draw(mixed, 'chaos:b', 9));
    }
    expect(got).toEqual(expected);
  });

  it('stream state is plain text, so it survives a save', () => {
    const streams: Record<string, StreamState> = {};
    draws(streams, 'x', 3, 5);
    const saved = JSON.parse(JSON.stringify(streams)) as Record<string, StreamState>;
    expect(typeof saved.x).toBe('string');
    expect(draws(saved, 'x', 3, 10)).toEqual(draws(streams, 'x', 3, 10));
  });

  it('draws lie in [0, 1) and look uniform', () => {
    const xs = draws({}, 'uniform', 11, 4000);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.46);
    expect(mean).toBeLessThan(0.54);
    const lowQuarter = xs.filter((x) => x < 0.25).length / xs.length;
    expect(lowQuarter).toBeGreaterThan(0.21);
    expect(lowQuarter).toBeLessThan(0.29);
  });

  it('drawInt stays within its inclusive bounds and reaches both ends', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: -5, max: 5 }), fc.integer({ min: 0, max: 6 }), (seed, lo, span) => {
        const streams: Record<string, StreamState> = {};
        const seen = new Set<number>();
        for (let i = 0; i < 200; i++) {
          const v = drawInt(streams, 'int', seed, lo, lo + span);
          expect(Number.isInteger(v)).toBe(true);
          expect(v).toBeGreaterThanOrEqual(lo);
          expect(v).toBeLessThanOrEqual(lo + span);
          seen.add(v);
        }
        expect(seen.has(lo)).toBe(true);
        expect(seen.has(lo + span)).toBe(true);
      }),
      { numRuns: 25 },
    );
  });
});
