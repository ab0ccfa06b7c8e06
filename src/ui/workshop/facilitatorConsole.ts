import type { FacilitatorMessage, TableMessage } from '../../protocol/facilitatorWindow';
import type { CONDITION_KINDS } from '../../sim';
import { button, h, render } from '../kit/dom';

type Send = (m: FacilitatorMessage) => void;

/** Where a live fire came from, after its phase. */
const ORIGIN_NOTE: Record<TableMessage['incidents'][number]['origin'], string> = {
  scheduled: ' (scheduled by the scenario)',
  guided: ' (the guided first fire)',
  facilitator: ' (set by you)',
  chance: '',
};

const pick = (root: HTMLElement, id: string) => (root.querySelector(`#${id}`) as HTMLSelectElement | null)?.value ?? '';

function controls(root: HTMLElement, t: TableMessage, send: Send): HTMLElement {
  const running = t.phase === 'playing';
  // The kinds offered are the chosen service's own weaknesses: a fire set on purpose sets one of them off.
  const chosen = t.services.find((s) => s.id === pick(root, 'fire-service')) ?? t.services[0];
  const kinds = chosen?.kinds ?? [];
  return h(
    'section',
    { class: 'card' },
    h('h2', {}, 'Steer the table'),
    h(
      'div',
      { class: 'row' },
      running
        ? button('Pause the table', 'pause', () => send({ kind: 'pause' }), { class: 'primary' })
        : button('Resume the table', 'resume', () => send({ kind: 'resume' }), {
            class: 'primary',
            disabled: t.phase !== 'paused',
          }),
      button(t.revealed ? 'Hide the hidden state again' : 'Reveal the hidden state to the table', 'reveal', () =>
        send({ kind: 'reveal', on: !t.revealed }),
      ),
    ),
    h('h3', {}, 'Set a fire'),
    h(
      'p',
      { class: 'small' },
      'The kinds listed are the service’s own weaknesses, found or not: the fire sets one off. The table sees that a fire was set on the service, never its kind: they have to find that out.',
    ),
    h(
      'div',
      { class: 'row' },
      h(
        'select',
        { id: 'fire-service', 'data-keep': 'fire-service', 'aria-label': 'Service to set on fire' },
        ...t.services.map((s) => h('option', { value: s.id }, s.name)),
      ),
      h(
        'select',
        { id: 'fire-kind', 'data-keep': 'fire-kind', 'aria-label': 'Kind of failure' },
        ...kinds.map((k) => h('option', { value: k }, k)),
      ),
      button('Set it on fire', 'inject', () => {
        const kind = pick(root, 'fire-kind') as (typeof CONDITION_KINDS)[number];
        if (!kind) return;
        send({ kind: 'inject', service: pick(root, 'fire-service'), condition: kind });
      }),
    ),
    h('h3', {}, 'Phase timer (the table sees it)'),
    h(
      'div',
      { class: 'row' },
      h('input', {
        id: 'timer-label',
        'data-keep': 'timer-label',
        'aria-label': 'What the timer is for',
        value: 'Retro',
      }),
      h(
        'select',
        { id: 'timer-minutes', 'data-keep': 'timer-minutes', 'aria-label': 'Minutes' },
        ...[3, 5, 10, 15, 20, 30].map((m) => h('option', { value: String(m) }, `${m} min`)),
      ),
      button('Start the timer', 'timer', () =>
        send({
          kind: 'timer',
          label: (root.querySelector('#timer-label') as HTMLInputElement | null)?.value.slice(0, 200) ?? '',
          minutes: Number(pick(root, 'timer-minutes')) || 5,
        }),
      ),
      button('Clear', 'timer-clear', () => send({ kind: 'timer', label: '', minutes: 0 })),
    ),
  );
}

const SHOWN_WEAKNESSES = 20;

