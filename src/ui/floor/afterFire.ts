import type { GameStore, StoreView } from '../../app/store';
import { busFactor, CONDITION_KINDS, commandRegistry, MINUTES_PER_DAY } from '../../sim';
import { commandButton } from '../kit/commandButton';
import { button, h, render } from '../kit/dom';
import { stamp } from '../kit/eventText';
import { eventWords, roleInFront } from './roleView';

const FOCUS_LEVELS = [0, 0.1, 0.25, 0.4, 0.6];

/** The listed level closest to a team's actual share (bots may pick shares in between). */
function nearestFocus(share: number): number {
  return FOCUS_LEVELS.reduce((best, v) => (Math.abs(v - share) < Math.abs(best - share) ? v : best), 0);
}

/** After the fire: incidents waiting for a retro, near misses to review, action items, and the feed. */
export function renderAfterFire(el: HTMLElement, view: StoreView, store: GameStore): void {
  const s = view.snapshot;
  if (!s) {
    render(el);
    return;
  }
  const awaiting = s.incidentOrder
    .map((id) => s.incidents[id])
    .filter((i) => i && i.phase === 'resolved' && (!i.retroId || s.retros[i.retroId]?.phase !== 'published'))
    .filter((i) => s.now - (i?.resolvedAt ?? 0) < 3 * MINUTES_PER_DAY)
    .slice(-4);
  const nearMisses = Object.values(s.nearMisses)
    .filter((n) => !n.reviewed)
    .slice(-3);
  const items = Object.values(s.actionItems).slice(-6).reverse();
  const active = s.engineerOrder.map((id) => s.engineers[id]).filter((e) => e?.status === 'active') as NonNullable<
    (typeof s.engineers)[string]
  >[];
  const feed: HTMLElement[] = [];
  // At a table with roles, the shared feed says that a clue came back, not what it showed.
  const role = roleInFront(store) === null ? null : 'commander';
  for (let c = s.log.length - 1; c >= 0 && feed.length < 12; c--) {
    const chunk = s.log[c] ?? [];
    for (let i = chunk.length - 1; i >= 0 && feed.length < 12; i--) {
      const e = chunk[i];
      const text = e ? eventWords(s, e, role) : null;
      if (e && text) feed.push(h('li', {}, h('span', { class: 'when' }, stamp(e)), ' ', text));
    }
  }
  render(
    el,
    awaiting.length > 0 ? h('h2', {}, 'Ready for a retro') : null,
    ...awaiting.map((inc) =>
      h(
        'div',
        { class: 'row retro-row' },
        h(
          'span',
          {},
          `${s.services[inc!.service]?.name} · SEV${inc!.sev}${inc!.prior ? ' · from last week, still owed a retro' : ''}`,
        ),
        button(
          inc!.retroId ? 'Continue retro' : commandRegistry.scheduleRetro.label,
          `retro-${inc!.id}`,
          () => {
            let retroId = inc!.retroId;
            if (!retroId) {
              const res = store.dispatch({ type: 'scheduleRetro', incident: inc!.id });
              if (!res.ok) return;
              retroId = store.snapshot()?.incidents[inc!.id]?.retroId ?? null;
            }
            if (retroId) store.openRetro(retroId);
          },
          { class: 'primary' },
        ),
      ),
    ),
    nearMisses.length > 0 ? h('h2', {}, 'Near misses reported') : null,
    ...nearMisses.map((nm) =>
      h(
        'div',
        { class: 'row' },
        h('span', {}, `${s.services[nm.service]?.name}: almost a ${nm.kind} failure`),
        commandButton(
          s,
          { type: 'reviewNearMiss', nearMiss: nm.id },
          commandRegistry.reviewNearMiss.label,
          `nm-${nm.id}`,
          () => store.dispatch({ type: 'reviewNearMiss', nearMiss: nm.id }),
        ),
      ),
    ),
    items.length > 0 ? h('h2', {}, 'Action items') : null,
    items.length > 0
      ? h(
          'ul',
          { class: 'items', 'data-testid': 'action-items' },
          ...items.map((a) =>
            h(
              'li',
              { class: a.status, 'data-status': a.status },
              h(
                'span',
                { class: 'badge' },
                a.status === 'open' ? `${Math.round((a.doneHours / (a.costDays * 8)) * 100)}%` : a.status,
              ),
              ` ${a.type}: ${a.title}`,
            ),
          ),
        )
      : null,
    h('h2', {}, 'Time for reliability work'),
    ...s.teamOrder.map((t) =>
      h(
        'div',
        { class: 'row' },
        h('label', { for: `focus-${t}` }, s.teams[t]?.name ?? t),
        h(
          'select',
          {
            id: `focus-${t}`,
            'data-key': `focus-${t}`,
            onchange: (e: Event) =>
              store.dispatch({
                type: 'setTeamFocus',
                team: t,
                reliabilityShare: Number((e.target as HTMLSelectElement).value),
              }),
          },
          ...FOCUS_LEVELS.map((v) =>
            h(
              'option',
              { value: v, selected: v === nearestFocus(s.teams[t]?.reliabilityShare ?? 0) },
              `${Math.round(v * 100)}% on action items`,
            ),
          ),
        ),
      ),
    ),
    h('h2', {}, 'Culture and knowledge'),
    ...s.teamOrder.map((t) => {
      const team = s.teams[t];
      const culture = team?.culture ?? 0.5;
      const label = culture < 0.34 ? 'pathological' : culture < 0.67 ? 'bureaucratic' : 'generative';
      return h(
        'div',
        { class: 'row' },
        h('span', { class: 'team-name' }, team?.name ?? t),
        h('meter', {
          min: 0,
          max: 1,
          low: 0.34,
          high: 0.66,
          optimum: 1,
          value: culture,
          'aria-label': `${team?.name} culture`,
        }),
        h('span', { class: `culture ${label}` }, label),
      );
    }),
    h(
      'div',
      { class: 'row' },
      h('label', { for: 'drill-service' }, 'Drill (Wheel of Misfortune)'),
      h(
        'select',
        { id: 'drill-service', 'data-key': 'drill-service', 'data-keep': 'drill-service' },
        ...s.serviceOrder.map((id) => h('option', { value: id }, `${s.services[id]?.name} (bus ${busFactor(s, id)})`)),
      ),
      button(commandRegistry.runDrill.label, 'drill', () => {
        const service = (el.querySelector('#drill-service') as HTMLSelectElement | null)?.value ?? '';
        const team = s.services[service]?.team ?? '';
        store.dispatch({ type: 'runDrill', team, service });
      }),
    ),
    h(
      'p',
      { class: 'small' },
      'A drill teaches the team that service and brings its strongest weakness nobody knew of to light, so an item can remove it before it fires. One a week per team.',
    ),
    h(
      'div',
      { class: 'row' },
      h('label', { for: 'shadow-who' }, 'Shadow on call'),
      h(
        'select',
        { id: 'shadow-who', 'data-key': 'shadow-who', 'data-keep': 'shadow-who', 'aria-label': 'Who shadows' },
        ...active.map((e) => h('option', { value: e.id }, e.name)),
      ),
      h(
        'select',
        {
          id: 'shadow-mentor',
          'data-key': 'shadow-mentor',
          'data-keep': 'shadow-mentor',
          'aria-label': 'Whom they shadow',
        },
        ...active.map((e) => h('option', { value: e.id }, `with ${e.name}`)),
      ),
      button(commandRegistry.setShadow.label, 'shadow', () => {
        const engineer = (el.querySelector('#shadow-who') as HTMLSelectElement | null)?.value ?? '';
        const mentor = (el.querySelector('#shadow-mentor') as HTMLSelectElement | null)?.value ?? null;
        store.dispatch({ type: 'setShadow', engineer, mentor });
      }),
    ),
    h(
      'details',
      { class: 'facilitator', 'data-keep': 'facilitator' },
      h('summary', {}, 'Facilitator: inject an incident'),
      h(
        'p',
        { class: 'small' },
        'Better from your own screen: ',
        h('a', { href: 'facilitator.html', target: '_blank', rel: 'noopener' }, 'open the facilitator window'),
        ' (same browser) — it sets fires without the players seeing, pauses the table, runs a timer and shows the hidden state.',
      ),
      h(
        'div',
        { class: 'row' },
        h(
          'select',
          {
            id: 'inject-service',
            'data-key': 'inject-service',
            'data-keep': 'inject-service',
            'aria-label': 'Service to set on fire',
          },
          ...s.serviceOrder.map((id) => h('option', { value: id }, s.services[id]?.name ?? id)),
        ),
        h(
          'select',
          {
            id: 'inject-kind',
            'data-key': 'inject-kind',
            'data-keep': 'inject-kind',
            'aria-label': 'Class of failure',
          },
          ...CONDITION_KINDS.map((k) => h('option', { value: k }, k)),
        ),
        button(commandRegistry.injectIncident.label, 'inject', () => {
          const service = (el.querySelector('#inject-service') as HTMLSelectElement | null)?.value ?? '';
          const kind = (el.querySelector('#inject-kind') as HTMLSelectElement | null)
            ?.value as (typeof CONDITION_KINDS)[number];
          store.dispatch({ type: 'injectIncident', service, kind });
        }),
      ),
    ),
    h('h2', {}, 'What happened'),
    h('ol', { class: 'feed', 'data-testid': 'feed' }, ...feed),
  );
}
