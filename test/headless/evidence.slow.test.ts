import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtInScenarios } from '../../src/content/scenarios';
import { evidenceJson } from '../../src/round/evidence/export';
import { roundEvidence } from '../../src/round/evidence/roundEvidence';
import { policies } from '../../src/sim';
import { playAtOneScreen, scenarioOf } from '../round/tablePlay';

const run = (...args: string[]) =>
  spawnSync('node_modules/.bin/tsx', ['src/headless/evidence.ts', ...args], { encoding: 'utf8', timeout: 120_000 });

describe('npm run evidence', () => {
  const learner = policies['learning-first'];
  if (!learner) throw new Error('no bot');
  const session = playAtOneScreen(scenarioOf(builtInScenarios.startup), { seed: 4, weeks: 1, seats: [] }, learner);
  const text = evidenceJson({
    table: 'Table 2',
    rounds: [
      {
        label: 'Round 1',
        log: session.log(),
        evidence: roundEvidence(session.snapshot(), session.entries, session.ghost.world()),
      },
    ],
    check: null,
  });
  const dir = mkdtempSync(join(tmpdir(), 'evidence-'));
  const file = join(dir, 'session.json');
  writeFileSync(file, text);

  it('rebuilds a session file from its logs, byte for byte, and says so with exit 0', () => {
    const r = run(file);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(text);
    const summary = run(file, '--summary');
    expect(summary.stdout).toMatch(/^# What changed at Table 2\n/);
    expect(run(file, '--csv').stdout.split('\n')[0]).toMatch(/^table,round,label,scenario,seed,timeline,/);
  });

  it('exits 1 when the numbers do not follow from the logs, 2 when the file cannot be read', () => {
    const edited = join(dir, 'edited.json');
    writeFileSync(edited, text.replace('"table": "Table 2"', '"table": "Table 2",\n  "extra": 1'));
    expect(run(edited).status).toBe(1);
    const junk = join(dir, 'junk.json');
    writeFileSync(junk, '{"table": 3}');
    const r = run(junk);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('is not a session file');
    expect(run('/dev/null').status).toBe(2);
  });
});
