import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/headless/report';
import { storyMarkdown, tellStory } from '../../src/round/story';
import {
  allEventsOf,
  MINUTES_PER_WEEK,
  OUTCOME_TITLES,
  type Policy,
  policies,
  type Scenario,
  type Snapshot,
  scoreCard,
  surfacedFactors,
} from '../../src/sim';
import { scenario } from '../sim/fixtures';
import { playAtTable } from './playAtTable';

/**
 * Every claim the end report and its Markdown make, read back against the two worlds they were told from:
 * the round's and its never-learning replay's. Numbers are parsed out of the words, then counted again
 * from the worlds' own records (incidents, items, conditions, events, trust), never from the story.
 */

type Inc = Snapshot['incidents'][string];
const incidentsOf = (s: Snapshot): Inc[] =>
  s.incidentOrder.map((id) => s.incidents[id]).filter((i): i is Inc => !!i && !i.prior && i.startedAt <= s.now);
const closedItems = (s: Snapshot) => Object.values(s.actionItems).filter((a) => a.status === 'closed');
const weekOf = (t: number) => Math.floor(t / MINUTES_PER_WEEK) + 1;
const trustShown = (t: number) => `${Math.floor(t * 100 + 1e-9)}%`;
const num = (text: string, pattern: RegExp): number[] => {
  const m = text.match(pattern);
  if (!m) throw new Error(`"${pattern}" not found in: ${text}`);
  return m.slice(1).map(Number);
};

/** Items whose closing lowered a weakness the system had (not staged, not bought with a push). */
function fixesOnRealWeaknesses(s: Snapshot): number {
  const items = new Set<string>();
  for (const c of Object.values(s.conditions)) {
    if (c.origin !== 'scenario' && c.origin !== 'deploy') continue;
    for (const w of c.weakened ?? []) if (w.by === 'item' && w.strengthAfter < w.strengthBefore) items.add(w.id);
  }
  return items.size;
}

/** Replay incidents with no twin here whose condition a change of ours had weakened before they fired. */
function preventedFromWorlds(ours: Snapshot, replay: Snapshot): number {
  const mine = incidentsOf(ours);
  const used = new Set<string>();
  let prevented = 0;
  for (const inc of incidentsOf(replay)) {
    const twin = mine.find(
      (m) => !used.has(m.id) && m.conditionId === inc.conditionId && Math.abs(m.startedAt - inc.startedAt) <= 360,
    );
    if (twin) {
      used.add(twin.id);
      continue;
    }
    const changes = ours.conditions[inc.conditionId]?.weakened ?? [];
    if (changes.some((c) => c.at <= inc.startedAt && c.strengthAfter < c.strengthBefore)) prevented += 1;
  }
  return prevented;
}

