import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readShareCode, shareCode } from '../../src/app/shareCode';
import { builtInScenarioList, OWNERSHIP_MODELS, ROUND_WEEKS, SEED_LIMIT } from '../../src/round/roundTerms';

const builtIns = builtInScenarioList();

describe('the short code of a built-in setup', () => {
  it('decodes to the same scenario, seed, weeks and ownership, in 6 to 8 characters', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: builtIns.length - 1 }),
        fc.integer({ min: -SEED_LIMIT, max: SEED_LIMIT }),
        fc.constantFrom(...ROUND_WEEKS),
        fc.constantFrom(...OWNERSHIP_MODELS),
        (scenarioIndex, seed, weeks, ownership) => {
          const code = shareCode({ scenarioIndex, seed, weeks, ownership });
          expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{6,8}$/);
          const back = readShareCode(code ?? '', builtIns);
          if (!back.ok) throw new Error(back.problem);
          expect(back.setup).toEqual({ scenarioIndex, seed, weeks, ownership });
          expect(back.scenario.id).toBe(builtIns[scenarioIndex]?.id);
        },
      ),
    );
  });

  it('small seeds give six characters, and typing is forgiving (case, dashes, O for zero, L for one)', () => {
    const code = shareCode({ scenarioIndex: 0, seed: 42, weeks: 4, ownership: 'you-build-it' }) ?? '';
    expect(code).toHaveLength(6);
    const typed = `${code.slice(0, 3)}-${code.slice(3)}`.toLowerCase().replace(/0/g, 'o').replace(/1/g, 'l');
    const back = readShareCode(` ${typed} `, builtIns);
    expect(back.ok && back.setup.seed).toBe(42);
  });

  it('has no code for a seed out of range or a round length the menu does not offer', () => {
    expect(shareCode({ scenarioIndex: 0, seed: SEED_LIMIT + 1, weeks: 4, ownership: 'hybrid' })).toBeNull();
    expect(shareCode({ scenarioIndex: 0, seed: 1, weeks: 3, ownership: 'hybrid' })).toBeNull();
  });

  it('refuses a bad code with a reason naming what is wrong', () => {
    const tooShort = readShareCode('AB12', builtIns);
    expect(!tooShort.ok && tooShort.problem).toContain('6 to 8 characters');
    const badChar = readShareCode('AB12U4', builtIns);
    expect(!badChar.ok && badChar.problem).toContain('"U"');
    const tooLow = readShareCode('000000', builtIns);
    expect(!tooLow.ok && tooLow.problem).toContain('not a code this game makes');
    const sixteenth = shareCode({ scenarioIndex: 15, seed: 1, weeks: 1, ownership: 'hybrid' }) ?? '';
    const noScenario = readShareCode(sixteenth, builtIns);
    expect(!noScenario.ok && noScenario.problem).toContain('built-in scenario number 16');
    const hugeSeed = readShareCode('ZZZZZZZZ', builtIns);
    expect(hugeSeed.ok).toBe(false);
  });
});
