import { allEventsOf, MINUTES_PER_WEEK, type SilentReport, type Snapshot, scoreCard, surfacedFactors } from '../sim';

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
export function tellStory(s: Snapshot, silent: SilentReport | null, replayStarts: number[], par = 0): Story {
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
  const net = silent?.net ?? 0;
  const incidents = silent?.incidents ?? s.totals.incidents;
  const replay = silent?.replayIncidents ?? 0;
  const extra = Math.max(0, incidents - replay);
  // Never claim a success in a round where incidents rose: the attributions are listed only when it is net.
  const didNotReturn =
    net > 0
      ? (silent?.prevented ?? []).map(
          (p) =>
            `${p.serviceName}: a ${p.incident.kind} incident in week ${Math.floor(p.incident.startedAt / MINUTES_PER_WEEK) + 1} did not happen — the ${p.preventedBy.by === 'item' ? 'action item' : 'shared retro'} “${p.preventedBy.title}” had ${p.preventedBy.by === 'item' ? 'closed' : 'spread the lesson'} first.`,
        )
      : [];
  const saved = Math.round(silent?.customerMinutesSaved ?? 0);
  const burnouts = allEventsOf(s).filter((e) => e.type === 'burnout').length;
  const diff = Math.round(card.score - par);
  const headline =
    net > 0
      ? `${net} incident${net === 1 ? '' : 's'} didn't happen${extra > 0 ? `; ${extra} happened that the other team didn't have` : ''}`
      : extra > 0
        ? `${extra} more incident${extra === 1 ? '' : 's'} than the team that never learns`
        : `${incidents} incident${incidents === 1 ? '' : 's'}, ${card.learning.actionItemsClosed} lesson${card.learning.actionItemsClosed === 1 ? '' : 's'} made to stick`;
  const luck = silent?.luck ?? 0;
  const paragraphs = [
    `${s.lost ? `In the ${Math.round((s.lost.at / 1440) * 10) / 10} days before the round was lost` : `Over ${s.weeks} week${s.weeks === 1 ? '' : 's'}`} at ${s.scenarioName}, ${incidents} incident${incidents === 1 ? '' : 's'} paged the team ${s.totals.pages} time${s.totals.pages === 1 ? '' : 's'} (${s.totals.nightPages} at night). The never-learning organization, on the same luck and facing the same outside fires, had ${replay}.`,
    net > 0
      ? `${net} incident${net === 1 ? '' : 's'} that hit the other timeline never happened here, because something you learned had already weakened the failure behind ${net === 1 ? 'it' : 'them'} — saving about ${saved} customer-minutes. That is the silent success: nobody gets paged for an outage that does not occur.`
      : extra > 0
        ? 'Incidents went up, not down: no success is claimed. Learning takes time to pay back; closing the right action items is what stops a failure from coming back.'
        : 'No incident was prevented by what was learned yet: closing the right action items is what stops a failure from coming back.',
    luck > 0
      ? `${luck} other difference${luck === 1 ? '' : 's'} between the timelines came from luck and timing, with nothing of yours behind ${luck === 1 ? 'it' : 'them'}: not counted as a success.`
      : '',
    `Score ${Math.round(card.score)} against a par of ${Math.round(par)} (the never-learning organization on the same luck): ${diff >= 0 ? `${diff} ahead` : `${-diff} behind`}. The dashboard says ${card.dashboard.nines.toFixed(2)} nines. What actually matters: ${card.learning.actionItemsClosed} action items closed, ${card.learning.nearMissesReported} near misses reported, ${card.learning.servicesWithBusFactor2} of ${s.serviceOrder.length} services that two or more people can handle, ${burnouts} burnout${burnouts === 1 ? '' : 's'}, customer trust ${Math.round(s.customerTrust * 100)}%, and ${Math.round(s.totals.businessValue)} hours of feature value shipped.`,
  ].filter(Boolean);
  return {
    headline,
    paragraphs,
    learned,
    changed,
    didNotReturn,
    incidentsByWeek: byWeek(
      s.incidentOrder.filter((id) => !s.incidents[id]?.prior).map((id) => s.incidents[id]?.startedAt ?? 0),
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
