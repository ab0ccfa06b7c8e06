import { describe, expect, it } from 'vitest';
import { must, ok, scheduledRetro } from './fixtures';

describe('a retro step cannot be skipped', () => {
  it('two advances from the same step: the second is refused, naming both steps', () => {
    const { s, retro } = scheduledRetro();
    ok(s, { type: 'advanceRetro', retro, from: 'scheduled' });
    expect(s.dispatch({ type: 'advanceRetro', retro, from: 'scheduled' })).toEqual({
      ok: false,
      reason: 'this retro is at the timeline step, not scheduled',
    });
    expect(must(s.snapshot().retros[retro]).phase).toBe('timeline');
    // A command without the step it leaves, or naming no step at all, is refused with the field named.
    expect(s.dispatch({ type: 'advanceRetro', retro } as never)).toMatchObject({ ok: false, reason: /from/ });
    expect(s.dispatch({ type: 'advanceRetro', retro, from: 'lunch' } as never)).toMatchObject({
      ok: false,
      reason: /from.*lunch/,
    });
  });
});
