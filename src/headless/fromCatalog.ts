/**
 * npm run scenario:from-catalog -- catalog-info.yaml [--system <name>] [--id <id>] > ours.json
 *
 * Turns a Backstage catalog into a game-day scenario file: the JSON goes to standard output, notes on what was
 * left out to standard error; a catalog that cannot be used is refused with its problems (exit code 2).
 */
import { MAX_CATALOG_CHARS, scenarioFromCatalog } from '../catalog';
import { ArgError } from './args';
import { readPlainFile } from './logFile';

const USAGE =
  'usage: npm run scenario:from-catalog -- <catalog-info.yaml> [--system <name>] [--id <scenario-id>] > scenario.json';

function parse(argv: string[]): { file: string; system?: string; id?: string } {
  let file: string | undefined;
  const out: { system?: string; id?: string } = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--help' || arg === '-h') throw new ArgError(USAGE);
    if (arg === '--system' || arg === '--id') {
      const value = argv[++i];
      if (value === undefined || value.startsWith('--')) throw new ArgError(`${arg} needs a value`);
      out[arg === '--system' ? 'system' : 'id'] = value;
    } else if (arg.startsWith('--')) throw new ArgError(`unknown argument "${arg}" (${USAGE})`);
    else if (file === undefined) file = arg;
    else throw new ArgError(`one catalog file at a time (${USAGE})`);
  }
  if (file === undefined) throw new ArgError(USAGE);
  return { file, ...out };
}

function main(argv: string[]): number {
  try {
    const args = parse(argv);
    const text = readPlainFile(args.file, 'catalog', MAX_CATALOG_CHARS);
    const result = scenarioFromCatalog(text, args);
    if (!result.ok) {
      process.stderr.write(`That catalog cannot be played yet:\n${result.problems.map((p) => `  - ${p}\n`).join('')}`);
      return 2;
    }
    for (const w of result.warnings) process.stderr.write(`note: ${w}\n`);
    process.stdout.write(`${JSON.stringify(result.file, null, 2)}\n`);
    return 0;
  } catch (err) {
    process.stderr.write(`${err instanceof ArgError ? err.message : String(err)}\n`);
    return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
