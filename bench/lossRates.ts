/**
 * How often each bot loses a round: `npx tsx bench/lossRates.ts [seeds] [weeks] [scenario] [policies…]`
 * prints, per bot, the share of seeds lost and why (trust or people), and how many were won.
 * Defaults: 50 seeds × 13 weeks on `platform`, hero-on-call and learning-first — the figures the
 * calibration aims at (hero-on-call loses at least half, learning-first at most a tenth).
 */
import {
  builtInScenarios,
  compareWithReplay,
  learningEvidence,
  policies,
  Replay,
  roundOutcome,
  runRound,
  scoreCard,
  validateScenario,
} from '../src/sim';

const [seedsArg, weeksArg, scenarioArg, ...named] = process.argv.slice(2);
const seeds = Number(seedsArg ?? 50);
const weeks = Number(weeksArg ?? 13);
const scenarioId = scenarioArg ?? 'platform';
const bots = named.length > 0 ? named : ['hero-on-call', 'learning-first'];

const checked = validateScenario(builtInScenarios[scenarioId]);
if (!checked.ok) throw new Error(`no valid scenario "${scenarioId}"`);
const scenario = checked.scenario;

for (const bot of bots) {
  const policy = policies[bot];
  if (!policy) throw new Error(`no bot "${bot}"`);
  const tally = { won: 0, survived: 0, trust: 0, people: 0 };
  let lostDays = 0;
  for (let seed = 1; seed <= seeds; seed++) {
    const state = runRound(scenario, { seed, weeks, policy });
    const replay = new Replay(scenario, state).advanceTo(state.now);
    const evidence = learningEvidence(state, compareWithReplay(state, replay));
    const { outcome } = roundOutcome(state, scoreCard(state).score, scoreCard(replay).score, evidence);
    if (state.lost) {
      tally[state.lost.cause] += 1;
      lostDays += state.lost.at / 1440;
    } else tally[outcome === 'won' ? 'won' : 'survived'] += 1;
  }
  const lost = tally.trust + tally.people;
  const pct = (n: number) => `${Math.round((100 * n) / seeds)}%`;
  process.stdout.write(
    `${bot.padEnd(16)} lost ${pct(lost).padStart(4)} (trust ${tally.trust}, people ${tally.people}${lost ? `, on day ${(lostDays / lost).toFixed(1)} on average` : ''}) · won ${tally.won} · survived ${tally.survived} · ${seeds} seeds × ${weeks} weeks on ${scenarioId}\n`,
  );
}
