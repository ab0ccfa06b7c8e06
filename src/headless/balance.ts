/**
 * The balance table: do honest learners beat every bot that does not learn, farms, blames or
 * crams, on every scenario and round length? `npm run balance -- --seeds 50` prints the README's
 * table; --scenarios and --weeks narrow it. Each bot is compared with its own never-learning
 * replay (same luck, same outside inputs).
 */
import { appendFileSync } from 'node:fs';
import { builtInScenarios, playRound, policies, type Scenario, validateScenario } from '../sim';
import { type RoundSummary, summarize } from './report';

export const LEARNERS = ['learning-first', 'steady-learner'];

function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

const seeds = Number(flag('--seeds', '50'));
/** The first seed: long tables can be split into seed ranges run side by side. */
const firstSeed = Number(flag('--first-seed', '1'));
/** Where each seed's verdicts go as they come, one JSON line each, so a long run can be stopped and still counted. */
const seedLog = flag('--seed-log', '');
const weeksList = flag('--weeks', '1,2,4,13').split(',').map(Number);
const scenarioIds = flag('--scenarios', Object.keys(builtInScenarios).join(',')).split(',');
const others = Object.keys(policies).filter((p) => !LEARNERS.includes(p));
const baseline = policies.baseline!;

interface Cell {
  scenario: string;
  weeks: number;
  /** Per learner: share of seeds above every other bot. */
  ahead: Record<string, number>;
  /** Per learner: the bot it most often failed to beat. */
  nearest: Record<string, string>;
  /** learning-first: share of seeds with at least one silent success shown. */
  silentShown: number;
  baselineSilentMax: number;
  overclaims: number;
}

const rows: Cell[] = [];
for (const id of scenarioIds) {
  const res = validateScenario(builtInScenarios[id]);
  if (!res.ok) throw new Error(`no scenario ${id}`);
  const scenario: Scenario = res.scenario;
  for (const weeks of weeksList) {
    const wins: Record<string, number> = {};
    const losses: Record<string, Record<string, number>> = {};
    let silentShown = 0;
    let baselineSilentMax = 0;
    let overclaims = 0;
    for (let seed = firstSeed; seed < firstSeed + seeds; seed++) {
      // The never-learning replay plays the whole round, past its own collapse: par is measured, not played.
      const plain = playRound(scenario, { seed, weeks, policy: baseline, canLose: false }).state;
      const by: Record<string, RoundSummary> = {};
      for (const name of [...LEARNERS, ...others]) {
        const played = playRound(scenario, { seed, weeks, policy: policies[name]! });
        const replay =
          played.inputs.length === 0
            ? plain
            : playRound(scenario, { seed, weeks, policy: baseline, inputs: played.inputs, canLose: false }).state;
        const r = summarize(scenario, played.state, name, replay, played.inputs);
        by[name] = r;
        if (r.silentSuccesses > Math.max(0, r.replayIncidents - r.incidents)) overclaims++;
      }
      baselineSilentMax = Math.max(baselineSilentMax, by.baseline?.silentSuccesses ?? 0);
      if (seedLog)
        appendFileSync(
          seedLog,
          `${JSON.stringify({
            scenario: id,
            weeks,
            seed,
            scores: Object.fromEntries(Object.entries(by).map(([n, r]) => [n, Math.round(r.score * 10) / 10])),
            silent: by['learning-first']?.silentSuccesses ?? 0,
            overclaims: Object.values(by).filter(
              (r) => r.silentSuccesses > Math.max(0, r.replayIncidents - r.incidents),
            ).length,
          })}\n`,
        );
      if ((by['learning-first']?.silentSuccesses ?? 0) >= 1) silentShown++;
      for (const l of LEARNERS) {
        const mine = by[l]?.score ?? 0;
        const beaten = others.filter((o) => (by[o]?.score ?? 0) >= mine);
        if (beaten.length === 0) wins[l] = (wins[l] ?? 0) + 1;
        losses[l] ??= {};
        for (const o of beaten) losses[l]![o] = (losses[l]![o] ?? 0) + 1;
      }
    }
    const nearest: Record<string, string> = {};
    for (const l of LEARNERS) {
      const worst = Object.entries(losses[l] ?? {}).sort((a, b) => b[1] - a[1])[0];
      nearest[l] = worst ? `${worst[0]} (${worst[1]})` : '—';
    }
    const ahead = Object.fromEntries(LEARNERS.map((l) => [l, (wins[l] ?? 0) / seeds]));
    rows.push({ scenario: id, weeks, ahead, nearest, silentShown: silentShown / seeds, baselineSilentMax, overclaims });
    process.stderr.write(`${id} ${weeks}w done\n`);
  }
}

const pct = (x: number) => `${Math.round(x * 100)}%`;
console.log(`Balance over seeds 1..${seeds}; ${others.length} other bots: ${others.join(', ')}\n`);
console.log(
  '| scenario | weeks | learning-first above all | steady-learner above all | learning-first shows a silent success | baseline silent max | over-claims | bot nearest learning-first |',
);
console.log('|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(
    `| ${r.scenario} | ${r.weeks} | ${pct(r.ahead['learning-first'] ?? 0)} | ${pct(r.ahead['steady-learner'] ?? 0)} | ${pct(r.silentShown)} | ${r.baselineSilentMax} | ${r.overclaims} | ${r.nearest['learning-first']} |`,
  );
}
console.log(JSON.stringify({ seeds, rows }));
