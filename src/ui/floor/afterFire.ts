import type { GameStore, StoreView } from '../../app/store';
import { commandRegistry, MINUTES_PER_DAY } from '../../sim';
import { commandButton } from '../kit/commandButton';
import { button, h, render } from '../kit/dom';
import { stamp } from '../kit/eventText';
import { eventWords, roleInFront } from './roleView';
import { cultureMeters, injectPanel, practice, teamTime } from './teamWork';
import { unsavedNotice } from './unsaved';

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
    unsavedNotice(view, store),
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
    ...teamTime(s, store),
    ...cultureMeters(s),
    ...practice(el, s, store),
    ...injectPanel(el, s, store),
    h('h2', {}, 'What happened'),
    h('ol', { class: 'feed', 'data-testid': 'feed' }, ...feed),
  );
}
