import type { SeedResult } from './balanceSeed';

/** The honest learners the table is about; every other bot but the other learners is there to try to beat them. */
export const LEARNERS = ['learning-first', 'steady-learner', 'careful-human'] as const;

/** Bots that learn for real without being held to the honest learners' bar; nobody has to beat them. */
export const OTHER_LEARNERS = ['guard-what-it-knows'] as const;

export interface BalanceRow {
  scenario: string;
  weeks: number;
  seeds: number;
  /** Per learner: share of seeds on which it was above every other bot on score − par (what players see). */
  aheadOnGap: Record<string, number>;
  /** Per learner: share of seeds on which it was above every other bot on raw score. */
  aheadOnScore: Record<string, number>;
  /** Per learner: the bot that most often was not below it (on either measure), and on how many seeds. */
  nearest: Record<string, string>;
  /** Share of seeds on which learning-first shows at least one incident that did not happen. */
  silentShown: number;
  /** Rounds, of any bot, that showed more silent successes than max(0, replay incidents − incidents). */
  overclaims: number;
  /** Rounds that ended above par with nothing to show they learned (no real weakness closed, none prevented). */
  aboveParUnlearned: number;
  /** The bots behind those rounds. */
  aboveParUnlearnedBots: string[];
}

const isLearner = (name: string) => [...LEARNERS, ...OTHER_LEARNERS].includes(name as never);

/**
 * The table from seed results: each (scenario, weeks) cell counts each seed once (a later result for the
 * same seed replaces an earlier one). A tie counts as not above.
 */
export function balanceRows(results: SeedResult[]): BalanceRow[] {
  const cells = new Map<string, Map<number, SeedResult>>();
  for (const r of results) {
    const key = `${r.scenario}|${r.weeks}`;
    if (!cells.has(key)) cells.set(key, new Map());
    cells.get(key)?.set(r.seed, r);
  }
  const rows: BalanceRow[] = [];
  for (const bySeed of cells.values()) {
    const all = [...bySeed.values()];
    const first = all[0];
    if (!first) continue;
    const learners = LEARNERS.filter((l) => all.every((s) => Object.hasOwn(s.bots, l)));
    const aheadOnGap: Record<string, number> = {};
    const aheadOnScore: Record<string, number> = {};
    const nearest: Record<string, string> = {};
    for (const l of learners) {
      let gapWins = 0;
      let scoreWins = 0;
      const notBelow: Record<string, number> = {};
      for (const s of all) {
        const mine = s.bots[l];
        if (!mine) continue;
        const others = Object.entries(s.bots).filter(([n]) => !isLearner(n));
        const overGap = others.filter(([, o]) => o.score - o.par >= mine.score - mine.par).map(([n]) => n);
        const overScore = others.filter(([, o]) => o.score >= mine.score).map(([n]) => n);
        if (overGap.length === 0) gapWins++;
        if (overScore.length === 0) scoreWins++;
        for (const n of new Set([...overGap, ...overScore])) notBelow[n] = (notBelow[n] ?? 0) + 1;
      }
      aheadOnGap[l] = gapWins / all.length;
      aheadOnScore[l] = scoreWins / all.length;
      const worst = Object.entries(notBelow).sort((a, b) => b[1] - a[1])[0];
      nearest[l] = worst ? `${worst[0]} (${worst[1]})` : '—';
    }
    const rounds = all.flatMap((s) => Object.entries(s.bots));
    const unfounded = rounds.filter(([, b]) => !b.learned && b.score > b.par);
    rows.push({
      scenario: first.scenario,
      weeks: first.weeks,
      seeds: all.length,
      aheadOnGap,
      aheadOnScore,
      nearest,
      silentShown: all.filter((s) => (s.bots['learning-first']?.silentSuccesses ?? 0) >= 1).length / all.length,
      overclaims: rounds.filter(([, b]) => b.silentSuccesses > Math.max(0, b.replayIncidents - b.incidents)).length,
      aboveParUnlearned: unfounded.length,
      aboveParUnlearnedBots: [...new Set(unfounded.map(([n]) => n))].sort(),
    });
  }
  return rows.sort((a, b) => a.scenario.localeCompare(b.scenario) || a.weeks - b.weeks);
}

const pct = (x: number | undefined) => `${Math.round((x ?? 0) * 100)}%`;

/** The README's table: for each learner, above every other bot on score − par / on raw score. */
export function markdownTable(rows: BalanceRow[]): string {
  const learners = LEARNERS.filter((l) => rows.some((r) => Object.hasOwn(r.aheadOnGap, l)));
  const head = [
    'scenario',
    'weeks',
    'seeds',
    ...learners.map((l) => `${l} above all (score − par / score)`),
    'learning-first shows a silent success',
    'over-claims',
    'above par, nothing learned',
    'bot nearest a learner',
  ];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const r of rows) {
    const weakest = [...learners].sort((a, b) => (r.aheadOnGap[a] ?? 0) - (r.aheadOnGap[b] ?? 0))[0] ?? '';
    lines.push(
      `| ${[
        r.scenario,
        r.weeks,
        r.seeds,
        ...learners.map((l) => `${pct(r.aheadOnGap[l])} / ${pct(r.aheadOnScore[l])}`),
        pct(r.silentShown),
        r.overclaims,
        r.aboveParUnlearned === 0 ? '0' : `${r.aboveParUnlearned} (${r.aboveParUnlearnedBots.join(', ')})`,
        r.nearest[weakest] && r.nearest[weakest] !== '—' ? `${r.nearest[weakest]} for ${weakest}` : '—',
      ].join(' | ')} |`,
    );
  }
  return lines.join('\n');
}