function checkRound(where: Scenario, seed: number, weeks: number, botName: string, bot: Policy): string {
  const { ours, ghost, replayStarts } = playAtTable(where, seed, weeks, bot);
  const replay = ghost.world;
  const label = `${botName} on ${where.id} seed ${seed}, ${weeks} week(s)`;
  const story = tellStory(ours, ghost.report, replayStarts, ghost.parTerms);
  const md = storyMarkdown(ours, story);
  const summary = summarize(where, ours as never, botName, replay as never);
  const o = story.outcome;
  if (!o) throw new Error(`${label}: no outcome`);

  // The outcome, decided again from the worlds.
  const mine = scoreCard(ours);
  const theirs = scoreCard(replay);
  const lead = mine.score - theirs.score;
  const learningLead = mine.learning.points - theirs.learning.points;
  const fixes = fixesOnRealWeaknesses(ours);
  const prevented = preventedFromWorlds(ours, replay);
  const expected = ours.lost
    ? 'lost'
    : lead <= 0
      ? 'survived'
      : learningLead > 0 && (fixes > 0 || prevented > 0)
        ? 'learned'
        : 'held-the-line';
  expect(o.outcome, label).toBe(expected);
  expect(summary.outcome, label).toBe(expected);
  if (closedItems(ours).length === 0 && prevented === 0) expect(o.outcome, label).not.toBe('learned');
  expect(o.facts.realFixes.length, label).toBe(fixes);
  expect(o.facts.prevented, label).toBe(prevented);

  // The ending leads the Markdown, the summary and the JSON.
  const lead1 = md.split('\n\n')[1] ?? '';
  expect(lead1.startsWith(`**${OUTCOME_TITLES[o.outcome]}.** ${o.reason}`), label).toBe(true);
  expect(Object.keys(summary)[0]).toBe('outcome');
  expect(summary.outcomeReason).toBe(o.reason);

  // The headline follows the outcome.
  if (o.outcome === 'lost') {
    const at = ours.lost?.at ?? -1;
    expect(story.headline, label).toMatch(new RegExp(`^Lost in week ${weekOf(at)}: `));
    expect(story.tone).toBe('bad');
    expect(o.reason).toBe(ours.lost?.reason);
    expect(summary.lostAt).toBe(at);
    expect(summary.lostBecause).toBe(ours.lost?.cause);
    expect(md.indexOf('**What would have prevented it**')).toBeGreaterThan(0);
    expect(md.indexOf('**What would have prevented it**')).toBeLessThan(md.indexOf(`## ${story.headline}`));
    expect(summary.wouldHavePrevented).toEqual(o.loss?.wouldHavePrevented);
    checkLoss(ours, o.loss?.wouldHavePrevented ?? [], label);
  } else {
    expect(md).not.toContain('What would have prevented it');
    expect(summary.lostAt).toBeNull();
  }
  expect(story.tone === 'good', label).toBe(o.outcome === 'learned');
  const here = incidentsOf(ours).length;
  const there = incidentsOf(replay).length;
  const net = ghost.report.net;
  if (story.headline.includes("didn't happen"))
    expect(num(story.headline, /^(\d+) incidents? didn't happen/)[0]).toBe(net);
  if (story.headline.includes('more incident'))
    expect(num(story.headline, /^(\d+) more incidents?/)[0]).toBe(here - there);

  // The first paragraph: incidents, pages and nights here, incidents there.
  const [p1 = '', p2 = ''] = story.paragraphs;
  const [count, pages, nights] = num(p1, /, (\d+) incidents? paged the team (\d+) times? \((\d+) at night\)/);
  expect([count, pages, nights], label).toEqual([here, ours.totals.pages, ours.totals.nightPages]);
  expect(num(p1, /had (\d+)\.$/)[0], label).toBe(there);
  if (net > 0) expect(num(p2, /^(\d+) incidents? that hit the other timeline/)[0]).toBe(net);
  else expect(p2).not.toMatch(/never happened here/);

  // The score paragraph: items, trust, score against par, and its arithmetic.
  const last = story.paragraphs[story.paragraphs.length - 1] ?? '';
  const [closed, real] = num(last, /(\d+) action items? closed \((\d+) on real weaknesses\)/);
  expect([closed, real], label).toEqual([closedItems(ours).length, fixes]);
  expect(last).toContain(`customer trust ${trustShown(ours.customerTrust)}`);
  const [score, par, diff] = num(last, /^Score (-?\d+) against a par of (-?\d+) .*?: (\d+) (?:ahead|behind)/);
  // Rounded as shown: "-0" reads "0".
  expect(score).toBe(Math.round(mine.score) + 0);
  expect(par).toBe(Math.round(theirs.score) + 0);
  expect(diff).toBe(Math.abs((score ?? 0) - (par ?? 0)));
  expect(md).toContain(`| customer trust | ${trustShown(ours.customerTrust)} |`);
  if (ours.lost?.cause === 'trust') expect(ours.lost.reason).toContain(`down to ${trustShown(ours.customerTrust)}`);

  // Incidents per week: the weeks played, no more, each counted from the worlds.
  const played = ours.lost ? weekOf(ours.lost.at) : ours.weeks;
  const rows = md.split('\n').filter((l) => /^\| \d+ \| \d+ \| \d+ \|$/.test(l));
  expect(rows.length, label).toBe(played);
  rows.forEach((row, w) => {
    const [week, a, b] = num(row, /^\| (\d+) \| (\d+) \| (\d+) \|$/);
    expect(week).toBe(w + 1);
    expect(a, `${label}, week ${w + 1} here`).toBe(
      incidentsOf(ours).filter((i) => weekOf(i.startedAt) === w + 1).length,
    );
    expect(b, `${label}, week ${w + 1} there`).toBe(
      incidentsOf(replay).filter((i) => weekOf(i.startedAt) === w + 1).length,
    );
  });
  expect(summary.incidentsByWeek.length).toBe(played);
  expect(summary.incidentsByWeek.reduce((x, y) => x + y, 0)).toBe(here);

  // What changed: one line per closed item, each one closed in the week it says.
  expect(story.changed.length).toBe(closedItems(ours).length);
  for (const line of story.changed) {
    const [w] = num(line, /closed in week (\d+)\)\.$/);
    expect(
      closedItems(ours).some((a) => line.startsWith(`${a.title} (${a.type},`) && weekOf(a.closedAt ?? -1) === w),
      `${label}: ${line}`,
    ).toBe(true);
  }
  // What did not return: only when net, each a replay incident whose condition the named change had weakened first.
  if (net === 0) expect(story.didNotReturn).toEqual([]);
  for (const line of story.didNotReturn) {
    const title = line.match(/“(.+)”/)?.[1] ?? '';
    const [w] = num(line, / incident in week (\d+) did not happen/);
    const hit = incidentsOf(replay).some(
      (inc) =>
        weekOf(inc.startedAt) === w &&
        (ours.conditions[inc.conditionId]?.weakened ?? []).some((c) => c.title === title && c.at <= inc.startedAt),
    );
    expect(hit, `${label}: ${line}`).toBe(true);
  }
  // What was learned: one line per published retro that surfaced something, in order; a weakness is said to be
  // nothing real only when it was made up.
  const reviewed = Object.values(ours.retros).filter((r) => {
    const inc = r.incidentId ? ours.incidents[r.incidentId] : undefined;
    return r.phase === 'published' && inc && surfacedFactors(r).length > 0;
  });
  expect(story.learned.length, label).toBe(reviewed.length);
  reviewed.forEach((retro, k) => {
    const inc = ours.incidents[retro.incidentId ?? ''] as Inc;
    const line = story.learned[k] ?? '';
    expect(line, label).toContain(` retro on ${ours.services[inc.service]?.name} surfaced: `);
    const made = ours.conditions[inc.conditionId]?.origin === 'injected';
    const saysNothing = line.includes('nothing real to remove');
    const aboutIt = surfacedFactors(retro).some((f) => f.key === 'condition');
    expect(saysNothing, `${label}: ${line}`).toBe(aboutIt && made);
  });
  return o.outcome;
}

/** The levers a lost round names, each number counted again from the world's incidents, events and totals. */
function checkLoss(s: Snapshot, levers: string[], label: string): void {
  const all = incidentsOf(s);
  for (const lever of levers) {
    const at = `${label}: ${lever}`;
    if (lever.startsWith('Answer the pages')) {
      const [k, n] = num(lever, /: (\d+) of (\d+) incidents? (?:was|were) never mitigated/);
      expect([k, n], at).toEqual([all.filter((i) => i.mitigatedAt === null).length, all.length]);
      const unanswered = all.filter((i) => i.pagedAt !== null && i.ackAt === null).length;
      if (unanswered > 0) expect(num(lever, /\((\d+) pages? never answered\)/)[0], at).toBe(unanswered);
      else expect(lever).not.toContain('never answered');
    } else if (lever.startsWith('Tell customers')) {
      const [k, n] = num(lever, /: (\d+) of (\d+) incidents? had no status update/);
      const untold = all.filter((i) => i.customerMinutes > 0 && i.statusUpdates === 0 && !i.roles.comms).length;
      expect([k, n], at).toEqual([untold, all.length]);
    } else if (lever.startsWith('Alert before customers')) {
      const [k, n] = num(lever, /customers found (\d+) of (\d+) incidents? first/);
      expect([k, n], at).toEqual([all.filter((i) => i.detectedBy !== 'alert').length, all.length]);
    } else if (lever.startsWith('Close an item')) {
      const [times] = num(lever, /burned (\d+) times/);
      const counts = new Map<string, number>();
      for (const i of all) counts.set(i.conditionId, (counts.get(i.conditionId) ?? 0) + 1);
      expect([...counts.values()], at).toContain(times);
    } else if (lever.startsWith('Spread the pages')) {
      const [took, total] = num(lever, /took (\d+) of the round's (\d+)/);
      expect(total, at).toBe(s.totals.pages);
      expect(took, at).toBeGreaterThanOrEqual(0.4 * (total ?? 0));
    } else if (lever.startsWith('Keep shifts')) {
      const [k, n] = num(lever, /: (\d+) of (\d+) team shifts?/);
      expect([k, n], at).toEqual([s.totals.shiftsCounted - s.totals.shiftsWithinBudget, s.totals.shiftsCounted]);
    } else if (lever.startsWith('Fewer pages at night')) {
      const [k, n] = num(lever, /: (\d+) of (\d+) pages?/);
      expect([k, n], at).toEqual([s.totals.nightPages, s.totals.pages]);
    } else if (lever.startsWith('Rotate') || lever.startsWith('Share the load')) {
      // Each person who left, named with their pages and weeks on call in a row, counted from the events.
      const events = allEventsOf(s);
      const left = events.flatMap((e) => (e.type === 'burnout' ? [e.engineer] : []));
      const rang = (id: string) =>
        events.filter(
          (e) =>
            (e.type === 'paged' && e.engineer === id) ||
            (e.type === 'escalated' && e.reason === 'timeout' && e.engineer === id) ||
            (e.type === 'team-pulled-in' && e.via === 'spread' && e.engineer === id),
        ).length;
      expect(lever.match(/\d+ pages?\)/g)?.length, at).toBe(left.length);
      for (const id of left) {
        const e = s.engineers[id];
        const weeks = e?.onCallWeeksInRow ?? 0;
        const pages = rang(id);
        expect(lever, at).toContain(
          `${e?.name} of ${s.teams[e?.team ?? '']?.name} (${weeks > 1 ? `${weeks} weeks on call in a row, ` : ''}${pages} page${pages === 1 ? '' : 's'})`,
        );
      }
    } else if (lever.startsWith('Stop blaming')) {
      expect(num(lever, /: (\d+) retros? named a person/)[0], at).toBe(
        Object.values(s.retros).filter((r) => r.framing === 'blame').length,
      );
    } else throw new Error(`${at}: a lever this test does not know how to check`);
  }
}

type Where = 'platform' | 'startup' | 'scaleup';
const BOTS = Object.keys(policies).sort();

/**
 * Every bot on each of these rounds, each claim checked. The rounds are split over two files that run side by side;
 * each covers at least `atLeastRounds` rounds and every outcome, and the two together more than 200.
 */
export function reportIsTrueOver(
  title: string,
  rounds: [Where, number, number][],
  atLeastRounds: number,
  also: (seen: Map<string, number>) => void = () => {},
): void {
  describe(`every claim of the end report agrees with the worlds it was told from: ${title}`, () => {
    const seen = new Map<string, number>();
    it.each(rounds)('%s, seed %i, %i week(s): every bot', (where, seed, weeks) => {
      for (const name of BOTS) {
        const ended = checkRound(scenario(where), seed, weeks, name, policies[name] as Policy);
        seen.set(ended, (seen.get(ended) ?? 0) + 1);
      }
    });

    also(seen);

    it(`covered at least ${atLeastRounds} rounds, and every outcome`, () => {
      const total = [...seen.values()].reduce((a, b) => a + b, 0);
      expect(total).toBeGreaterThanOrEqual(atLeastRounds);
      for (const outcome of ['learned', 'held-the-line', 'survived', 'lost'])
        expect(seen.get(outcome) ?? 0, outcome).toBeGreaterThan(0);
    });
  });
}

/** A table whose people burn out: the people-loss account agrees with the world. */
export function peopleLossIsTrue(seen: Map<string, number>): void {
  it('a table whose people burn out: the people-loss account agrees with the world', () => {
    const ended = checkRound(scenario('platform'), 1, 13, 'hero-on-call', policies['hero-on-call'] as Policy);
    expect(ended).toBe('lost');
    seen.set(ended, (seen.get(ended) ?? 0) + 1);
  });
}
