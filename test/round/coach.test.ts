import { describe, expect, it } from 'vitest';
import { coachTip, NEGLECT_MINUTES, neglectBanner, neglectedFires } from '../../src/round/coach';
import { RoundSession } from '../../src/round/roundSession';
import { builtInScenario } from '../../src/round/roundTerms';
import { createWorld, type Snapshot } from '../../src/sim';

/** A round on Pantry Platform with a fire on Catalog, detected and paged, nobody at the panel. */
function burning(minutes: number): Snapshot {
  const scenario = builtInScenario('platform');
  if (!scenario) throw new Error('no platform');
  const world = createWorld(scenario, { seed: 42, weeks: 4 });
  const session = RoundSession.start({
    scenario,
    seed: 42,
    weeks: 4,
    ownership: world.ownership,
    rotation: world.rotation.byTeam,
  });
  session.dispatch({ type: 'injectIncident', service: 'catalog', kind: 'capacity' });
  session.advance(minutes, false);
  return structuredClone(session.snapshot()) as Snapshot;
}

const mutable = (s: Snapshot) => s as unknown as { incidents: Record<string, { sev: number; phase: string }> };

describe('the nudge before harm', () => {
  it('finds a live SEV1 that nobody has worked for half an hour, and names what to do', () => {
    const s = burning(150);
    const live = s.openIncidents.find((id) => !s.incidents[id]?.prior) ?? '';
    const inc = mutable(s).incidents[live];
    if (!inc) throw new Error('no fire');
    inc.sev = 1;
    const found = neglectedFires(s);
    expect(found.map((f) => f.incident.id)).toEqual([live]);
    expect(found[0]?.idleFor).toBeGreaterThanOrEqual(NEGLECT_MINUTES);
    const banner = neglectBanner(s, found[0]?.incident as never, found[0]?.idleFor ?? 0, true);
    expect(banner).toMatch(/^Catalog SEV1 has burned \d+ min with nobody working it\. Customers' trust is \d+%/);
    expect(banner).toContain('the round is lost below 25%');
    expect(banner).toMatch(
      /\. The clock is stopped: (Acknowledge the page \(A\)|Pick who looks and a step), or page the secondary\.$/,
    );
    // Once the table lets the clock run again, the banner no longer says it is stopped.
    const running = neglectBanner(s, found[0]?.incident as never, found[0]?.idleFor ?? 0, false);
    expect(running).toBe(banner.replace('The clock is stopped: ', ''));
  });

  it('leaves alone a fire someone is working, a lesser one, and one just noticed', () => {
    const s = burning(90);
    const live = s.openIncidents.find((id) => !s.incidents[id]?.prior) ?? '';
    const inc = mutable(s).incidents[live];
    if (!inc) throw new Error('no fire');
    inc.sev = 2;
    expect(neglectedFires(s)).toEqual([]);
    inc.sev = 1;
    (s.incidents[live] as unknown as { inquiries: unknown[] }).inquiries = [
      { step: 'logs', by: 'ada', startedAt: s.now, doneAt: s.now + 20 },
    ];
    expect(neglectedFires(s)).toEqual([]);
    expect(neglectedFires(s, 100_000)).toEqual([]);
  });
});

describe('the guided round’s tips', () => {
  it('are true to the clock: "Space pauses" only while it runs', () => {
    const s = burning(90);
    expect(coachTip({ snapshot: s, running: true, weekChoice: null, justPrevented: [] })).toContain(
      'Space pauses: talk it over',
    );
    expect(coachTip({ snapshot: s, running: false, weekChoice: null, justPrevented: [] })).toBeNull();
  });

  it('point out last week’s owed retros once the fire is out, and the week’s choice when it is open', () => {
    const scenario = builtInScenario('platform');
    if (!scenario) throw new Error('no platform');
    const world = createWorld(scenario, { seed: 42, weeks: 4 });
    const calm = RoundSession.start({
      scenario,
      seed: 42,
      weeks: 4,
      ownership: world.ownership,
      rotation: world.rotation.byTeam,
    }).snapshot();
    const owed = calm.incidentOrder.filter((id) => calm.incidents[id]?.prior).length;
    expect(owed).toBeGreaterThan(0);
    const tip = coachTip({ snapshot: calm, running: false, weekChoice: null, justPrevented: [] });
    expect(tip).toContain(`${owed} retro`);
    expect(tip).toContain('from last week');
    expect(tip).not.toContain('Space pauses');
    expect(coachTip({ snapshot: calm, running: false, weekChoice: 1, justPrevented: [] })).toContain(
      'the week’s choice',
    );
  });
});
