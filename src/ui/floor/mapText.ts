import type { StoreView } from '../../app/store';
import { busFactor, isNight, localTime, onCall, pagerTeams } from '../../sim';
import { h, render } from '../kit/dom';

/**
 * The map told in words, for screen readers: every service with its owner, its state and what it needs, and every
 * person with their team, pager and whether they are asleep or tired. Redrawn with the panels; not a live region,
 * so it is read when visited, not announced on every change.
 */
export function renderMapText(el: HTMLElement, view: StoreView): void {
  const s = view.snapshot;
  if (!s) {
    render(el);
    return;
  }
  const burning = new Map<string, number>();
  const recovering = new Set<string>();
  for (const id of s.openIncidents) {
    const inc = s.incidents[id];
    if (!inc || inc.phase === 'undetected') continue;
    for (const svc of inc.affected) {
      if (inc.phase === 'mitigated') recovering.add(svc);
      else burning.set(svc, Math.min(burning.get(svc) ?? 9, inc.sev));
    }
  }
  const ghost = new Set(view.ghost?.burning ?? []);
  const saved = new Set(
    (view.silent?.prevented ?? []).filter((p) => s.now - p.incident.startedAt < 8 * 60).map((p) => p.incident.service),
  );
  const services = s.serviceOrder.map((id) => {
    const svc = s.services[id];
    if (!svc) return null;
    const sev = burning.get(id);
    const state = sev ? `on fire, SEV${sev}` : recovering.has(id) ? 'recovering' : 'calm';
    const needs = svc.dependsOn.map((d) => s.services[d]?.name ?? d);
    const other = saved.has(id)
      ? '; its fire in the other timeline did not happen here'
      : ghost.has(id)
        ? '; burning in the other timeline'
        : '';
    return h(
      'li',
      {},
      `${svc.name} (${s.teams[svc.team]?.name ?? svc.team}): ${state}; bus factor ${busFactor(s, id)}` +
        (needs.length ? `; needs ${needs.join(', ')}` : '') +
        other,
    );
  });
  const carriers = new Set(pagerTeams(s));
  const busy = new Set(s.openIncidents.flatMap((id) => s.incidents[id]?.responders ?? []));
  const teams = s.teamOrder.map((teamId) => {
    const crew = carriers.has(teamId) ? onCall(s, teamId, s.now) : {};
    const people = s.engineerOrder
      .map((id) => s.engineers[id])
      .filter((e) => e?.team === teamId)
      .map((e) => {
        if (!e) return '';
        if (e.status === 'left') return `${e.name} (left)`;
        const notes = [
          crew.primary?.id === e.id ? 'primary on call' : crew.secondary?.id === e.id ? 'secondary on call' : '',
          busy.has(e.id) ? 'responding' : isNight(localTime(s, e.id, s.now)) ? 'asleep' : '',
          `tired ${Math.round(e.fatigue * 100)}%`,
        ].filter(Boolean);
        return `${e.name} (${notes.join(', ')})`;
      });
    const name = s.teams[teamId]?.name ?? teamId;
    return h('li', {}, `${name}${carriers.has(teamId) ? ', carries pagers' : ''}: ${people.join('; ')}`);
  });
  render(
    el,
    h('h2', {}, 'The map in words'),
    h('h3', {}, 'Services'),
    h('ul', { 'data-testid': 'map-services' }, ...services),
    h('h3', {}, 'People'),
    h('ul', { 'data-testid': 'map-people' }, ...teams),
  );
}
