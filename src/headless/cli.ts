import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  builtInScenarios,
  type Policy,
  parseScenarioText,
  policies,
  policyDescriptions,
  type Scenario,
  validateScenario,
} from '../sim';
import { playRound } from '../sim/runRound';
import { ArgError, parseArgs, USAGE } from './args';
import { compare, formatCompare } from './compare';
import { formatSummary, summarize } from './report';

function loadScenario(ref: string): Scenario {
  const raw = builtInScenarios[ref];
  let result: ReturnType<typeof validateScenario>;
  if (raw !== undefined) {
    result = validateScenario(raw);
  } else {
    let text: string;
    try {
      text = readFileSync(ref, 'utf8');
    } catch {
      throw new ArgError(
        `no built-in scenario "${ref}" and no file at that path (built-in: ${Object.keys(builtInScenarios).join(', ')})`,
      );
    }
    result = parseScenarioText(text);
  }
  if (!result.ok) {
    const lines = result.problems.map((p) => `  ${p.path}: ${p.message}`).join('\n');
    throw new ArgError(`the scenario "${ref}" is not valid:\n${lines}`);
  }
  return result.scenario;
}

/** A built-in policy by name, or a module file whose default export is a Policy: bring your own bot. */
async function policyNamed(name: string): Promise<Policy> {
  if (Object.hasOwn(policies, name)) return policies[name] as Policy;
  const looksLikePath = /[\\/]|\.(m?[jt]s)$/.test(name);
  if (!looksLikePath || !existsSync(name))
    throw new ArgError(
      `no policy "${name}" (choose from: ${Object.keys(policies).join(', ')}, or give the path of a module whose default export is a policy)`,
    );
  let mod: { default?: unknown };
  try {
    mod = (await import(pathToFileURL(resolve(name)).href)) as { default?: unknown };
  } catch (err) {
    throw new ArgError(`the policy module "${name}" could not be loaded: ${(err as Error)?.message ?? String(err)}`);
  }
  if (typeof mod.default !== 'function')
    throw new ArgError(`the policy module "${name}" has no default export that is a function (snapshot) => Command[]`);
  const bot = mod.default as (s: unknown) => unknown;
  return (snapshot) => {
    const out = bot(snapshot);
    return Array.isArray(out) ? out : [];
  };
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args.help) {
    const list = Object.entries(policyDescriptions)
      .map(([k, v]) => `  ${k.padEnd(16)} ${v}`)
      .join('\n');
    process.stdout.write(`${USAGE}\nPolicies:\n${list}\n`);
    return 0;
  }
  const scenario = loadScenario(args.scenario);
  const weeks = args.weeks ?? scenario.weeks;
  if (args.compare) {
    const names = args.policies.length > 0 ? args.policies : ['baseline', 'learning-first'];
    const loaded: Record<string, Policy> = {};
    for (const n of names) loaded[n] = await policyNamed(n);
    const table = compare(scenario, names, args.seeds, weeks, loaded);
    process.stdout.write(args.json ? `${JSON.stringify(table)}\n` : `${formatCompare(table)}\n`);
    return 0;
  }
  const policy = await policyNamed(args.policy);
  const played = playRound(scenario, { seed: args.seed, weeks, policy });
  const summary = summarize(scenario, played.state, args.policy, undefined, played.inputs);
  process.stdout.write(args.json ? `${JSON.stringify(summary)}\n` : `${formatSummary(summary)}\n`);
  return 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  if (err instanceof ArgError) {
    process.stderr.write(`firepants sim: ${err.message}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`firepants sim: unexpected failure: ${(err as Error)?.message ?? String(err)}\n`);
    process.exitCode = 1;
  }
}
