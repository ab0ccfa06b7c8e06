import type { SilentReport } from './counterfactual';
import { type LossAccount, lossAccount } from './lossAccount';
import type { Snapshot } from './model/snapshot';
import { type RealFix, realFixes } from './realFixes';
import { scoreCard } from './rules/scoring';

export const OUTCOMES = ['learned', 'held-the-line', 'survived', 'lost'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** What each outcome is called on the page, in the Markdown and in the headless summary. */
export const OUTCOME_TITLES: Record<Outcome, string> = {
  learned: 'Learned',
  'held-the-line': 'Held the line',
  survived: 'Survived',
  lost: 'Lost',
};

/** A world's score and the three terms it is made of, with the harm customers felt. */
export interface ScoreTerms {
  score: number;
  learning: number;
  sustainability: number;
  customers: number;
  customerMinutes: number;
}

export function scoreTerms(s: Snapshot): ScoreTerms {
  const card = scoreCard(s);
  return {
    score: card.score,
    learning: card.learning.points,
    sustainability: card.sustainability.points,
    customers: card.customers.points,
    customerMinutes: s.totals.customerMinutes,
  };
}

/** The facts an outcome is decided on and told from. */
export interface OutcomeFacts {
  score: number;
  par: number;
  /** Score minus par, and each term's part of it. */
  lead: number;
  learningLead: number;
  customersLead: number;
  sustainabilityLead: number;
  /** Incidents of the never-learning replay that did not happen here because a named change had weakened their condition. */
  prevented: number;
  /** Items closed on real weaknesses (not staged for a rehearsal, not bought with a feature push). */
  realFixes: RealFix[];
  incidents: number;
  replayIncidents: number;
  customerMinutes: number;
  parCustomerMinutes: number;
}

export interface RoundOutcome {
  outcome: Outcome;
  title: string;
  /** Why, in one paragraph with the round's numbers. */
  reason: string;
  facts: OutcomeFacts;
  /** For a lost round: when, why, and what would have prevented it. */
  loss: LossAccount | null;
}

/** Points as the report writes them: to one decimal ("155.6"). */
export const pointsText = (x: number) => String(Math.round(x * 10) / 10);
/** A lead in points, signed, to one decimal ("+5.4", "-2", "0"). */
export const leadText = (x: number) => (Math.round(x * 10) / 10 > 0 ? `+${pointsText(x)}` : pointsText(x));
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function termsText(f: OutcomeFacts): string {
  return `learning ${leadText(f.learningLead)}, customers and business ${leadText(f.customersLead)}, sustainability ${leadText(f.sustainabilityLead)}`;
}

function versusText(f: OutcomeFacts): string {
  return `${plural(f.incidents, 'incident')} against the replay's ${f.replayIncidents}, ${Math.round(f.customerMinutes)} customer-minutes against ${Math.round(f.parCustomerMinutes)}`;
}

function learnedText(f: OutcomeFacts): string {
  const parts = [
    f.prevented > 0 ? `${plural(f.prevented, 'incident')} prevented that the never-learning team had` : '',
    f.realFixes.length > 0 ? `${plural(f.realFixes.length, 'item')} closed on real weaknesses` : '',
  ].filter(Boolean);
  return parts.join(' and ');
}

/**
 * How the round ended, named for what happened in the world:
 * - lost: customers' trust collapsed or too many people left (the loss, its reason and what would have prevented it);
 * - learned: came through above par, the learning terms are part of the lead, and at least one incident was
 *   prevented by a named change or one item closed on a real weakness;
 * - held the line: came through above par without learning that lasts (said so, with the numbers);
 * - survived: came through, no better than par.
 */
export function roundOutcome(ours: Snapshot, par: ScoreTerms, silent: SilentReport): RoundOutcome {
  const mine = scoreTerms(ours);
  const facts: OutcomeFacts = {
    score: mine.score,
    par: par.score,
    lead: mine.score - par.score,
    learningLead: mine.learning - par.learning,
    customersLead: mine.customers - par.customers,
    sustainabilityLead: mine.sustainability - par.sustainability,
    prevented: silent.prevented.length,
    realFixes: realFixes(ours),
    incidents: silent.incidents,
    replayIncidents: silent.replayIncidents,
    customerMinutes: mine.customerMinutes,
    parCustomerMinutes: par.customerMinutes,
  };
  const loss = lossAccount(ours);
  const said = (outcome: Outcome, reason: string): RoundOutcome => ({
    outcome,
    title: OUTCOME_TITLES[outcome],
    reason,
    facts,
    loss,
  });
  if (loss) return said('lost', loss.reason);
  const versus = `${pointsText(facts.score)} against par ${pointsText(facts.par)} (${termsText(facts)})`;
  const learnedSomething = facts.prevented > 0 || facts.realFixes.length > 0;
  if (facts.lead <= 0) {
    const tried = learnedSomething ? ` What it learned (${learnedText(facts)}) did not make up for the rest.` : '';
    return said(
      'survived',
      `The organization came through, but scored no better than the team that never learns: ${versus}; ${versusText(facts)}.${tried}`,
    );
  }
  if (learnedSomething && facts.learningLead > 0)
    return said('learned', `The organization learned: ${learnedText(facts)}. Score ${versus}.`);
  if (!learnedSomething)
    return said(
      'held-the-line',
      `The organization came out ahead of the team that never learns, but closed no item on a real weakness and prevented no incident. Score ${versus}; ${versusText(facts)}.`,
    );
  return said(
    'held-the-line',
    `The organization came out ahead of the team that never learns, but not by learning: it learned something (${learnedText(facts)}), yet its learning terms ended ${leadText(facts.learningLead)} against par's. Score ${versus}; ${versusText(facts)}.`,
  );
}
