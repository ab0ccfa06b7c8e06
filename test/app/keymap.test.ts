import { describe, expect, it } from 'vitest';
import { INVESTIGATION_STEPS, MITIGATIONS } from '../../src/sim';
import { bindings, buildKeymap, incidentShortcut, KEYMAP, keyConflicts } from '../../src/ui/floor/keymap';

describe('the floor keymap', () => {
  it('binds A, one distinct key per mitigation and per investigation step, Space and the rules, with no key twice', () => {
    const list = bindings();
    expect(keyConflicts(list)).toEqual([]);
    expect(KEYMAP.size).toBe(list.length);
    expect(list.filter(([, b]) => b.does === 'mitigate')).toHaveLength(MITIGATIONS.length);
    expect(list.filter(([, b]) => b.does === 'investigate')).toHaveLength(INVESTIGATION_STEPS.length);
    expect(KEYMAP.get('A')).toMatchObject({ does: 'command', type: 'acknowledge' });
    expect(KEYMAP.get('H')).toMatchObject({ does: 'help' });
    expect(KEYMAP.get(' ')).toMatchObject({ does: 'pause' });
  });

  it('turns a key into the command it asks for on the selected incident, whatever its case', () => {
    expect(incidentShortcut('a', 'inc-1')).toEqual({ type: 'acknowledge', incident: 'inc-1' });
    expect(incidentShortcut('R', 'inc-1')).toEqual({ type: 'mitigate', incident: 'inc-1', action: 'rollback' });
    expect(incidentShortcut('d', 'inc-1')).toBeNull(); // a step: who looks is the panel's choice
    expect(incidentShortcut('q', 'inc-1')).toBeNull();
    expect(KEYMAP.get('X')).toMatchObject({ does: 'investigate', step: 'expert' });
  });

  it('refuses to build a map that binds one key twice, naming both bindings', () => {
    const clash = [...bindings(), ['r', { does: 'investigate', step: 'runbook', label: 'runbook' }] as const];
    expect(() => buildKeymap(clash.map(([k, b]) => [k, b]))).toThrow(/R: rollback and runbook/);
  });
});
