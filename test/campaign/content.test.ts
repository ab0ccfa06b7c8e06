import { describe, expect, it } from 'vitest';
import { LEVEL_ORDER, SESSION_CHECK } from '../../src/content/campaign';
import { level, levelOfScenario, levels } from '../../src/round/campaign/levels';
import {
  emptyProgress,
  isNewcomer,
  levelsMet,
  nextLevel,
  parseProgress,
  recordLevel,
} from '../../src/round/campaign/progress';
import { playRound } from '../../src/sim';
import * as bots from './levelBots';

describe('the campaign', () => {
  it('has eight one-week levels whose scenarios pass the game’s own validation', () => {
    expect(levels().map((l) => l.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (const l of levels()) {
      expect(l.scenario.weeks).toBe(1);
      expect(l.scenario.fires.length + l.scenario.peaks.length).toBeGreaterThan(0);
      expect(levelOfScenario(l.scenario.id)?.id).toBe(l.id);
    }
  });

  it('gives each level a story with its public write-up, an objective, a goal and three questions', () => {
    for (const l of levels()) {
      expect(l.story.facts.length).toBeGreaterThanOrEqual(3);
      for (const s of l.story.sources) expect(s.url).toMatch(/^https?:\/\/[a-z0-9.-]+\//);
      expect(l.story.objective.length).toBeGreaterThan(40);
      expect(l.asks.length).toBeGreaterThan(0);
      expect(l.check).toHaveLength(3);
      for (const q of l.check) expect(q.answer).toBeLessThan(q.options.length);
    }
  });

  it('has a session check of one item per level’s objective', () => {
    expect(SESSION_CHECK).toHaveLength(8);
    expect(new Set(SESSION_CHECK.map((i) => i.level))).toEqual(new Set(LEVEL_ORDER));
    for (const q of SESSION_CHECK) expect(q.answer).toBeLessThan(q.options.length);
  });
});

describe('campaign progress', () => {
  it('starts empty for a newcomer and suggests the first level', () => {
    const p = emptyProgress();
    expect(isNewcomer(p)).toBe(true);
    expect(nextLevel(p)).toBe('untested-backups');
  });

  it('remembers plays, goals and the best check, and moves on once a goal is met', () => {
    let p = recordLevel(emptyProgress(), 'untested-backups', { goalMet: false, checkRight: 2 });
    expect(nextLevel(p)).toBe('untested-backups');
    p = recordLevel(p, 'untested-backups', { goalMet: true, checkRight: 1 });
    expect(p.levels['untested-backups']).toEqual({ plays: 2, goalMet: true, bestCheck: 2 });
    expect(nextLevel(p)).toBe('blast-radius');
    expect(levelsMet(p)).toBe(1);
    expect(parseProgress(JSON.stringify(p))).toEqual(p);
  });

  it('reads damaged or hostile progress as far as it makes sense, never throwing', () => {
    for (const text of [
      '',
      '{',
      'null',
      '[]',
      '{"levels":{"__proto__":{"plays":1}}}',
      '{"levels":{"nope":{"plays":3}}}',
    ])
      expect(parseProgress(text)).toEqual(emptyProgress());
    expect(parseProgress('{"levels":{"dead-code":{"plays":2,"goalMet":"yes","bestCheck":9}}}').levels).toEqual({
      'dead-code': { plays: 2, goalMet: false, bestCheck: 3 },
    });
  });
});

describe('a level’s goal, judged from the world and the log', () => {
  it('is met by its learner and missed by the never-learning organization on one seed', () => {
    const learners = {
      'untested-backups': bots.rehearsesRecovery,
      'blast-radius': bots.guardsTheTool,
      'global-deploy': bots.undoesThenStages,
      'dead-code': bots.removesDeadCode,
      'own-tools': bots.spreadsTheBackbone,
      'cold-cache': bots.plansForThePeak,
      'you-build-it': bots.putsDevelopersOnCall,
      'status-page': bots.keepsCustomersTold,
    } as const;
    for (const id of LEVEL_ORDER) {
      const l = level(id);
      const judge = (policy: typeof bots.baseline) => {
        const played = playRound(l.scenario, { seed: 2, weeks: 1, policy });
        return l.judge({ world: played.state, entries: played.entries });
      };
      const learnt = judge(learners[id]);
      const never = judge(bots.baseline);
      expect(learnt.met, `${id}: ${JSON.stringify(learnt.parts)}`).toBe(true);
      expect(never.met, `${id}: ${JSON.stringify(never.parts)}`).toBe(false);
      expect(never.parts.map((p) => p.asks)).toEqual(l.asks);
    }
  });
});
