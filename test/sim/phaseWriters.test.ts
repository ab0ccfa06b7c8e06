import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SIM = join(import.meta.dirname, '../../src/sim');
/** The one function per machine that may move a record: everything else must send it a signal. */
const WRITERS = ['rules/incidentLife.ts', 'rules/retroLife.ts'];
const ASSIGNS_PHASE = [/\.phase\s*=(?!=)/, /\[\s*['"`]phase['"`]\s*\]\s*=(?!=)/];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every line under src/sim that assigns to a phase, as "file:line: text". */
function phaseWrites(): string[] {
  const out: string[] = [];
  for (const file of sources(SIM)) {
    const lines = readFileSync(file, 'utf8').split('\n');
    for (const [i, line] of lines.entries()) {
      if (ASSIGNS_PHASE.some((re) => re.test(line))) out.push(`${relative(SIM, file)}:${i + 1}: ${line.trim()}`);
    }
  }
  return out;
}

describe('only the machines move incidents and retros', () => {
  it('no file under src/sim assigns a phase except the one sender per machine', () => {
    const writes = phaseWrites();
    const elsewhere = writes.filter((w) => !WRITERS.some((file) => w.startsWith(`${file}:`)));
    expect(elsewhere).toEqual([]);
    // Each sender writes the phase in exactly one place.
    for (const file of WRITERS) expect(writes.filter((w) => w.startsWith(`${file}:`))).toHaveLength(1);
  });

  it('the scan sees the sources it is meant to guard', () => {
    const files = sources(SIM).map((f) => relative(SIM, f));
    expect(files).toEqual(expect.arrayContaining(['rules/incident.ts', 'rules/retro.ts', 'commands.ts', ...WRITERS]));
  });
});
