import { readFileSync, statSync } from 'node:fs';
import {
  builtInScenarios,
  clip,
  MAX_SCENARIO_CHARS,
  type Policy,
  parseScenarioText,
  policies,
  policyDescriptions,
  runRound,
  type Scenario,
  validateScenario,
} from '../sim';
import { ArgError, parseArgs, USAGE } from './args';
import { compare, formatCompare } from './compare';
import { formatSummary, summarize } from './report';

/** A scenario file's text, refused before reading when it is not a plain file or is too large. */
function readScenarioFile(ref: string): string {
  const shown = clip(ref);
  let size: number;
  try {
    const info = statSync(ref);
    if (!info.isFile()) throw new ArgError(`"${shown}" is not a regular file`);
    size = info.size;
  } catch (err) {
    if (err instanceof ArgError) throw err;
    throw new ArgError(
      `no built-in scenario "${shown}" and no file at that path (built-in: ${Object.keys(builtInScenarios).join(', ')})`,
    );
  }
  if (size > MAX_SCENARIO_CHARS)
    throw new ArgError(`the scenario file "${shown}" is larger than ${MAX_SCENARIO_CHARS / 1_000_000} MB`);
  try {
    return readFileSync(ref, 'utf8');
  } catch (err) {
    throw new ArgError(`the scenario file "${shown}" could not be read: ${clip((err as Error)?.message ?? '')}`);
  }
}

function loadScenario(ref: string): Scenario {
  const result = Object.hasOwn(builtInScenarios, ref)
    ? validateScenario(builtInScenarios[ref])
    : parseScenarioText(readScenarioFile(ref));
  if (!result.ok) {
    const lines = result.problems.map((p) => `  ${p.path}: ${p.message}`).join('\n');
    throw new ArgError(`the scenario "${clip(ref)}" is not valid:\n${lines}`);
  }
  return result.scenario;
}

/** The bot called by that name; only the policies' own names count. */
function policyNamed(name: string): Policy {
  const policy = Object.hasOwn(policies, name) ? policies[name] : undefined;
  if (typeof policy !== 'function')
    throw new ArgError(`no policy "${clip(name)}" (choose from: ${Object.keys(policies).join(', ')})`);
  return policy;
}

function main(argv: string[]): number {
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
    for (const n of names) policyNamed(n);
    const table = compare(scenario, names, args.seeds, weeks);
    process.stdout.write(args.json ? `${JSON.stringify(table)}\n` : `${formatCompare(table)}\n`);
    return 0;
  }
  const policy = policyNamed(args.policy);
  const state = runRound(scenario, { seed: args.seed, weeks, policy });
  const summary = summarize(scenario, state, args.policy);
  process.stdout.write(args.json ? `${JSON.stringify(summary)}\n` : `${formatSummary(summary)}\n`);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (err) {
  if (err instanceof ArgError) {
    process.stderr.write(`firepants sim: ${err.message}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`firepants sim: unexpected failure: ${(err as Error)?.message ?? String(err)}\n`);
    process.exitCode = 1;
  }
}
