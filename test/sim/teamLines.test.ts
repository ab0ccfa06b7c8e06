import { describe, expect, it } from 'vitest';
import { type Incident, MINUTES_PER_DAY, MINUTES_PER_HOUR, playerView, type SimState } from '../../src/sim';
import { applyCommand } from '../../src/sim/commands';
import { carefulResponse } from '../../src/sim/policies/helpers';
import { burn } from '../../src/sim/rules/incident';
import { tickIncident } from '../../src/sim/rules/incidentTick';
import { stepRefusal } from '../../src/sim/rules/investigation';
import { pageSecondary, pullInTeam } from '../../src/sim/rules/response';
import { onCall } from '../../src/sim/rules/rotation';
import { tuning } from '../../src/sim/tuning';
import { fireOn, must, world } from './fixtures';

const NOON = MINUTES_PER_DAY + 12 * MINUTES_PER_HOUR;
const TWO_AM = 2 * MINUTES_PER_DAY + 2 * MINUTES_PER_HOUR;

/** A capacity fire on Pantry DB (the data team's), being worked by the data team's primary. */
function dbFire(seed: number, at = NOON): { s: SimState; inc: Incident; primary: string } {
  const s = world(seed);
  s.now = at;
  const inc = fireOn(s, 'pantry-db', 'capacity');
  inc.phase = 'investigating';
  const primary = must(onCall(s, 'data', s.now).primary).id;
  inc.responders = [primary];
  inc.pagedTo = primary;
  return { s, inc, primary };
}

/** Same knowledge and rest for everyone, so only the team lines differ. */
function levelEveryone(s: SimState): void {
  for (const e of Object.values(s.engineers)) {
    e.knowledge['pantry-db'] = 0.5;
    e.fatigue = 0;
  }
}

/**
 * Minutes from now until the incident's fire is out, ticking its own rules, worked by the responders as the
 * careful bot works them (investigation steps by whoever is free, then the fix the clues agree on) but with
 * nobody named to any role, so both incidents have the same people: the primary and one helper.
 */
function minutesToMitigate(s: SimState, inc: Incident): number {
  const start = s.now;
  while (inc.phase !== 'mitigated' && inc.phase !== 'resolved') {
    for (const cmd of carefulResponse(playerView(s))) if (cmd.type !== 'assignRole') applyCommand(s, cmd);
    tickIncident(s, inc);
    s.now += 1;
    if (s.now - start > 3000) throw new Error('the fire never went out');
  }
  return s.now - start;
}

describe("Conway's Law: crossing team lines costs time", () => {
  it('someone pulled in from another team cannot work the incident until they have joined', () => {
    const { s, inc, primary } = dbFire(1);
    const helper = must(pullInTeam(s, inc, 'web'));
    expect(must(s.engineers[helper]).team).toBe('web');
    expect(must(s.engineers[helper]).busyUntil).toBe(NOON + tuning.joinMinutes.day);
    expect(inc.responders).toEqual([primary, helper]);
    expect(inc.teamsPulled).toEqual(['web']);
    // Still joining: they cannot take an investigation step yet; the one already there can.
    expect(stepRefusal(s, inc, 'logs', helper)).toMatch(/busy until/);
    expect(stepRefusal(s, inc, 'logs', primary)).toBeNull();
    s.now = NOON + tuning.joinMinutes.day;
    expect(stepRefusal(s, inc, 'logs', helper)).toBeNull();
  });

  it('joining takes longer for someone woken at night', () => {
    const { s, inc } = dbFire(1, TWO_AM);
    const helper = must(pullInTeam(s, inc, 'web'));
    expect(tuning.joinMinutes.night).toBeGreaterThan(tuning.joinMinutes.day);
    expect(must(s.engineers[helper]).busyUntil).toBe(TWO_AM + tuning.joinMinutes.night);
  });

  it('with equal knowledge, a helper from another team is slower than one from the same team', () => {
    for (const seed of [1, 2, 3, 4]) {
      const same = dbFire(seed);
      levelEveryone(same.s);
      expect(pageSecondary(same.s, same.inc)).not.toBeNull();
      const cross = dbFire(seed);
      levelEveryone(cross.s);
      expect(pullInTeam(cross.s, cross.inc, 'web')).not.toBeNull();
      const sameMinutes = minutesToMitigate(same.s, same.inc);
      const crossMinutes = minutesToMitigate(cross.s, cross.inc);
      // Joining, sharing context on the first step and coordinating every step across the line all cost time.
      expect(same.inc.responders).toHaveLength(2);
      expect(cross.inc.responders).toHaveLength(2);
      expect(crossMinutes, `seed ${seed}`).toBeGreaterThanOrEqual(sameMinutes + 5);
    }
  });

  it("a fire spreading into another team's service pages that team's on-call, who joins after their join time", () => {
    for (const seed of [1, 2, 3]) {
      const { s, inc } = dbFire(seed);
      const webOnCall = must(onCall(s, 'web', s.now).primary);
      const webPages = must(s.teams.web).shiftPages;
      inc.sev = 2;
      inc.lastSevAt = s.now;
      inc.lastSpreadAt = s.now - tuning.spreadEveryMinutes;
      burn(s, inc);
      // Pantry DB's first dependent is Catalog, which the web team carries.
      expect(inc.affected).toEqual(['pantry-db', 'catalog']);
      expect(inc.teamsPulled).toEqual(['web']);
      expect(inc.responders).toContain(webOnCall.id);
      expect(webOnCall.busyUntil).toBe(s.now + tuning.joinMinutes.day);
      expect(webOnCall.pagesThisShift).toBe(1);
      expect(must(s.teams.web).shiftPages).toBe(webPages + 1);
      // A spread inside the same team pages nobody new.
      s.now += tuning.spreadEveryMinutes;
      burn(s, inc);
      expect(inc.affected).toContain('payments');
      expect(inc.teamsPulled).toEqual(['web']);
    }
  });
});
