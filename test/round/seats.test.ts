import { describe, expect, it } from 'vitest';
import { parseSettings } from '../../src/app/settings';
import { GameStore } from '../../src/app/store';
import { parseSave } from '../../src/round/save/save';
import { COMMAND_ROLE, decisionsOn, rotateSeats, seatFor, tidySeats } from '../../src/round/seats';
import { COMMAND_TYPES, createWorld } from '../../src/sim';
import { entriesProblem } from '../../src/sim/inputLog';
import { scenario } from '../sim/fixtures';

const platform = scenario('platform');
const table = [
  { player: 'Priya', role: 'commander' as const },
  { player: 'Sam', role: 'ops' as const },
  { player: 'Lee', role: 'comms' as const },
];

/** A table with three named players, its guided fire burning. */
function seatedStore(): GameStore {
  const store = new GameStore();
  store.setSettings({ seats: table });
  const world = createWorld(platform, { seed: 43, weeks: 1 });
  store.newGame();
  store.startRound({
    scenario: platform,
    seed: 43,
    weeks: 1,
    ownership: 'hybrid',
    rotation: world.rotation.byTeam,
    guided: true,
  });
  return store;
}

describe('players and their roles at one screen', () => {
  it('keeps only well-formed players from a stored or typed list: names trimmed and cut, blanks and unknown roles dropped, six at most', () => {
    expect(tidySeats('Priya')).toEqual([]);
    expect(tidySeats(null)).toEqual([]);
    const messy = [
      { player: '  Priya  ', role: 'commander' },
      { player: '', role: 'ops' },
      { player: 'x'.repeat(500), role: 'ops' },
      { player: 'Mallory', role: 'constructor' },
      { player: { toString: 'Bob' }, role: 'comms' },
      null,
      ...Array.from({ length: 20 }, (_, i) => ({ player: `P${i}`, role: 'comms' })),
    ];
    const seats = tidySeats(messy);
    expect(seats[0]).toEqual({ player: 'Priya', role: 'commander' });
    expect(seats[1]?.player).toHaveLength(40);
    expect(seats).toHaveLength(6);
    expect(seats.some((s) => s.player === 'Mallory')).toBe(false);
    expect(parseSettings(JSON.stringify({ seats: messy })).seats).toEqual(seats);
    expect(parseSettings('{"seats": {"__proto__": 1}}').seats).toEqual([]);
  });

  it('gives every command a place: a role’s decision, or the whole table’s', () => {
    for (const type of COMMAND_TYPES) expect(COMMAND_ROLE).toHaveProperty(type);
    expect(seatFor(table, { type: 'mitigate', incident: 'i', action: 'restart' })?.player).toBe('Sam');
    expect(seatFor(table, { type: 'postStatus', incident: 'i' })?.player).toBe('Lee');
    expect(seatFor(table, { type: 'pageSecondary', incident: 'i' })?.player).toBe('Priya');
    expect(seatFor(table, { type: 'runDrill', team: 't', service: 's' })).toBeUndefined();
    expect(seatFor([], { type: 'mitigate', incident: 'i', action: 'restart' })).toBeUndefined();
  });

  it('swaps by moving everyone one role on, and back to the start after three swaps', () => {
    const once = rotateSeats(table);
    expect(once.map((s) => s.role)).toEqual(['ops', 'comms', 'commander']);
    expect(rotateSeats(rotateSeats(once))).toEqual(table);
  });

  it('credits each decision in the log to the player holding its role, and the save keeps the credit', () => {
    const store = seatedStore();
    store.advanceMinutes(12 * 60);
    const snap = store.snapshot();
    const inc = snap?.incidentOrder
      .map((id) => snap.incidents[id])
      .find((i) => i && !i.prior && i.phase !== 'undetected');
    expect(inc).toBeDefined();
    const id = inc?.id ?? '';
    expect(store.dispatch({ type: 'postStatus', incident: id }).ok).toBe(true);
    store.setSettings({ seats: rotateSeats(table) });
    const someone = snap?.engineerOrder.find((e) => snap.engineers[e]?.status === 'active') ?? '';
    expect(store.dispatch({ type: 'assignRole', incident: id, role: 'commander', engineer: someone }).ok).toBe(true);
    const session = store.round();
    const entries = session?.entries ?? [];
    const credited = entries.filter((e) => 'command' in e && e.seat);
    expect(credited).toHaveLength(2);
    expect(credited[0]).toMatchObject({ command: { type: 'postStatus' }, seat: { player: 'Lee', role: 'comms' } });
    // After the swap Lee holds the commander's seat, so the commander's decision is Lee's.
    expect(credited[1]).toMatchObject({ command: { type: 'assignRole' }, seat: { player: 'Lee', role: 'commander' } });
    const said = decisionsOn(store.snapshot()!, entries, id);
    expect(said.map((d) => d.credit)).toEqual(['Lee (Comms)', 'Lee (Incident commander)']);
    const saved = parseSave(JSON.stringify(session?.save([], '2026-11-24T00:00:00Z')));
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    expect(saved.save.log?.entries.filter((e) => 'command' in e && e.seat)).toEqual(credited);
  });

  it('refuses a log entry whose seat is malformed, naming the field', () => {
    const entry = (seat: unknown) => [
      { at: 1, by: 'player', command: { type: 'postStatus', incident: 'inc-1' }, seat },
    ];
    expect(entriesProblem(entry({ player: 'Sam', role: 'ops' }), 10)).toBeNull();
    expect(entriesProblem(entry({ player: 'Sam', role: 'boss' }), 10)).toBe(
      '[0].seat.role must be one of commander, ops, comms, got "boss"',
    );
    expect(entriesProblem(entry({ player: '', role: 'ops' }), 10)).toMatch(/^\[0\]\.seat\.player must be a name/);
    expect(entriesProblem(entry('Sam'), 10)).toBe('[0].seat is not an object');
  });
});
