import { type Policy, playRound, policies, type Scenario } from '../sim';
import { type RoundSummary, summarize } from './report';

const baseline = policies.baseline!;

export interface SeedRow {
  seed: number;
  score: number;
  par: number;
  incidents: number;
  replayIncidents: number;
  silentSuccesses: number;
  silentSuccessesAttributed: number;
}

export interface PolicyAggregate {
  policy: string;
  runs: number;
  mean: Record<string, number>;
  sd: Record<string, number>;
  /** Share of seeds on which this policy's score beats every other policy in the table. */
  winsOverAll: number;
  perSeed: SeedRow[];
}

export interface CompareTable {
  scenario: string;
  weeks: number;
  seeds: number;
  policies: PolicyAggregate[];
  /** For each policy, the share of seeds on which learning-first scored higher. */
  learningFirstAhead: Record<string, number>;
  /** Share of seeds with fewer incidents in the second half for learning-first than baseline. */
  fewerLateIncidents: number | null;
}

const FIELDS = [
  'score',
  'learningScore',
  'incidents',
  'pages',
  'customerMinutesLost',
  'nines',
  'burnouts',
  'actionItemsClosed',
  'retros',
  'servicesWithBusFactor2',
  'silentSuccesses',
  'silentSuccessesAttributed',
  'par',
  'replayIncidents',
  'businessValue',
  'customerTrust',
  'lateIncidents',
] as const;

const late = (s: RoundSummary) => s.incidentsByWeek.slice(Math.floor(s.weeks / 2)).reduce((a, b) => a + b, 0);

/** Plays every policy on seeds 1..N, each against its never-learning replay (same luck, same outside inputs). */
export function compare(
  scenario: Scenario,
  names: string[],
  seeds: number,
  weeks: number,
  extra: Record<string, Policy> = {},
): CompareTable {
  const runs: Record<string, RoundSummary[]> = {};
  for (const name of names) runs[name] = [];
  for (let seed = 1; seed <= seeds; seed++) {
    // The never-learning replay plays the whole round, past its own collapse: par is measured, not played.
    const plain = playRound(scenario, { seed, weeks, policy: baseline, canLose: false }).state;
    for (const name of names) {
      const policy = Object.hasOwn(extra, name)
        ? extra[name]
        : Object.hasOwn(policies, name)
          ? policies[name]
          : undefined;
      if (!policy) continue;
      const played = playRound(scenario, { seed, weeks, policy });
      // A bot that set fires of its own is compared with a replay that faced the same fires.
      const replay =
        played.inputs.length === 0
          ? plain
          : playRound(scenario, { seed, weeks, policy: baseline, inputs: played.inputs, canLose: false }).state;
      runs[name]?.push(summarize(scenario, played.state, name, replay, played.inputs));
    }
  }
  const aggregates: PolicyAggregate[] = names.map((name) => {
    const list = runs[name] ?? [];
    const mean: Record<string, number> = {};
    const sd: Record<string, number> = {};
    for (const f of FIELDS) {
      const xs = list.map((s) => (f === 'lateIncidents' ? late(s) : (s[f] as number)));
      const m = xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
      mean[f] = Math.round(m * 100) / 100;
      sd[f] = Math.round(Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / Math.max(1, xs.length)) * 100) / 100;
    }
    let wins = 0;
    for (let i = 0; i < list.length; i++) {
      const mine = list[i]?.score ?? 0;
      if (names.every((o) => o === name || (runs[o]?.[i]?.score ?? -Infinity) < mine)) wins++;
    }
    const perSeed = list.map((r) => ({
      seed: r.seed,
      score: r.score,
      par: r.par,
      incidents: r.incidents,
      replayIncidents: r.replayIncidents,
      silentSuccesses: r.silentSuccesses,
      silentSuccessesAttributed: r.silentSuccessesAttributed,
    }));
    return { policy: name, runs: list.length, mean, sd, winsOverAll: wins / Math.max(1, list.length), perSeed };
  });
  const lf = runs['learning-first'];
  const ahead: Record<string, number> = {};
  if (lf) {
    for (const name of names) {
      if (name === 'learning-first') continue;
      const other = runs[name] ?? [];
      ahead[name] = other.filter((o, i) => (lf[i]?.score ?? 0) > o.score).length / Math.max(1, other.length);
    }
  }
  const base = runs.baseline;
  const fewerLate =
    lf && base ? lf.filter((s, i) => late(s) < late(base[i] as RoundSummary)).length / Math.max(1, lf.length) : null;
  return {
    scenario: scenario.id,
    weeks,
    seeds,
    policies: aggregates,
    learningFirstAhead: ahead,
    fewerLateIncidents: fewerLate,
  };
}

export function formatCompare(t: CompareTable): string {
  const cols = [
    'score',
    'par',
    'learningScore',
    'incidents',
    'replayIncidents',
    'burnouts',
    'nines',
    'actionItemsClosed',
    'servicesWithBusFactor2',
    'silentSuccesses',
    'businessValue',
  ];
  const head = ['policy'.padEnd(16), ...cols.map((c) => c.slice(0, 13).padStart(15))].join('');
  const rows = t.policies.map((p) =>
    [p.policy.padEnd(16), ...cols.map((c) => `${p.mean[c]}±${p.sd[c]}`.padStart(15))].join(''),
  );
  const ahead = Object.entries(t.learningFirstAhead)
    .map(([k, v]) => `  learning-first scores above ${k} on ${Math.round(v * 100)}% of seeds`)
    .join('\n');
  const late =
    t.fewerLateIncidents === null
      ? ''
      : `\n  learning-first has fewer incidents in the second half than baseline on ${Math.round(t.fewerLateIncidents * 100)}% of seeds`;
  return `Firepants compare · ${t.scenario} · ${t.weeks} weeks · seeds 1..${t.seeds} (mean±sd)\n\n${head}\n${rows.join('\n')}\n\n${ahead}${late}`;
}