function hidden(t: TableMessage): HTMLElement {
  return h(
    'section',
    { class: 'card', 'data-testid': 'hidden-state' },
    h('h2', {}, 'What the players cannot see'),
    h('h3', {}, 'Burning now, with the kind'),
    t.incidents.length === 0
      ? h('p', {}, 'Nothing burning.')
      : h(
          'ul',
          {},
          ...t.incidents.map((i) => h('li', {}, `${i.service}: ${i.kind} — ${i.phase}${ORIGIN_NOTE[i.origin]}`)),
        ),
    h('h3', {}, 'Fires the scenario schedules'),
    t.scheduled.length === 0
      ? h('p', { 'data-testid': 'scheduled-fires' }, 'None: this scenario schedules no fires.')
      : h(
          'ul',
          { 'data-testid': 'scheduled-fires' },
          ...t.scheduled.map((f) =>
            h('li', {}, `${f.clock} · ${f.service}: ${f.kind} — scheduled${f.started ? ', started' : ''}`),
          ),
        ),
    h('h3', {}, 'The never-learning replay is burning'),
    h('p', {}, t.ghostBurning.length ? t.ghostBurning.join(', ') : 'nothing'),
    h('h3', {}, 'Latent weaknesses, riskiest first'),
    h(
      'table',
      {},
      h(
        'tr',
        {},
        h('th', {}, 'service'),
        h('th', {}, 'kind'),
        h('th', {}, 'strength'),
        h('th', {}, 'base weekly chance'),
      ),
      ...t.weaknesses
        .slice(0, SHOWN_WEAKNESSES)
        .map((w) =>
          h(
            'tr',
            {},
            h('td', {}, w.service),
            h('td', {}, w.kind),
            h('td', {}, `${Math.round(w.strength * 100)}%`),
            h('td', {}, `${(Math.min(1, w.weeklyHazard) * 100).toFixed(1)}%`),
          ),
        ),
    ),
    t.weaknesses.length > SHOWN_WEAKNESSES
      ? h('p', { class: 'small' }, `and ${t.weaknesses.length - SHOWN_WEAKNESSES} more, less likely to fire`)
      : null,
  );
}

/** The phase timer as the table sees it: what for and how long is left (no time of day beside the game's clock). */
function phaseTimerText(timer: NonNullable<TableMessage['timer']>, now: number): string {
  const left = Math.max(0, Math.ceil((timer.endsAt - now) / 1000));
  const label = timer.label || 'Timer';
  return left > 0
    ? `${label}: ${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')} left`
    : `${label}: time is up`;
}

/** A facilitator window opened without the table's link: it cannot reach any table, and says how to. */
export function renderUnpaired(root: HTMLElement): void {
  render(
    root,
    h('header', {}, h('h1', {}, 'Firepants · facilitator')),
    h(
      'p',
      { role: 'alert', 'data-testid': 'unpaired' },
      'This window is not paired with a table. Open it from the table’s own link (side panel, under “Facilitator: inject an incident”): the link carries a secret that pairs the two windows, so no other page can steer the table.',
    ),
  );
}

/** The facilitator's console: the table's status, its hidden state and the controls. */
export function renderConsole(
  root: HTMLElement,
  t: TableMessage | null,
  ageMs: number,
  send: Send,
  noChannel: boolean,
): void {
  const header = h(
    'header',
    {},
    h('h1', {}, 'Firepants · facilitator'),
    h(
      'p',
      { class: 'lede' },
      'Keep this window on your screen and the game on the table’s. Both must be open in the same browser on this machine.',
    ),
  );
  if (noChannel) {
    render(root, header, h('p', { role: 'alert' }, 'This browser cannot link two windows (no BroadcastChannel).'));
    return;
  }
  if (!t) {
    render(
      root,
      header,
      h('p', { 'data-testid': 'waiting' }, 'Waiting for the table: open the game in another window of this browser.'),
    );
    return;
  }
  const stale = ageMs > 5000;
  render(
    root,
    header,
    h(
      'section',
      { class: 'card', 'data-testid': 'table-status' },
      h('h2', {}, `${t.scenario} — ${t.phase}`),
      h('p', { class: 'big' }, t.clock || 'not started'),
      h('p', {}, `Score ${t.score} · par ${t.par} · incidents that didn’t happen: ${t.silentSuccesses}`),
      t.timer ? h('p', { 'data-testid': 'console-timer' }, phaseTimerText(t.timer, Date.now())) : null,
      stale ? h('p', { role: 'status' }, 'No word from the table for a while: is its window still open?') : null,
    ),
    controls(root, t, send),
    hidden(t),
  );
}
