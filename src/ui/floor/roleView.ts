import '../kit/workshop.css';
import type { GameStore } from '../../app/store';
import { customerVoices } from '../../round/customerVoices';
import { ROLE_TITLES } from '../../round/seats';
import { type Incident, ROLES, type Role, type SimEvent, type Snapshot } from '../../sim';
import { button, h } from '../kit/dom';
import { describeEvent, stamp } from '../kit/eventText';

/**
 * At a table with named roles, each role has its own view of an incident and its own decisions, and the
 * information is split so the roles must talk: the commander sees the people and the timeline, ops the
 * investigation and its clues, comms what customers say. Without named players everyone sees everything.
 */
export type PanelPart = 'people' | 'timeline' | 'clues' | 'mitigate' | 'status' | 'customers';

const PARTS: Record<Role, readonly PanelPart[]> = {
  commander: ['people', 'timeline'],
  ops: ['clues', 'mitigate'],
  comms: ['status', 'customers'],
};

/**
 * The role whose view is in front: at a room table, the seat this screen took (a spectator sees everything);
 * at one screen, the tab chosen when the table named its players; otherwise null, and everyone sees everything.
 */
export function roleInFront(store: GameStore): Role | null {
  const seat = store.view.table ? store.view.tableSeat : undefined;
  if (seat) return seat === 'spectator' ? null : seat;
  return store.view.settings.seats.length > 0 ? store.ui.roleTab : null;
}

/** Whether a part of the incident panel is on the view in front. */
export function shows(role: Role | null, part: PanelPart): boolean {
  return role === null || PARTS[role].includes(part);
}

/** Tabs for the three views, each named with the player who holds the role. */
export function roleTabs(store: GameStore): HTMLElement | null {
  const seats = store.view.settings.seats;
  if (seats.length === 0 || store.view.table) return null;
  return h(
    'div',
    { class: 'tabs role-tabs', role: 'tablist', 'aria-label': 'Whose view', 'data-testid': 'role-tabs' },
    ...ROLES.map((role) => {
      const holder = seats.find((s) => s.role === role)?.player;
      return button(
        `${ROLE_TITLES[role]}${holder ? ` · ${holder}` : ''}`,
        `view-${role}`,
        () => {
          store.ui.roleTab = role;
          store.refresh();
        },
        { role: 'tab', 'aria-selected': store.ui.roleTab === role ? 'true' : 'false' },
      );
    }),
  );
}

/** What a role's view says in place of what it cannot see. */
export function elsewhere(role: Role | null): string | null {
  if (role === 'commander') return 'Ops has the clues and the fixes; comms has what customers say. Ask them.';
  if (role === 'ops') return 'The commander has the people and the timeline; comms talks to customers.';
  if (role === 'comms')
    return 'Ops has the clues and the fixes; the commander has the people. Ask them what to tell customers.';
  return null;
}

/** A clue's findings stay on ops' view: elsewhere an event only says that one came back. */
export function eventWords(s: Snapshot, e: SimEvent, role: Role | null): string | null {
  if (role !== null && role !== 'ops' && e.type === 'clue-found')
    return `${s.engineers[e.engineer]?.name ?? e.engineer} brought a clue back to ops.`;
  return describeEvent(s, e);
}

/** The commander's timeline: what happened on this incident so far, latest last. */
export function incidentTimeline(s: Snapshot, inc: Incident, role: Role | null): HTMLElement {
  // Read from the newest chunk back, only as far as the incident's start: the panel redraws often.
  const recent: SimEvent[] = [];
  for (let c = s.log.length - 1; c >= 0 && recent.length < 10; c--) {
    const chunk = s.log[c] ?? [];
    for (let i = chunk.length - 1; i >= 0 && recent.length < 10; i--) {
      const e = chunk[i];
      if (e && 'incident' in e && e.incident === inc.id) recent.unshift(e);
    }
    if ((chunk[0]?.at ?? 0) < inc.startedAt) break;
  }
  const lines = recent.map((e) => {
    const text = eventWords(s, e, role);
    return text ? h('li', {}, h('span', { class: 'when' }, stamp(e)), ' ', text) : null;
  });
  return h(
    'section',
    { 'data-testid': 'incident-timeline' },
    h('h3', {}, 'Timeline'),
    h('ol', { class: 'timeline' }, ...lines),
  );
}

/** Comms' view of the customers: what they are saying, and how much they still trust the company. */
export function customerSection(s: Snapshot, inc: Incident): HTMLElement {
  const voices = customerVoices(s, inc);
  return h(
    'section',
    { 'data-testid': 'customer-voices' },
    h('h3', {}, `What customers say · trust ${Math.round(s.customerTrust * 100)}%`),
    voices.length === 0
      ? h('p', { class: 'small' }, 'Nobody has said anything yet.')
      : h(
          'ul',
          { class: 'voices' },
          ...voices.map((v) => h('li', { class: `voice ${v.mood}` }, h('strong', {}, v.who), ' ', v.text)),
        ),
  );
}
