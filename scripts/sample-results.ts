// Writes results files as three tables would export them, played by bots on the same setup, for the
// compare-page screenshot: `tsx scripts/sample-results.ts <folder>`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeShareLink } from '../src/app/shareLink';
import { buildResults, resultsFileName, resultsInputOf } from '../src/round/results';
import { builtInScenarioList } from '../src/round/roundTerms';
import { compareWithReplay, policies, Replay, runRound } from '../src/sim';

const folder = process.argv[2] ?? 'test-results/sample-results';
mkdirSync(folder, { recursive: true });
const scenario = builtInScenarioList()[0];
if (!scenario) throw new Error('no built-in scenario');
const tables: [string, string][] = [
  ['Table Blue', 'learning-first'],
  ['Table Green', 'careful'],
  ['Table Red', 'baseline'],
  ['Table Gold', 'retro-spam'],
];
const at = new Date(Date.UTC(2026, 10, 23, 10, 30));
for (const [table, policy] of tables) {
  const bot = policies[policy];
  if (!bot) throw new Error(`no policy ${policy}`);
  const s = runRound(scenario, { seed: 42, weeks: 4, policy: bot });
  const silent = compareWithReplay(s, new Replay(scenario, s).advanceTo(s.now));
  const { link } = await makeShareLink(
    { scenario, seed: 42, weeks: 4, ownership: s.ownership, rotation: s.rotation.byTeam },
    'http://127.0.0.1:5173/',
  );
  const results = buildResults(s, resultsInputOf(s, silent), {
    table,
    setupLink: link,
    scenarioName: scenario.name,
    at,
  });
  const file = join(folder, resultsFileName(results, at));
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(file);
}
