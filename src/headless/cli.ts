import { readFileSync } from 'node:fs';
import {
  builtInScenarios,
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

function policyNamed(name: string) {
  const policy = policies[name];
  if (!policy) throw new ArgError(`no policy "${name}" (choose from: ${Object.keys(policies).join(', ')})`);
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
