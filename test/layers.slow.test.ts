import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Each "never" of the layers is a rule of the dependency check (`.dependency-cruiser.json`, run by `npm test`).
 * This plants one forbidden import per rule in a copy of the tree (other tests read the real one), runs the check
 * over the planted files, and expects every one refused by its own rule, while the tree as it is passes.
 */
const root = process.cwd();
const tag = `planted${process.pid}`;
const planted: { file: string; imports: string[]; rule: string }[] = [
  { file: 'src/sim/rules/X.ts', imports: ['../../app/store'], rule: 'sim-stays-pure' },
  { file: 'src/sim/X.ts', imports: ['../ui/kit/dom'], rule: 'sim-stays-pure' },
  { file: 'src/sim/model/X.ts', imports: ['../../content/scenarios'], rule: 'sim-stays-pure' },
  { file: 'src/sim/X.ts', imports: ['../round/roundSession'], rule: 'sim-stays-pure' },
  { file: 'src/sim/X.ts', imports: ['phaser'], rule: 'sim-uses-only-its-libraries' },
  { file: 'src/sim/X.ts', imports: ['node:fs'], rule: 'sim-uses-only-its-libraries' },
  { file: 'src/app/X.ts', imports: ['../sim/rules/scoring'], rule: 'sim-has-one-door' },
  { file: 'src/app/X.ts', imports: ['../../server/roomServer'], rule: 'app-never-reaches-up' },
  { file: 'src/app/X.ts', imports: ['../ui/floor/hud'], rule: 'app-never-reaches-up' },
  { file: 'src/game/X.ts', imports: ['../ui/kit/dom'], rule: 'map-and-panels-apart' },
  { file: 'src/ui/floor/X.ts', imports: ['../../game/layout'], rule: 'panels-and-map-apart' },
  { file: 'src/ui/menu/X.ts', imports: ['../floor/hud'], rule: 'screens-share-only-the-kit' },
  { file: 'src/ui/kit/X.ts', imports: ['../menu/menu'], rule: 'kit-is-shared' },
  { file: 'src/round/X.ts', imports: ['../app/storage'], rule: 'round-knows-no-environment' },
  { file: 'src/protocol/X.ts', imports: ['../app/remoteTable'], rule: 'protocol-is-the-contract' },
  { file: 'src/content/X.ts', imports: ['../round/roundTerms'], rule: 'content-is-data' },
  { file: 'server/X.ts', imports: ['../src/app/store'], rule: 'server-on-three-layers' },
  { file: 'server/X.ts', imports: ['../src/content/scenarios'], rule: 'server-on-three-layers' },
  { file: 'src/headless/X.ts', imports: ['../app/store'], rule: 'headless-is-node' },
  { file: 'src/catalog/X.ts', imports: ['../app/store'], rule: 'catalog-knows-no-environment' },
  { file: 'src/catalog/X.ts', imports: ['../round/roundSession'], rule: 'catalog-knows-no-environment' },
  { file: 'src/catalog/X.ts', imports: ['../sim/rules/scoring'], rule: 'sim-has-one-door' },
  // Two folders that import each other.
  { file: 'src/sim/model/XA.ts', imports: ['../rules/XB'], rule: 'no-cycle-between-sim-folders' },
  { file: 'src/sim/rules/XB.ts', imports: ['../model/XA'], rule: '' },
  { file: 'src/round/XC.ts', imports: ['../content/XD'], rule: 'no-cycle-between-folders' },
  { file: 'src/content/XD.ts', imports: ['../round/XC'], rule: '' },
];

const named = (file: string) => file.replace(/X([A-D]?)\.ts$/, `${tag}$1.ts`);
const spec = (s: string) => s.replace(/\/X([A-D]?)$/, `/${tag}$1`);
const depcruise = (files: string[], cwd = root) =>
  spawnSync(
    process.execPath,
    [
      resolve(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'),
      ...files,
      '--config',
      '.dependency-cruiser.json',
      '--output-type',
      'json',
    ],
    { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );

/** A copy of the sources, the server and the check's settings, with the real node_modules beside them. */
function copyOfTheTree(): string {
  const dir = mkdtempSync(join(tmpdir(), 'firepants-layers-'));
  for (const part of ['src', 'server', 'tsconfig.json', '.dependency-cruiser.json', 'package.json'])
    cpSync(join(root, part), join(dir, part), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

describe('the layers', () => {
  it('refuse a planted import for every "never", each by its own rule', () => {
    const byFile = new Map<string, { imports: string[]; rules: string[] }>();
    planted.forEach((p, i) => {
      // One file per planted import (several plants may share a folder): suffix them apart.
      const file = p.file.endsWith('X.ts') ? named(p.file).replace('.ts', `n${i}.ts`) : named(p.file);
      byFile.set(file, { imports: p.imports.map(spec), rules: p.rule ? [p.rule] : [] });
    });
    const tree = copyOfTheTree();
    let run: ReturnType<typeof depcruise>;
    try {
      for (const [file, { imports }] of byFile) {
        mkdirSync(dirname(join(tree, file)), { recursive: true });
        writeFileSync(
          join(tree, file),
          `${imports.map((m) => `import '${m}';`).join('\n')}\nexport const planted = true;\n`,
        );
      }
      run = depcruise([...byFile.keys()], tree);
    } finally {
      rmSync(tree, { recursive: true, force: true });
    }
    const out = JSON.parse(run.stdout) as { summary: { violations: { from: string; rule: { name: string } }[] } };
    const found = new Map<string, Set<string>>();
    for (const v of out.summary.violations) found.set(v.from, (found.get(v.from) ?? new Set()).add(v.rule.name));
    // A cycle is reported once, at whichever of its two planted files closes it.
    const other: Record<string, string> = { A: 'B', B: 'A', C: 'D', D: 'C' };
    const partner = (file: string) => {
      const letter = file.match(/([A-D])\.ts$/)?.[1];
      return letter ? [...byFile.keys()].find((f) => f.endsWith(`${tag}${other[letter]}.ts`)) : undefined;
    };
    for (const [file, { rules }] of byFile)
      for (const rule of rules) {
        const seen = [...(found.get(file) ?? []), ...(found.get(partner(file) ?? '') ?? [])];
        expect(seen, `${file} should break ${rule}`).toContain(rule);
      }
  });

  it('hold for the tree as it is', () => {
    const run = depcruise(['src', 'server']);
    const out = JSON.parse(run.stdout) as {
      summary: { violations: { from: string; to: string; rule: { name: string } }[] };
    };
    expect(out.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([]);
  });
});
