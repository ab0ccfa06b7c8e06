import { describe, expect, it } from 'vitest';
import { playerView, type SimState } from '../../src/sim';
import { allEvents } from '../../src/sim/model/world';
import { retroCommands } from '../../src/sim/policies/helpers';
import { runDrill } from '../../src/sim/rules/knowledge';
import { must, scheduledRetro, world } from './fixtures';

const live = (s: SimState, service: string) =>
  Object.values(s.conditions).filter((c) => c.service === service && c.strength > 0 && c.origin !== 'injected');

describe('a drill', () => {
  it('brings the strongest unknown weakness of its service to light, one per drill, and says which', () => {
    const s = world(4);
    const hidden = live(s, 'checkout').filter((c) => !c.revealed);
    expect(hidden.length).toBeGreaterThan(0);
    const strongest = [...hidden].sort((a, b) => b.strength - a.strength)[0];
    const before = s.totals.effects?.riskRevealed ?? 0;
    runDrill(s, 'web', 'checkout');
    const found = live(s, 'checkout').filter((c) => c.revealed && !hidden.every((h) => h.id !== c.id));
    expect(found.map((c) => c.id)).toEqual([must(strongest).id]);
    expect(s.totals.effects?.riskRevealed ?? 0).toBeGreaterThan(before);
    const told = allEvents(s)
      .filter((e) => e.type === 'drill')
      .at(-1);
    expect(told).toMatchObject({ type: 'drill', service: 'checkout', found: must(strongest).kind });
  });

  it('finds nothing where nothing is hidden, and never a staged failure', () => {
    const s = world(4);
    for (const c of live(s, 'checkout')) c.revealed = true;
    s.conditions['inj:0:checkout:capacity'] = {
      id: 'inj:0:checkout:capacity',
      service: 'checkout',
      kind: 'capacity',
      strength: 1,
      revealed: false,
      createdAt: 0,
      origin: 'injected',
      fired: 0,
    };
    runDrill(s, 'web', 'checkout');
    expect(s.conditions['inj:0:checkout:capacity']?.revealed).toBe(false);
    const told = allEvents(s)
      .filter((e) => e.type === 'drill')
      .at(-1);
    expect(told && 'found' in told).toBe(false);
  });
});

describe('a shared write-up of a staged fire', () => {
  it('sends no team looking for its class of weakness: there was no real one behind it', () => {
    const { s, retro } = scheduledRetro();
    const hiddenCapacity = () =>
      Object.values(s.snapshot().conditions).filter(
        (c) => c.kind === 'capacity' && c.origin !== 'injected' && !c.revealed && c.strength > 0,
      );
    const before = hiddenCapacity().map((c) => c.id);
    expect(before.length).toBeGreaterThan(0);
    const plan = {
      depthFor: () => 'deep' as const,
      framing: 'blameless' as const,
      share: true,
      items: 3,
      uninvolvedFacilitator: true,
    };
    for (let i = 0; i < 20 && s.snapshot().retros[retro]?.phase !== 'published'; i++)
      for (const cmd of retroCommands(playerView(s.snapshot()), plan)) s.dispatch(cmd);
    expect(s.snapshot().retros[retro]).toMatchObject({ phase: 'published', shared: true });
    expect(hiddenCapacity().map((c) => c.id)).toEqual(before);
  });
});
