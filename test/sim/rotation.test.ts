import { describe, expect, it } from 'vitest';
import { MINUTES_PER_WEEK, onCall, onCallShares, pagerTeams, rotationWarnings, type SimState } from '../../src/sim';
import { defaultRotation, heroRotation, pagerTeamFor } from '../../src/sim/rules/rotation';
import { must, ok, sim, world } from './fixtures';

describe('the rotation', () => {
  it('by default, each team takes turns week by week, primary and secondary being different people', () => {
    const s = world();
    const rot = defaultRotation(s);
    expect(Object.keys(rot.byTeam).sort()).toEqual(['data', 'sre', 'web']);
    for (const [team, weeks] of Object.entries(rot.byTeam)) {
      expect(weeks).toHaveLength(s.weeks);
      for (const w of weeks) {
        expect(w.primary).not.toBe(w.secondary);
        expect(must(s.engineers[w.primary]).team).toBe(team);
      }
      const members = Object.values(s.engineers).filter((e) => e.team === team).length;
      expect(new Set(weeks.map((w) => w.primary)).size).toBe(Math.min(weeks.length, members));
    }
  });

  it('who is on call follows the week, and people who left are skipped', () => {
    const s = world();
    const w0 = onCall(s, 'data', 0);
    const w1 = onCall(s, 'data', MINUTES_PER_WEEK);
    expect(w0.primary?.id).toBe(must(s.rotation.byTeam.data)[0]?.primary);
    expect(w1.primary?.id).toBe(must(s.rotation.byTeam.data)[1]?.primary);
    must(s.engineers[must(w0.primary).id]).status = 'left';
    const after = onCall(s, 'data', 0);
    expect(after.primary?.status).toBe('active');
    expect(after.secondary?.status).toBe('active');
    expect(after.primary?.id).not.toBe(after.secondary?.id);
  });

  it('the ownership model decides who carries the pager', () => {
    const s = world();
    expect(pagerTeamFor(s, 'checkout', 'you-build-it')).toBe('web');
    expect(pagerTeamFor(s, 'checkout', 'ops-team')).toBe('sre');
    expect(pagerTeamFor(s, 'checkout', 'hybrid')).toBe('sre');
    expect(pagerTeamFor(s, 'notify', 'hybrid')).toBe('data');
    expect(pagerTeams(s, 'ops-team')).toEqual(['sre']);
    expect(pagerTeams(s, 'you-build-it')).toEqual(['web', 'data', 'sre']);
  });

  it('a hero rotation warns that one person is on call far too much', () => {
    const s = sim();
    const hero = 'hana';
    ok(s, { type: 'setRotation', team: 'sre', weeks: heroRotation(s.snapshot() as SimState, hero) });
    const snap = s.snapshot();
    expect(must(onCallShares(snap as SimState, 'sre')[hero])).toBe(1);
    expect(onCallShares(snap as SimState, 'sre').juno).toBe(0);
    const warnings = rotationWarnings(snap as SimState).filter((w) => w.team === 'sre' && w.kind === 'on-call-share');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.message).toMatch(/Hana/);
    expect(warnings[0]?.message).toMatch(/100%/);
    expect(warnings[0]?.message).not.toMatch(/Juno|Ivo/);
  });

  it('the on-call share warning starts above one quarter of the time', () => {
    const s = sim();
    // Eight weeks for Storefront's four people: each is primary twice and secondary twice.
    const people = ['ada', 'bao', 'carmen', 'dev'];
    const weeks = Array.from({ length: 8 }, (_, i) => ({
      primary: people[i % 4] as string,
      secondary: people[(i + 2) % 4] as string,
    }));
    ok(s, { type: 'setRotation', team: 'web', weeks });
    const shares = onCallShares(s.snapshot() as SimState, 'web');
    for (const p of people) expect(shares[p]).toBeCloseTo(0.375, 12);
    // Primary one week and secondary another is still above one quarter, so the warning stands.
    expect(rotationWarnings(s.snapshot() as SimState).some((w) => w.team === 'web' && w.kind === 'on-call-share')).toBe(
      true,
    );
    // One person a week, each a quarter of the time: within the guideline.
    const s2 = sim();
    ok(s2, {
      type: 'setRotation',
      team: 'web',
      weeks: weeks.map((w) => ({ primary: w.primary, secondary: w.primary })),
    });
    const wide = onCallShares(s2.snapshot() as SimState, 'web');
    for (const p of people) expect(wide[p]).toBeCloseTo(0.25, 12);
    expect(
      rotationWarnings(s2.snapshot() as SimState).some((w) => w.team === 'web' && w.kind === 'on-call-share'),
    ).toBe(false);
  });

  it('small sites and heavy pager loads are warned about', () => {
    const s = world();
    const warnings = rotationWarnings(s);
    expect(warnings.filter((w) => w.kind === 'small-site').map((w) => w.team)).toEqual(['web', 'data', 'sre']);
    expect(warnings.some((w) => w.kind === 'pager-budget')).toBe(false);
    // A platform riddled with weaknesses, all paged to one ops team, blows the pager budget.
    for (let i = 0; i < 80; i++) {
      s.conditions[`gateway:capacity:extra${i}`] = {
        ...must(s.conditions['gateway:capacity:1']),
        id: `gateway:capacity:extra${i}`,
      };
    }
    const ops = rotationWarnings(s, 'ops-team');
    expect(ops.some((w) => w.kind === 'pager-budget' && w.team === 'sre')).toBe(true);
    expect(ops.some((w) => w.team !== 'sre')).toBe(false);
    for (const w of [...warnings, ...ops]) expect(w.message.length).toBeGreaterThan(20);
  });
});
