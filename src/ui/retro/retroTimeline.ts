import type { Immutable } from 'immer';
import type { GameStore } from '../../app/store';
import { decisionsOn } from '../../round/seats';
import { allEventsOf, formatClock, type Retro, type Snapshot } from '../../sim';
import { h } from '../kit/dom';
import { describeEvent, stamp } from '../kit/eventText';

/** The retro's timeline, rebuilt from the incident's recorded events. */
export function timeline(s: Snapshot, retro: Immutable<Retro>): HTMLElement {
  const events = allEventsOf(s).filter((e) => 'incident' in e && e.incident === retro.incidentId);
  const inc = retro.incidentId ? s.incidents[retro.incidentId] : undefined;
  const days = inc ? Math.max(1, Math.round(-inc.startedAt / 1440)) : 0;
  return h(
    'ol',
    { class: 'timeline', 'data-testid': 'retro-timeline' },
    inc?.prior
      ? h(
          'li',
          {},
          `Last week, ${days} day${days === 1 ? '' : 's'} before the round: ${s.services[inc.service]?.name ?? inc.service} failed (${inc.kind}); ${s.engineers[inc.pagedTo ?? '']?.name ?? 'the on-call'} was paged and a restart brought it back. Nobody wrote anything down — the same failure can come back until an item closes on it.`,
        )
      : null,
    ...events.map((e) => {
      const text = describeEvent(s, e);
      return text ? h('li', {}, h('span', { class: 'when' }, stamp(e)), ' ', text) : null;
    }),
  );
}

/** What the people at the table decided on this incident, credited to the player and role where roles were taken. */
export function tableDecisions(s: Snapshot, retro: Immutable<Retro>, store: GameStore): HTMLElement | null {
  const decided = retro.incidentId ? decisionsOn(s, store.round()?.entries ?? [], retro.incidentId) : [];
  if (decided.length === 0) return null;
  return h(
    'section',
    { 'data-testid': 'retro-decisions' },
    h('h3', {}, 'What the table decided'),
    h(
      'ol',
      { class: 'timeline' },
      ...decided.map((d) =>
        h('li', {}, h('span', { class: 'when' }, formatClock(d.at)), ' ', d.text, d.credit ? ` — ${d.credit}` : ''),
      ),
    ),
  );
}
