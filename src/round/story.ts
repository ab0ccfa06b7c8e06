import { plural } from '../content/words';
import {
  allEventsOf,
  lossWhen,
  MINUTES_PER_WEEK,
  type RoundOutcome,
  roundOutcome,
  type ScoreTerms,
  type SilentReport,
  type Snapshot,
  scoreCard,
  surfacedFactors,
  trustPercent,
  weeksPlayed,
} from '../sim';
import { factorWords } from './factorWords';

/** How the headline reads: good news in green, a warning in amber, a plain fact, or a loss in red. */
export type Tone = 'good' | 'warn' | 'plain' | 'bad';

export interface Story {
  /** How the round ended, or null when the never-learning replay was not there to compare with. */
  outcome: RoundOutcome | null;
  headline: string;
  tone: Tone;
  paragraphs: string[];
  learned: string[];
  changed: string[];
  didNotReturn: string[];
  /** Incidents per week played, here and in the replay (a lost round's later weeks are left out). */
  incidentsByWeek: number[];
  replayByWeek: number[];
}

const weekOf = (t: number) => Math.floor(t / MINUTES_PER_WEEK) + 1;

function byWeek(starts: number[], weeks: number): number[] {
  const out = Array.from({ length: weeks }, () => 0);
  for (const t of starts) {
    const w = Math.floor(t / MINUTES_PER_WEEK);
    if (w < weeks) out[w]! += 1;
  }
  return out;
}

/** The headline follows the outcome: a loss is never told as a success, nor a round without learning as one. */
function headlineOf(
  o: RoundOutcome | null,
  silent: SilentReport | null,
  s: Snapshot,
): { headline: string; tone: Tone } {
  const incidents = silent?.incidents ?? s.totals.incidents;
  const replay = silent?.replayIncidents ?? 0;
  const extra = Math.max(0, incidents - replay);
  const net = silent?.net ?? 0;
  if (o?.loss)
    return {
      headline: `Lost in week ${weekOf(o.loss.at)}: ${o.loss.cause === 'trust' ? 'customers stopped trusting the service' : 'too many people burned out and left'}`,
      tone: 'bad',
    };
  if (o?.outcome === 'learned') {
    if (net > 0) return { headline: `${plural(net, 'incident')} didn't happen`, tone: 'good' };
    return {
      headline: `${plural(o.facts.realFixes.length, 'real weakness', 'real weaknesses')} removed or guarded; ${plural(incidents, 'incident')} against the replay's ${replay}`,
      tone: 'good',
    };
  }
  if (o?.outcome === 'held-the-line')
    return {
      headline: `Held the line: ${plural(incidents, 'incident')} against the replay's ${replay}, no weakness removed`,
      tone: 'warn',
    };
  if (extra > 0) return { headline: `${plural(extra, 'more incident')} than the team that never learns`, tone: 'warn' };
  return { headline: `${plural(incidents, 'incident')}, no better than the team that never learns`, tone: 'plain' };
}

/**
 * The story of the round, told from the world and its never-learning replay: how it ended, what was
 * learned, what changed, what did not come back. Every sentence is read off the world.
 */
