import { describe, expect, it } from 'vitest';
import { answered, parseReflection, REFLECTION_QUESTIONS } from '../../src/round/reflection';

describe('the before-and-after reflection', () => {
  it('reads back what was answered and turns anything malformed into "left out"', () => {
    expect(parseReflection(JSON.stringify({ before: [1, 5, 3], after: [2, null, 4] }))).toEqual({
      before: [1, 5, 3],
      after: [2, null, 4],
    });
    const messy = parseReflection(JSON.stringify({ before: [0, 6, 2.5, 4], after: 'yes' }));
    expect(messy).toEqual({ before: [null, null, null], after: [null, null, null] });
    expect(parseReflection('{')).toEqual(messy);
    expect(parseReflection('null')).toEqual(messy);
    expect(answered(messy)).toBe(false);
    expect(answered(parseReflection('{"after":[null,null,5]}'))).toBe(true);
    expect(REFLECTION_QUESTIONS).toHaveLength(3);
  });
});
