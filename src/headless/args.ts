/** Command-line flags for the headless runner; errors are messages, never stack traces. */
export interface SimArgs {
  scenario: string;
  seed: number;
  weeks: number | null;
  policy: string;
  policies: string[];
  seeds: number;
  compare: boolean;
  json: boolean;
  help: boolean;
  /** Write the round's input log to this file. */
  log: string | null;
  /** Replay this input log instead of playing. */
  replay: string | null;
}

export class ArgError extends Error {}

const FLAGS = new Set([
  '--scenario',
  '--seed',
  '--weeks',
  '--policy',
  '--policies',
  '--seeds',
  '--compare',
  '--json',
  '--help',
  '--log',
  '--replay',
  '-h',
]);

function int(flag: string, value: string | undefined, min: number, max: number): number {
  if (value === undefined || !/^-?\d+$/.test(value))
    throw new ArgError(`${flag} needs a whole number, got ${value ?? 'nothing'}`);
  const n = Number(value);
  if (n < min || n > max) throw new ArgError(`${flag} must be between ${min} and ${max}, got ${n}`);
  return n;
}

export function parseArgs(argv: string[]): SimArgs {
  const out: SimArgs = {
    scenario: 'platform',
    seed: 1,
    weeks: null,
    policy: 'baseline',
    policies: [],
    seeds: 20,
    compare: false,
    json: false,
    help: false,
    log: null,
    replay: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] as string;
    if (!FLAGS.has(flag)) throw new ArgError(`unknown argument "${flag}" (try --help)`);
    const value = () => {
      const v = argv[i + 1];
      if (v === undefined || v.startsWith('--')) throw new ArgError(`${flag} needs a value`);
      i++;
      return v;
    };
    switch (flag) {
      case '--scenario':
        out.scenario = value();
        break;
      case '--seed':
        out.seed = int(flag, value(), -2147483648, 2147483647);
        break;
      case '--weeks':
        out.weeks = int(flag, value(), 1, 26);
        break;
      case '--policy':
        out.policy = value();
        break;
      case '--policies':
        out.policies = value()
          .split(',')
          .map((p) => p.trim())
          .filter(Boolean);
        break;
      case '--seeds':
        out.seeds = int(flag, value(), 1, 10000);
        break;
      case '--compare':
        out.compare = true;
        break;
      case '--json':
        out.json = true;
        break;
      case '--log':
        out.log = value();
        break;
      case '--replay':
        out.replay = value();
        break;
      default:
        out.help = true;
    }
  }
  return out;
}

export const USAGE = `Firepants headless simulator

  npm run sim -- [--scenario <id|file.json>] [--seed <n>] [--weeks <n>] [--policy <name>] [--json]
  npm run sim -- --replay <log.json> [--json]
  npm run sim -- --compare --policies <a,b,…> [--seeds <n>] [--weeks <n>] [--scenario …] [--json]

  --scenario  a built-in scenario id or a path to a scenario JSON file (default: platform)
  --seed      the seed of the round (default: 1); --compare uses seeds 1..N
  --weeks     round length in weeks (default: the scenario's own)
  --policy    the bot that plays (default: baseline)
  --json      print one JSON object instead of a readable summary
  --log       write the round's input log (scenario, seed and every accepted input at its minute) to a file
  --replay    replay an input log and summarize the world it gives (the same stateHash as when it was written)
`;