export function tellStory(
  s: Snapshot,
  silent: SilentReport | null,
  replayStarts: number[],
  par: ScoreTerms | null = null,
): Story {
  const outcome = silent && par ? roundOutcome(s, par, silent) : null;
  const card = scoreCard(s);
  const svc = (id: string) => s.services[id]?.name ?? id;
  const learned: string[] = [];
  for (const retro of Object.values(s.retros)) {
    if (retro.phase !== 'published') continue;
    const inc = retro.incidentId ? s.incidents[retro.incidentId] : undefined;
    const factors = surfacedFactors(retro);
    if (!inc || factors.length === 0) continue;
    const framing = retro.framing === 'blame' ? 'blaming' : (retro.framing ?? '');
    learned.push(
      `The ${retro.depth ?? 'quick'} ${framing} retro on ${svc(inc.service)} surfaced: ${factors.map((f) => factorWords(s, f, inc.kind).replace(/\.$/, '')).join('; ')}.`,
    );
  }
  const changed = Object.values(s.actionItems)
    .filter((a) => a.status === 'closed')
    .map((a) => `${a.title} (${a.type}, closed in week ${weekOf(a.closedAt ?? 0)}).`);
  const net = silent?.net ?? 0;
  const incidents = silent?.incidents ?? s.totals.incidents;
  const replay = silent?.replayIncidents ?? 0;
  const extra = Math.max(0, incidents - replay);
  // Never claim a success in a round where incidents rose: the attributions are listed only when it is net.
  const didNotReturn =
    net > 0
      ? (silent?.prevented ?? []).map(
          (p) =>
            `${p.serviceName}: a ${p.incident.kind} incident in week ${weekOf(p.incident.startedAt)} did not happen — the ${p.preventedBy.by === 'item' ? 'action item' : 'shared retro'} “${p.preventedBy.title}” had ${p.preventedBy.by === 'item' ? 'closed' : 'spread the lesson'} first.`,
        )
      : [];
  const saved = Math.round(silent?.customerMinutesSaved ?? 0);
  const burnouts = allEventsOf(s).filter((e) => e.type === 'burnout').length;
  const luck = silent?.luck ?? 0;
  const played = weeksPlayed(s);
  const paragraphs = [
    `${s.lost ? `In the ${Math.round((s.lost.at / 1440) * 10) / 10} days before the round was lost (${lossWhen(s.lost.at)})` : `Over ${plural(s.weeks, 'week')}`} at ${s.scenarioName}, ${plural(incidents, 'incident')} paged the team ${plural(s.totals.pages, 'time')} (${s.totals.nightPages} at night). The never-learning organization, on the same luck and facing the same outside fires, had ${replay}.`,
    net > 0
      ? `${plural(net, 'incident')} that hit the other timeline never happened here, because something you learned had already weakened the failure behind ${net === 1 ? 'it' : 'them'} — saving about ${saved} customer-minutes. That is the silent success: nobody gets paged for an outage that does not occur.`
      : extra > 0
        ? 'Incidents went up, not down: no success is claimed. Learning takes time to pay back; closing the right action items is what stops a failure from coming back.'
        : 'No incident was prevented by what was learned: closing the right action items is what stops a failure from coming back.',
    luck > 0
      ? `${plural(luck, 'other difference')} between the timelines came from luck and timing, with nothing of yours behind ${luck === 1 ? 'it' : 'them'}: not counted as a success.`
      : '',
    `Score ${Math.round(card.score)}${par ? ` against a par of ${Math.round(par.score)} (the never-learning organization on the same luck): ${Math.round(card.score) - Math.round(par.score) >= 0 ? `${Math.round(card.score) - Math.round(par.score)} ahead` : `${Math.round(par.score) - Math.round(card.score)} behind`}` : ''}. The dashboard says ${card.dashboard.nines.toFixed(2)} nines. What actually matters: ${plural(card.learning.actionItemsClosed, 'action item')} closed (${outcome ? `${outcome.facts.realFixes.length} on real weaknesses` : 'none counted yet'}), ${plural(card.learning.nearMissesReported, 'near miss', 'near misses')} reported, ${card.learning.servicesWithBusFactor2} of ${s.serviceOrder.length} services that two or more people can handle, ${plural(burnouts, 'burnout')}, customer trust ${trustPercent(s.customerTrust)}, and ${Math.round(s.totals.businessValue)} hours of feature value shipped.`,
  ].filter(Boolean);
  return {
    outcome,
    ...headlineOf(outcome, silent, s),
    paragraphs,
    learned,
    changed,
    didNotReturn,
    incidentsByWeek: byWeek(
      s.incidentOrder.filter((id) => !s.incidents[id]?.prior).map((id) => s.incidents[id]?.startedAt ?? 0),
      played,
    ),
    replayByWeek: byWeek(replayStarts, played),
  };
}

const list = (items: string[], empty: string) => (items.length ? items.map((i) => `- ${i}`).join('\n') : `- ${empty}`);

/** How the round ended, first: the outcome and why, and for a lost round what would have prevented it. */
function endingMarkdown(story: Story): string {
  const o = story.outcome;
  if (!o) return '**No outcome:** the never-learning replay was not there to compare with.';
  const lines = [`**${o.title}.** ${o.reason}`];
  if (o.loss)
    lines.push('', '**What would have prevented it**', list(o.loss.wouldHavePrevented, 'Nothing in the round says.'));
  return lines.join('\n');
}

export function storyMarkdown(s: Snapshot, story: Story): string {
  const card = scoreCard(s);
  const rows = story.incidentsByWeek.map((n, i) => `| ${i + 1} | ${n} | ${story.replayByWeek[i] ?? 0} |`).join('\n');
  const played = story.incidentsByWeek.length;
  return `# Firepants — ${s.scenarioName}, seed ${s.seed}

${endingMarkdown(story)}

## ${story.headline}

${story.paragraphs.join('\n\n')}

## What was learned
${list(story.learned, 'No retro was published.')}

## What changed
${list(story.changed, 'No action item was closed.')}

## Failures that did not return
${list(story.didNotReturn, 'None attributed to a closed action item yet.')}

## Incidents per week${played < s.weeks ? ` (${played} of ${s.weeks} played)` : ''}

| week | this round | never-learning replay |
|---|---|---|
${rows}

## Scores

| What the dashboard says (not scored) | |
|---|---|
| availability | ${(card.dashboard.availability * 100).toFixed(3)}% (${card.dashboard.nines.toFixed(2)} nines) |
| resolve time, median / p90 (misleading) | ${card.dashboard.medianResolve ?? '–'} / ${card.dashboard.p90Resolve ?? '–'} min |

| What actually matters | points |
|---|---|
| learning | ${card.learning.points.toFixed(1)} |
| sustainability | ${card.sustainability.points.toFixed(1)} |
| customers and business | ${card.customers.points.toFixed(1)} |
| **score** | **${card.score.toFixed(1)}** |
| customer trust | ${trustPercent(s.customerTrust)} |
`;
}
