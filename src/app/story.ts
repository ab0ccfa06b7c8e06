import { allEventsOf, MINUTES_PER_WEEK, type SilentReport, type Snapshot, scoreCard, surfacedFactors } from '../sim';
import { plural } from './words';

export interface Story {
  headline: string;
  paragraphs: string[];
  learned: string[];
  changed: string[];
  didNotReturn: string[];
  incidentsByWeek: number[];
  replayByWeek: number[];
}

function byWeek(starts: number[], weeks: number): number[] {
  const out = Array.from({ length: weeks }, () => 0);
  for (const t of starts) out[Math.min(weeks - 1, Math.floor(t / MINUTES_PER_WEEK))]! += 1;
  return out;
}

/** The story of the round, told from the event log: what was learned, what changed, what did not come back. */
export function tellStory(s: Snapshot, silent: SilentReport | null, replayStarts: number[]): Story {
  const card = scoreCard(s);
  const svc = (id: string) => s.services[id]?.name ?? id;
  const learned: string[] = [];
  for (const retro of Object.values(s.retros)) {
    if (retro.phase !== 'published') continue;
    const inc = retro.incidentId ? s.incidents[retro.incidentId] : undefined;
    const factors = surfacedFactors(retro);
    if (!inc || factors.length === 0) continue;
    learned.push(
      `The ${retro.depth ?? 'quick'} ${retro.framing ?? ''} retro on ${svc(inc.service)} surfaced: ${factors.map((f) => f.text.replace(/\.$/, '')).join('; ')}.`,
    );
  }
  const changed = Object.values(s.actionItems)
    .filter((a) => a.status === 'closed')
    .map((a) => `${a.title} (${a.type}, closed in week ${Math.floor((a.closedAt ?? 0) / MINUTES_PER_WEEK) + 1}).`);
  const didNotReturn = (silent?.prevented ?? [])
    .filter((p) => p.preventedBy)
    .map(
      (p) =>
        `${p.serviceName}: a ${p.incident.kind} incident in week ${Math.floor(p.incident.startedAt / MINUTES_PER_WEEK) + 1} did not happen — prevented by “${p.preventedBy?.title}”.`,
    );
  const prevented = silent?.prevented.length ?? 0;
  const saved = Math.round(silent?.customerMinutesSaved ?? 0);
  const burnouts = allEventsOf(s).filter((e) => e.type === 'burnout').length;
  const headline =
    prevented > 0
      ? `${prevented} incident${prevented === 1 ? '' : 's'} didn't happen`
      : `${s.totals.incidents} incident${s.totals.incidents === 1 ? '' : 's'}, ${card.learning.actionItemsClosed} lesson${card.learning.actionItemsClosed === 1 ? '' : 's'} made to stick`;
  const paragraphs = [
    `Over ${s.weeks} week${s.weeks === 1 ? '' : 's'} at ${s.scenarioName}, ${s.totals.incidents} incident${s.totals.incidents === 1 ? '' : 's'} paged the team ${s.totals.pages} time${s.totals.pages === 1 ? '' : 's'} (${s.totals.nightPages} at night). The never-learning replay of the same luck had ${silent?.replayIncidents ?? '?'}.`,
    prevented > 0
      ? `${plural(prevented, 'incident')} that hit the replay never happened here, saving about ${saved} customer-minutes. That is the silent success: nobody gets paged for an outage that does not occur.`
      : 'No incident was prevented yet: learning takes time to pay back, and closing action items is what makes it stick.',
    `The dashboard says ${card.dashboard.nines.toFixed(2)} nines. What actually matters: ${plural(card.learning.factorsSurfaced, 'contributing factor')} surfaced, ${plural(card.learning.actionItemsClosed, 'action item')} closed, ${plural(card.learning.nearMissesReported, 'near miss', 'near misses')} reported, ${card.learning.servicesWithBusFactor2} of ${s.serviceOrder.length} services that two or more people can handle, ${plural(burnouts, 'burnout')}, customer trust ${Math.round(s.customerTrust * 100)}%, and ${plural(Math.round(s.totals.businessValue), 'hour')} of feature value shipped.`,
  ];
  return {
    headline,
    paragraphs,
    learned,
    changed,
    didNotReturn,
    incidentsByWeek: byWeek(
      s.incidentOrder.map((id) => s.incidents[id]?.startedAt ?? 0),
      s.weeks,
    ),
    replayByWeek: byWeek(replayStarts, s.weeks),
  };
}

const list = (items: string[], empty: string) => (items.length ? items.map((i) => `- ${i}`).join('\n') : `- ${empty}`);

export function storyMarkdown(s: Snapshot, story: Story): string {
  const card = scoreCard(s);
  const rows = story.incidentsByWeek.map((n, i) => `| ${i + 1} | ${n} | ${story.replayByWeek[i] ?? 0} |`).join('\n');
  return `# Firepants — ${s.scenarioName}, seed ${s.seed}

## ${story.headline}

${story.paragraphs.join('\n\n')}

## What was learned
${list(story.learned, 'No retro was published.')}

## What changed
${list(story.changed, 'No action item was closed.')}

## Failures that did not return
${list(story.didNotReturn, 'None attributed to a closed action item yet.')}

## Incidents per week

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
`;
}
