import { describe, expect, it } from 'vitest';
import {
  CONDITION_KINDS,
  type ConditionKind,
  INVESTIGATION_STEPS,
  type Incident,
  type InvestigationStep,
  MINUTES_PER_DAY,
  MINUTES_PER_HOUR,
  type SimState,
} from '../../src/sim';
import { applyCommand, checkCommand } from '../../src/sim/commands';
import { SIGNATURES } from '../../src/sim/rules/clueSignatures';
import { candidateClasses, diagnosisHint, drawClue } from '../../src/sim/rules/clues';
import { mitigationWorks } from '../../src/sim/rules/incident';
import { tickIncident } from '../../src/sim/rules/incidentTick';
import { stepMinutes } from '../../src/sim/rules/investigation';
import { tuning } from '../../src/sim/tuning';
import { fireOn, must, world } from './fixtures';

const NOON = MINUTES_PER_DAY + 12 * MINUTES_PER_HOUR;

/** A Pantry DB fire (Data team's service) being investigated by Esi, at Tuesday noon. */
function dbFire(kind: ConditionKind = 'capacity', seed = 2): { s: SimState; inc: Incident } {
  const s = world(seed);
  s.now = NOON;
  const inc = fireOn(s, 'pantry-db');
  inc.kind = kind;
  inc.phase = 'investigating';
  inc.responders = ['esi'];
  return { s, inc };
}

/** The average number of classes a step's clue leaves open, over many looks. */
function meanCandidates(s: SimState, inc: Incident, step: InvestigationStep, by: string, looks = 400): number {
  let total = 0;
  for (let i = 0; i < looks; i++) total += drawClue(s, inc, step, by).consistentWith.length;
  return total / looks;
}

describe('clues', () => {
  it('each step splits every class of failure into groups exactly once', () => {
    for (const [step, groups] of Object.entries(SIGNATURES)) {
      const seen = groups.flatMap((g) => [...g.kinds]);
      expect([...seen].sort(), step).toEqual([...CONDITION_KINDS].sort());
    }
  });

  it('never exclude the true class, whatever the step, the class, the looker or the luck', () => {
    for (const kind of CONDITION_KINDS) {
      for (const seed of [1, 2, 3]) {
        const { s, inc } = dbFire(kind, seed);
        for (const recentDeploy of [false, true]) {
          inc.recentDeploy = recentDeploy;
          for (const step of INVESTIGATION_STEPS) {
            for (const by of ['esi', 'gus', 'dev']) {
              const clue = drawClue(s, inc, step, by);
              expect(clue.consistentWith, `${kind} ${step} ${by}`).toContain(kind);
              expect(clue.text.length).toBeGreaterThan(0);
            }
          }
        }
      }
    }
  });

  it('are sharper on a well-watched service: dashboards leave fewer classes open', () => {
    const { s, inc } = dbFire('capacity');
    must(s.services['pantry-db']).observability = 0.1;
    const blind = meanCandidates(s, inc, 'dashboards', 'esi');
    must(s.services['pantry-db']).observability = 0.95;
    const watched = meanCandidates(s, inc, 'dashboards', 'esi');
    expect(watched).toBeLessThan(blind - 1.5);
  });

  it('are sharper from someone who knows the service: logs read by the expert leave fewer classes open', () => {
    const { s, inc } = dbFire('data');
    must(s.engineers.esi).knowledge['pantry-db'] = 0.95;
    must(s.engineers.gus).knowledge['pantry-db'] = 0.05;
    const novice = meanCandidates(s, inc, 'logs', 'gus');
    const expert = meanCandidates(s, inc, 'logs', 'esi');
    expect(expert).toBeLessThan(novice - 1.5);
  });

  it('follow the runbook: a good one narrows, a stale one mostly shows nothing', () => {
    const { s, inc } = dbFire('retry-storm');
    must(s.services['pantry-db']).runbook = 0.05;
    const stale = meanCandidates(s, inc, 'runbook', 'esi');
    must(s.services['pantry-db']).runbook = 0.95;
    const good = meanCandidates(s, inc, 'runbook', 'esi');
    expect(good).toBeLessThan(stale - 1.5);
  });

  it('from the deploy record are always plain and true', () => {
    const { s, inc } = dbFire('config');
    inc.recentDeploy = true;
    for (let i = 0; i < 20; i++)
      expect(drawClue(s, inc, 'deploys', 'esi').consistentWith).toEqual(['config', 'deploy']);
    inc.recentDeploy = false;
    expect(drawClue(s, inc, 'deploys', 'esi').text).toContain('no deploy');
  });

  it('are drawn from the incident’s own seeded stream: the same world gives the same clue', () => {
    const a = dbFire('dependency', 5);
    const b = dbFire('dependency', 5);
    const looks = (x: { s: SimState; inc: Incident }) =>
      INVESTIGATION_STEPS.map((step) => drawClue(x.s, x.inc, step, 'gus').text);
    expect(looks(a)).toEqual(looks(b));
    expect(a.s.streams).toEqual(b.s.streams);
  });
});

