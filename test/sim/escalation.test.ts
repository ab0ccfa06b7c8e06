import { describe, expect, it } from 'vitest';
import {
  allEventsOf,
  createSimulationFromState,
  incidentCan,
  type SimEvent,
  type SimState,
  type Simulation,
} from '../../src/sim';
import { burnOut } from '../../src/sim/rules/people';
import { pagerTeamFor } from '../../src/sim/rules/rotation';
import { advanceUntil, fireOn, lastIncident, must, ok, respondWell, ringNow, world } from './fixtures';

/** A world at 9:00 on Tuesday where the named people have left. */
function withoutPeople(gone: (state: SimState) => string[]): Simulation {
  const w = world(3);
  for (const id of gone(w)) Object.assign(must(w.engineers[id]), { status: 'left', leftAt: 0 });
  // So many gone would lose the round at once: these tests follow the page, not the round.
  const s = createSimulationFromState(w, false);
  s.advance(24 * 60 + 9 * 60);
  return s;
}

const teamOf = (w: SimState, team: string) => w.engineerOrder.filter((id) => w.engineers[id]?.team === team);
const eventsFor = (s: Simulation, incident: string) =>
  allEventsOf(s.snapshot()).filter(
    (e): e is SimEvent & { incident: string } => 'incident' in e && e.incident === incident,
  );

describe('escalation never dead-ends', () => {
  it('with the whole pager team gone, the page goes to someone who can act, and the log names them', () => {
    const s = withoutPeople((w) => teamOf(w, pagerTeamFor(w, 'pantry-db')));
    ok(s, { type: 'injectIncident', service: 'pantry-db', kind: 'capacity', staged: true });
    const incident = lastIncident(s.snapshot()).id;
    const team = lastIncident(s.snapshot()).pagerTeam;
    advanceUntil(s, (snap) => snap.incidents[incident]?.phase !== 'undetected', 120);
    const inc = must(s.snapshot().incidents[incident]);
    expect(inc.phase).toBe('paged');
    const who = must(inc.pagedTo);
    const person = must(s.snapshot().engineers[who]);
    expect(person.status).toBe('active');
    expect(person.team).not.toBe(team);
    expect(eventsFor(s, incident)).toContainEqual(
      expect.objectContaining({ type: 'page-rerouted', incident, team, engineer: who }),
    );
    // The commands work again: it can be answered, fixed and closed.
    expect(incidentCan(s.snapshot(), incident, { type: 'ACK', byPlayer: true })).toEqual({ ok: true });
    respondWell(s, incident, () => 'scale-up');
    expect(must(s.snapshot().incidents[incident]).phase).toBe('resolved');
  });

  it('with nobody left at all it waits for someone, and says why', () => {
    const s = withoutPeople((w) => w.engineerOrder);
    ok(s, { type: 'injectIncident', service: 'pantry-db', kind: 'capacity', staged: true });
    const incident = lastIncident(s.snapshot()).id;
    advanceUntil(s, (snap) => snap.incidents[incident]?.phase !== 'undetected', 120);
    s.advance(5);
    expect(must(s.snapshot().incidents[incident]).phase).toBe('detected');
    expect(incidentCan(s.snapshot(), incident, { type: 'PAGE' })).toEqual({
      ok: false,
      reason: 'there is nobody left to page',
    });
    expect(s.dispatch({ type: 'acknowledge', incident })).toEqual({
      ok: false,
      reason: 'there is no page waiting to be acknowledged',
    });
  });

  it('a page nobody answers moves down the chain: primary, secondary, then the rest of the team', () => {
    // Seed 5, 1:00 in the night: Esi sleeps through it, and so does Femi, the secondary.
    const s = createSimulationFromState(world(5));
    s.advance(24 * 60 + 60);
    ok(s, { type: 'injectIncident', service: 'pantry-db', kind: 'capacity', staged: true });
    const incident = lastIncident(s.snapshot()).id;
    advanceUntil(s, (snap) => snap.incidents[incident]?.phase === 'investigating', 300);
    const chain = eventsFor(s, incident)
      .filter((e) => e.type === 'paged' || e.type === 'escalated' || e.type === 'acknowledged')
      .map((e) => `${e.type} ${(e as { engineer: string }).engineer}`);
    // Before, the second timeout paged the secondary again; now it goes on to Gus.
    expect(chain).toEqual(['paged esi', 'escalated femi', 'escalated gus', 'acknowledged gus']);
  });

  it('when the people paged leave one after another, the page goes on to another team, and the log says so', () => {
    const w = world(1);
    w.now = 24 * 60 + 10 * 60;
    const inc = fireOn(w, 'pantry-db', 'capacity');
    ringNow(w, inc);
    const seen: string[] = [];
    for (let i = 0; i < 4; i++) {
      const who = must(inc.pagedTo);
      seen.push(who);
      burnOut(w, must(w.engineers[who]));
    }
    expect(inc.phase).toBe('paged');
    const data = teamOf(w, 'data');
    expect(seen.slice(0, 3).sort()).toEqual([...data].sort());
    const outsider = must(w.engineers[seen[3] ?? '']);
    expect(outsider.team).not.toBe('data');
    expect(must(w.engineers[must(inc.pagedTo)]).status).toBe('active');
    expect(allEventsOf(w)).toContainEqual(
      expect.objectContaining({ type: 'page-rerouted', incident: inc.id, team: 'data', engineer: seen[3] }),
    );
  });
});
