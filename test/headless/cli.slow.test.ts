import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtInScenarios } from '../../src/content/scenarios';

function sim(...args: string[]) {
  const run = spawnSync('node_modules/.bin/tsx', ['src/headless/cli.ts', ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

describe('the headless runner refuses hostile names and files', () => {
  it('refuses policy names every object has, with a message and exit 2', () => {
    for (const name of ['toString', '__proto__', 'constructor']) {
      const r = sim('--policy', name, '--weeks', '1');
      expect(r.code, r.err).toBe(2);
      expect(r.err).toContain(`no policy "${name}"`);
    }
  });

  it('refuses reserved scenario names and non-regular files without reading them', () => {
    const proto = sim('--scenario', '__proto__');
    expect(proto.code).toBe(2);
    expect(proto.err).toContain('no built-in scenario "__proto__"');
    const zero = sim('--scenario', '/dev/zero');
    expect(zero.code).toBe(2);
    expect(zero.err).toContain('not a regular file');
  });

  it('refuses a file over the size limit, and reads one with a byte-order mark', () => {
    const dir = mkdtempSync(join(tmpdir(), 'firepants-'));
    const big = join(dir, 'big.json');
    writeFileSync(big, `{"x":"${'x'.repeat(1_100_000)}"}`);
    const r = sim('--scenario', big);
    expect(r.code).toBe(2);
    expect(r.err).toContain('larger than 1 MB');
    const bom = join(dir, 'bom.json');
    writeFileSync(bom, `\uFEFF${JSON.stringify(builtInScenarios.startup)}`);
    const ok = sim('--scenario', bom, '--weeks', '1', '--json');
    expect(ok.code, ok.err).toBe(0);
    expect(JSON.parse(ok.out).scenario).toBe('startup');
  });
});
