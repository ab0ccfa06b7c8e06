import {
  compareWithReplay,
  learningEvidence,
  playRound,
  policies,
  Replay,
  type Scenario,
  type SimState,
  scoreCard,
} from '../sim';

/** How one bot's round came out against the never-learning organization on the same luck. */
export interface BotResult {
  score: number;
  /** The never-learning organization's score at the minute the round ended. */
  par: number;
  incidents: number;
  replayIncidents: number;
  /** The net count of incidents that did not happen, as players are shown it. */
  silentSuccesses: number;
  /** Replay incidents that did not happen here because a named item or shared retro came first. */
  prevented: number;
  /** Real weaknesses an item closed on (removed or guarded). */
  realWeaknessesClosed: number;
  /** Either of the two above: the round has something to show it learned. */
  learned: boolean;
  learningPoints: number;
  lost: boolean;
}

export interface SeedResult {
  scenario: string;
  weeks: number;
  seed: number;
  bots: Record<string, BotResult>;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Every bot on one seed of one scenario and round length, each against the never-learning replay. No bot's
 * input reaches the replay (nothing a player does moves par), so one replay serves them all; a round lost
 * early is compared with the replay at the minute it ended.
 */
export function playSeed(scenario: Scenario, weeks: number, seed: number, bots: string[]): SeedResult {
  const baseline = policies.baseline;
  if (!baseline) throw new Error('no baseline bot');
  const replay = playRound(scenario, { seed, weeks, policy: baseline, canLose: false, fast: true }).state;
  const out: Record<string, BotResult> = {};
  for (const name of bots) {
    const policy = Object.hasOwn(policies, name) ? policies[name] : undefined;
    if (!policy) throw new Error(`no bot "${name}"`);
    const played = playRound(scenario, { seed, weeks, policy, fast: true });
    out[name] = resultOf(scenario, played.state, replay);
  }
  return { scenario: scenario.id, weeks, seed, bots: out };
}

function resultOf(scenario: Scenario, state: SimState, replay: SimState): BotResult {
  const other = replay.now === state.now ? replay : new Replay(scenario, state, [], true).advanceTo(state.now);
  const silent = compareWithReplay(state, other);
  const card = scoreCard(state);
  const evidence = learningEvidence(state, silent);
  return {
    score: round1(card.score),
    par: round1(scoreCard(other).score),
    incidents: silent.incidents,
    replayIncidents: silent.replayIncidents,
    silentSuccesses: silent.net,
    prevented: evidence.incidentsPrevented,
    realWeaknessesClosed: evidence.realWeaknessesClosed,
    learned: evidence.learned,
    learningPoints: round1(card.learning.points),
    lost: Boolean(state.lost),
  };
}
