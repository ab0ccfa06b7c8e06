import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SIM = join(ROOT, 'src', 'sim');
const FORBIDDEN_DIRS = ['app', 'game', 'ui'].map((d) => join(ROOT, 'src', d));
const FORBIDDEN_CALLS: [RegExp, string][] = [
  [/\bMath\.random\b/, 'Math.random'],
  [/\bDate\.now\b/, 'Date.now'],
  [/\bnew Date\(/, 'new Date('],
  [/\bperformance\.now\b/, 'performance.now'],
  [/\bsetTimeout\b/, 'setTimeout'],
  [/\bsetInterval\b/, 'setInterval'],
  [/\brequestAnimationFrame\b/, 'requestAnimationFrame'],
  [/\bdocument\./, 'document.'],
  [/\bwindow\./, 'window.'],
  [/\blocalStorage\b/, 'localStorage'],
];

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** Code without its comments, so documentation may name what the code must not do. */
function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

function specifiers(code: string): string[] {
  const out: string[] = [];
  for (const re of [
    /\bfrom\s+['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]/g,
    /\bimport\s+['"]([^'"]+)['"]/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]/g,
  ]) {
    for (const m of code.matchAll(re)) out.push(m[1] as string);
  }
  return out;
}

/** What is wrong with one source file of the simulation core, if anything. */
function impurities(file: string, text: string): string[] {
  const code = stripComments(text);
  const problems: string[] = [];
  for (const spec of specifiers(code)) {
    if (spec === 'phaser' || spec.startsWith('phaser/')) problems.push(`imports ${spec}`);
    if (spec.startsWith('.')) {
      const target = resolve(dirname(file), spec);
      if (FORBIDDEN_DIRS.some((d) => target === d || target.startsWith(d + sep))) problems.push(`imports ${spec}`);
    }
  }
  for (const [re, name] of FORBIDDEN_CALLS) if (re.test(code)) problems.push(`uses ${name}`);
  return problems;
}

describe('the simulation core is pure', () => {
  const files = tsFiles(SIM);

  it('finds the whole core', () => {
    expect(files.length).toBeGreaterThan(20);
    for (const f of [
      'index.ts',
      'simulation.ts',
      'commands.ts',
      join('rules', 'chaos.ts'),
      join('machines', 'incidentMachine.ts'),
    ]) {
      expect(files).toContain(join(SIM, f));
    }
  });

  it('has no Phaser, no views, no clocks, no timers, no browser and no Math.random', () => {
    const found = files.flatMap((f) => impurities(f, readFileSync(f, 'utf8')).map((p) => `${relative(ROOT, f)}: ${p}`));
    expect(found).toEqual([]);
  });

  it('the check itself catches each kind of impurity', () => {
    const file = join(SIM, 'rules', 'example.ts');
    const bad = [
      "import Phaser from 'phaser';",
      "import { Scene } from 'phaser/src/scene';",
      "import { store } from '../../app/store';",
      "import type { X } from '../../game/main';",
      "export { y } from '../../ui/hud';",
      "const m = await import('../../ui/menu');",
      'const u = Math.random();',
      'const t = Date.now();',
      'const p = performance.now();',
      'setTimeout(() => {}, 1);',
      'setInterval(() => {}, 1);',
      'document.body.append(x);',
      'window.addEventListener("x", f);',
      'localStorage.getItem("save");',
    ];
    for (const line of bad) expect(impurities(file, line), line).not.toEqual([]);
    const fine = [
      "import { draw } from '../rng';",
      "import { setup } from 'xstate';",
      "import { z } from 'zod';",
      "import data from '../../content/scenarios/platform.json';",
      '// never call Math.random here: luck comes from named streams',
      '/** No timers live here (setTimeout), time arrives as an argument. */',
      'const url = "https://example.com/a";',
    ];
    for (const line of fine) expect(impurities(file, line), line).toEqual([]);
  });
});
