import type { TimedInput } from '../sim';
import {
  busFactor,
  compareWithReplay,
  lossWhen,
  MINUTES_PER_WEEK,
  OUTCOME_TITLES,
  type Outcome,
  Replay,
  roundOutcome,
  type Scenario,
  type SimState,
  scoreCard,
  scoreTerms,
  stateHash,
  trustPercent,
  weeksPlayed,
} from '../sim';

export interface RoundSummary {
  /**
   * How the round ended, first of all: learned (above par, with an incident prevented or an item closed on a real
   * weakness, and the learning terms part of the lead), held-the-line (above par without learning), survived (no
   * better than par) or lost (trust collapsed or people left).
   */
  outcome: Outcome;
  /** Why, in one paragraph with the round's numbers. */
  outcomeReason: string;
  /** For a lost round: the cause, the minute it ended, and what would have prevented it; else null and []. */
  lostBecause: 'trust' | 'people' | null;
  lostAt: number | null;
  wouldHavePrevented: string[];
  scenario: string;
  seed: number;
  weeks: number;
  policy: string;
  stateHash: string;
  incidents: number;
  /** Incidents in each week played (a lost round's later weeks are left out). */
  incidentsByWeek: number[];
  pages: number;
  customerMinutesLost: number;
  availability: number;
  nines: number;
  medianResolveMinutes: number | null;
  burnouts: number;
  learningScore: number;
  score: number;
  /** The never-learning replay's score on the same luck and inputs. */
  par: number;
  replayIncidents: number;
  /** The net count shown to players. */
  silentSuccesses: number;
  /** Replay incidents that did not happen here because a named item or shared retro weakened their condition. */
  silentSuccessesAttributed: number;
  /** Replay incidents missing here with nothing of ours behind it (luck and timing), not credited. */
  luckDifferences: number;
  actionItemsClosed: number;
  nearMissesReported: number;
  retros: number;
  busFactor: Record<string, number>;
  servicesWithBusFactor2: number;
  businessValue: number;
  customerTrust: number;
  /** Items whose closing removed or guarded a real weakness (not one staged for a rehearsal or bought with a push). */
  itemsClosedOnRealWeaknesses: number;
}

const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

/**
 * Summarizes a round against its never-learning replay (same luck, same outside inputs). Pass the
 * replay when it was already played, e.g. the baseline run of the same seed with the same inputs.
 */
export function summarize(
  scenario: Scenario,
  state: SimState,
  policy: string,
  replay?: SimState,
  inputs: TimedInput[] = [],
): RoundSummary {
  const card = scoreCard(state);
  // A round lost early is measured against the replay at the same minute.
  const other =
    replay && replay.now === state.now ? replay : new Replay(scenario, state, inputs, true).advanceTo(state.now);
  const silent = compareWithReplay(state, other);
  // Weeks never played (after a loss) are left out, not counted as quiet.
  const played = weeksPlayed(state);
  const byWeek = Array.from({ length: played }, () => 0);
  for (const id of state.incidentOrder) {
    const inc = state.incidents[id];
    if (inc && !inc.prior) byWeek[Math.min(played - 1, Math.floor(inc.startedAt / MINUTES_PER_WEEK))]! += 1;
  }
  const parTerms = scoreTerms(other);
  const par = parTerms.score;
  const ending = roundOutcome(state, parTerms, silent);
  const bf: Record<string, number> = {};
  for (const s of state.serviceOrder) bf[s] = busFactor(state, s);
  return {
    outcome: ending.outcome,
    outcomeReason: ending.reason,
    lostBecause: ending.loss?.cause ?? null,
    lostAt: ending.loss?.at ?? null,
    wouldHavePrevented: ending.loss?.wouldHavePrevented ?? [],
    scenario: state.scenarioId,
    seed: state.seed,
    weeks: state.weeks,
    policy,
    stateHash: stateHash(state),
    incidents: silent.incidents,
    incidentsByWeek: byWeek,
    pages: state.totals.pages,
    customerMinutesLost: round(state.totals.customerMinutes, 1),
    availability: round(card.dashboard.availability, 6),
    nines: round(card.dashboard.nines),
    medianResolveMinutes: card.dashboard.medianResolve,
    burnouts: state.totals.burnouts,
    learningScore: round(card.learning.points, 1),
    score: round(card.score, 1),
    par: round(par, 1),
    replayIncidents: silent.replayIncidents,
    silentSuccesses: silent.net,
    silentSuccessesAttributed: silent.prevented.length,
    luckDifferences: silent.luck,
    actionItemsClosed: state.totals.actionItemsClosed,
    nearMissesReported: state.totals.nearMissesReported,
    retros: state.totals.retros,
    busFactor: bf,
    servicesWithBusFactor2: card.learning.servicesWithBusFactor2,
    businessValue: round(state.totals.businessValue, 0),
    customerTrust: round(state.customerTrust, 3),
    itemsClosedOnRealWeaknesses: ending.facts.realFixes.length,
  };
}

export function formatSummary(s: RoundSummary): string {
  return [
    `Firepants · ${s.scenario} · seed ${s.seed} · ${s.weeks} week${s.weeks === 1 ? '' : 's'} · policy ${s.policy}`,
    '',
    `${OUTCOME_TITLES[s.outcome].toUpperCase()}: ${s.outcomeReason}`,
    ...(s.lostAt === null
      ? []
      : [
          `  lost on ${lossWhen(s.lostAt)}. What would have prevented it:`,
          ...s.wouldHavePrevented.map((w) => `  - ${w}`),
        ]),
    '',
    'What the dashboard says (not scored)',
    `  availability      ${(s.availability * 100).toFixed(3)}%  (${s.nines} nines)`,
    `  median resolve    ${s.medianResolveMinutes ?? '–'} min  (a misleading measure: durations are skewed)`,
    '',
    'What actually matters (scored)',
    `  score             ${s.score}  (learning ${s.learningScore}) · par ${s.par} (the never-learning replay, same luck)`,
    `  incidents         ${s.incidents}  by week: ${s.incidentsByWeek.join(' ')} · the replay had ${s.replayIncidents}`,
    `  silent successes  ${s.silentSuccesses} incidents didn't happen because of what was learned (${s.silentSuccessesAttributed} attributed to a closed item or shared retro; ${s.luckDifferences} other differences were luck)`,
    `  pages             ${s.pages}`,
    `  customer-minutes  ${s.customerMinutesLost}`,
    `  action items      ${s.actionItemsClosed} closed (${s.itemsClosedOnRealWeaknesses} on real weaknesses) · retros ${s.retros} · near misses reported ${s.nearMissesReported}`,
    `  bus factor ≥ 2    ${s.servicesWithBusFactor2} services`,
    `  burnouts          ${s.burnouts}`,
    `  business value    ${s.businessValue}`,
    `  customer trust    ${trustPercent(s.customerTrust)}`,
    '',
    `state hash ${s.stateHash}`,
  ].join('\n');
}
