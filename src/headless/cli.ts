import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  builtInScenarios,
  clip,
  isCommandEntry,
  isWorldInput,
  logOf,
  MAX_SCENARIO_CHARS,
  type Policy,
  parseScenarioText,
  playRound,
  policies,
  policyDescriptions,
  type Scenario,
  validateScenario,
} from '../sim';
import { ArgError, parseArgs, USAGE } from './args';
import { compare, formatCompare } from './compare';
import { readPlainFile, replayLogFile, writeLog } from './logFile';
import { formatSummary, summarize } from './report';

function loadScenario(ref: string): Scenario {
  const result = Object.hasOwn(builtInScenarios, ref)
    ? validateScenario(builtInScenarios[ref])
    : parseScenarioText(
        readPlainFile(
          ref,
          'scenario file',
          MAX_SCENARIO_CHARS,
          `no built-in scenario "${clip(ref)}" and no file at that path (built-in: ${Object.keys(builtInScenarios).join(', ')})`,
        ),
      );
  if (!result.ok) {
    const lines = result.problems.map((p) => `  ${p.path}: ${p.message}`).join('\n');
    throw new ArgError(`the scenario "${clip(ref)}" is not valid:\n${lines}`);
  }
  return result.scenario;
}

/** A built-in policy by name, or a module file whose default export is a Policy: bring your own bot. */
async function policyNamed(name: string): Promise<Policy> {
  const builtIn = Object.hasOwn(policies, name) ? policies[name] : undefined;
  if (typeof builtIn === 'function') return builtIn;
  const looksLikePath = /[\\/]|\.(m?[jt]s)$/.test(name);
  if (!looksLikePath || !existsSync(name))
    throw new ArgError(
      `no policy "${clip(name)}" (choose from: ${Object.keys(policies).join(', ')}, or give the path of a module whose default export is a policy)`,
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
    let out: unknown;
    try {
      out = bot(snapshot);
    } catch (err) {
      // Worlds are frozen: a bot that writes to one stops here, with the world untouched.
      throw new ArgError(
        `the policy module "${clip(name)}" failed at minute ${snapshot.now}: ${clip((err as Error)?.message ?? String(err), 200)}`,
      );
    }
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
  if (args.replay) {
    const { log, state } = replayLogFile(args.replay);
    const inputs = log.entries.filter(isCommandEntry).filter((e) => isWorldInput(e.command) && e.by !== 'scenario');
    const summary = summarize(log.scenario, state, log.player ?? 'replay', undefined, inputs);
    process.stdout.write(args.json ? `${JSON.stringify(summary)}\n` : `${formatSummary(summary)}\n`);
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
  if (args.log) writeLog(args.log, logOf(scenario, { seed: args.seed, weeks }, played, args.policy));
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
