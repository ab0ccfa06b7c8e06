import { facilitatorWindowHref } from '../../app/facilitatorLink';
import type { GameStore } from '../../app/store';
import { busFactor, CONDITION_KINDS, commandRegistry, type Snapshot } from '../../sim';
import { button, h } from '../kit/dom';

const FOCUS_LEVELS = [0, 0.1, 0.25, 0.4, 0.6];

/** The listed level closest to a team's actual share (bots may pick shares in between). */
function nearestFocus(share: number): number {
  return FOCUS_LEVELS.reduce((best, v) => (Math.abs(v - share) < Math.abs(best - share) ? v : best), 0);
}

type Part = (HTMLElement | null)[];

/** Each team's share of time for action items. */
export function teamTime(s: Snapshot, store: GameStore): Part {
  return [
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
  ];
}

/** Each team's culture on Westrum's scale. */
export function cultureMeters(s: Snapshot): Part {
  return [
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
  ];
}

/** A drill on a service (Wheel of Misfortune) and shadowing someone on call: knowledge spread on purpose. */
export function practice(el: HTMLElement, s: Snapshot, store: GameStore): Part {
  const active = s.engineerOrder.map((id) => s.engineers[id]).filter((e) => e?.status === 'active') as NonNullable<
    (typeof s.engineers)[string]
  >[];
  return [
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
  ];
}

/** The facilitator's fire, set from this screen. */
export function injectPanel(el: HTMLElement, s: Snapshot, store: GameStore): Part {
  return [
    h(
      'details',
      { class: 'facilitator', 'data-keep': 'facilitator' },
      h('summary', {}, 'Facilitator: inject an incident'),
      h(
        'p',
        { class: 'small' },
        'Better from your own screen: ',
        h(
          'a',
          { href: facilitatorWindowHref(), target: '_blank', rel: 'noopener', 'data-testid': 'facilitator-link' },
          'open the facilitator window',
        ),
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
  ];
}
