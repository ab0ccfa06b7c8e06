import { describe, expect, it } from 'vitest';
import { playerView, policies } from '../../src/sim';
import type { Snapshot } from '../../src/sim/simulation';
import { advanceUntil, must, sim } from './fixtures';

/**
 * A snapshot is read-only all the way down: the compiler refuses a write at any depth (each
 * `@ts-expect-error` below fails the type check if the type ever becomes shallow again), and the
 * frozen world refuses it at run time, so a view or a bot cannot write its own score.
 */
describe('the world handed to views and bots', () => {
  const s = sim(3);
  advanceUntil(s, (snap) => snap.incidentOrder.length > 0, 7 * 1440);
  const snap: Snapshot = s.snapshot();
  const person = must(snap.engineers[must(snap.engineerOrder[0])]);
  const incident = must(snap.incidents[must(snap.incidentOrder[0])]);

  it('refuses a write to a person, deep inside the world', () => {
    expect(() => {
      // @ts-expect-error read-only at depth 2
      person.fatigue = 0;
    }).toThrow(TypeError);
    expect(() => {
      // @ts-expect-error read-only at depth 3
      person.knowledge.checkout = 1;
    }).toThrow(TypeError);
  });

  it('refuses a push onto a list inside an incident and onto the score totals', () => {
    expect(() => {
      // @ts-expect-error arrays inside are read-only too
      incident.responders.push('someone');
    }).toThrow(TypeError);
    expect(() => {
      // @ts-expect-error totals are part of the world
      snap.totals.customerMinutes = 0;
    }).toThrow(TypeError);
  });

  it('leaves the world as it was after the refused writes, and a bot reading it changes nothing', () => {
    const before = JSON.stringify(s.snapshot());
    must(policies['learning-first'])(playerView(s.snapshot()));
    expect(JSON.stringify(s.snapshot())).toBe(before);
  });
});