describe('what the clues add up to', () => {
  const clue = (step: InvestigationStep, consistentWith: ConditionKind[]) => ({
    step,
    by: 'esi',
    at: NOON,
    text: 'seen',
    consistentWith,
  });

  it('recommends nothing with no clues, and a fix only when it works for every class left open', () => {
    const { inc } = dbFire('retry-storm');
    expect(diagnosisHint(inc)).toEqual({ candidates: [...CONDITION_KINDS], kind: null, recommended: null });
    inc.clues.push(clue('dashboards', ['capacity', 'retry-storm']));
    // Capacity is cured by scale-up or restart; a retry storm by flag-off or scale-up: they agree on scale-up.
    expect(diagnosisHint(inc)).toEqual({
      candidates: ['capacity', 'retry-storm'],
      kind: null,
      recommended: 'scale-up',
    });
    inc.clues.push(clue('logs', ['retry-storm', 'dependency']));
    const hint = diagnosisHint(inc);
    expect(hint.kind).toBe('retry-storm');
    expect(mitigationWorks('retry-storm', must(hint.recommended), inc.recentDeploy)).toBe(true);
  });

  it('holds a rollback back until the deploy record has been checked', () => {
    const { s, inc } = dbFire('deploy');
    inc.recentDeploy = true;
    inc.clues.push(clue('logs', ['deploy']));
    // A deploy bug is cured by a rollback only if the deploy was recent: nobody has looked yet.
    expect(diagnosisHint(inc).recommended).toBeNull();
    inc.clues.push(drawClue(s, inc, 'deploys', 'esi'));
    expect(diagnosisHint(inc).recommended).toBe('rollback');
  });

  it('a fix that failed rules out the classes it was sure to cure', () => {
    const { inc } = dbFire('dependency');
    inc.attempts.push({ action: 'restart', startedAt: NOON, doneAt: NOON + 6, by: 'esi', outcome: 'worse' });
    const left = candidateClasses(inc);
    expect(left).not.toContain('capacity');
    expect(left).not.toContain('certificate');
    expect(left).toContain('dependency');
  });
});

describe('investigation steps', () => {
  it('cost the named responder their minutes, and the clue comes when they are up', () => {
    const { s, inc } = dbFire('capacity');
    const verdict = applyCommand(s, { type: 'investigate', incident: inc.id, step: 'logs', engineer: 'esi' });
    expect(verdict).toEqual({ ok: true });
    const minutes = tuning.investigationMinutes.logs;
    expect(must(s.engineers.esi).busyUntil).toBe(NOON + minutes);
    const again = checkCommand(s, { type: 'investigate', incident: inc.id, step: 'dashboards', engineer: 'esi' });
    expect(again.ok ? '' : again.reason).toMatch(/Esi is busy until/);
    for (let m = 1; m < minutes; m++) {
      s.now = NOON + m;
      tickIncident(s, inc);
      expect(inc.clues).toHaveLength(0);
    }
    s.now = NOON + minutes;
    tickIncident(s, inc);
    expect(inc.clues).toHaveLength(1);
    expect(inc.clues[0]?.by).toBe('esi');
    expect(inc.clues[0]?.consistentWith).toContain('capacity');
    expect(inc.inquiries).toHaveLength(0);
    expect(checkCommand(s, { type: 'investigate', incident: inc.id, step: 'dashboards', engineer: 'esi' }).ok).toBe(
      true,
    );
  });

  it('are refused for someone not on the incident, and the expert must be called in first', () => {
    const { s, inc } = dbFire('capacity');
    inc.responders = ['gus'];
    const stranger = checkCommand(s, { type: 'investigate', incident: inc.id, step: 'logs', engineer: 'femi' });
    expect(stranger.ok ? '' : stranger.reason).toContain('not responding');
    const expert = checkCommand(s, { type: 'investigate', incident: inc.id, step: 'expert', engineer: 'gus' });
    expect(expert.ok ? '' : expert.reason).toContain('call the expert in first');
    expect(applyCommand(s, { type: 'escalateToExpert', incident: inc.id }).ok).toBe(true);
    const before = must(s.engineers.esi).fatigue;
    expect(applyCommand(s, { type: 'investigate', incident: inc.id, step: 'expert', engineer: 'esi' }).ok).toBe(true);
    expect(must(s.engineers.esi).fatigue).toBeGreaterThan(before);
  });

  it('take longer across team lines (Conway), less so with a commander', () => {
    const { s, inc } = dbFire('capacity');
    inc.responders = ['esi', 'gus'];
    inc.clues.push({ step: 'logs', by: 'hana', at: NOON, text: 'seen', consistentWith: [...CONDITION_KINDS] });
    const oneTeam = stepMinutes(s, inc, 'dashboards', 'esi');
    expect(oneTeam).toBe(tuning.investigationMinutes.dashboards);
    inc.responders = ['esi', 'hana'];
    const twoTeams = stepMinutes(s, inc, 'dashboards', 'esi');
    inc.roles = { commander: 'gus' };
    const led = stepMinutes(s, inc, 'dashboards', 'esi');
    expect(twoTeams).toBeGreaterThan(oneTeam);
    expect(led).toBeGreaterThan(oneTeam);
    expect(led).toBeLessThan(twoTeams);
  });

  it('cost someone from outside the owning team extra on their first step only (sharing the context)', () => {
    const { s, inc } = dbFire('capacity');
    inc.responders = ['hana'];
    const first = stepMinutes(s, inc, 'logs', 'hana');
    expect(first).toBe(tuning.investigationMinutes.logs + tuning.contextMinutes);
    expect(applyCommand(s, { type: 'investigate', incident: inc.id, step: 'logs', engineer: 'hana' }).ok).toBe(true);
    expect(stepMinutes(s, inc, 'logs', 'hana')).toBe(tuning.investigationMinutes.logs);
    // The owner's own people never pay it.
    inc.responders = ['hana', 'gus'];
    inc.roles = { commander: 'hana' };
    expect(stepMinutes(s, inc, 'logs', 'gus')).toBe(Math.round(tuning.investigationMinutes.logs * 1.2));
  });
});
