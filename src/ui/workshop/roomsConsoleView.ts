import type {
  ConsoleLine,
  CreatedTable,
  FiredEverywhere,
  PhaseTimer,
  TableResults,
  TableRow,
  Tally,
  Venue,
  VoteResult,
} from '../../app/roomsConsole';
import { showTableCode } from '../../protocol/tableCode';
import { CONDITION_KINDS, type ConditionKind, leadText, pointsText } from '../../sim';
import { button, h, render } from '../kit/dom';
import { kindOptions, offerKinds, resultsCard, sessionCard, timeLeft } from './sessionCard';
import { setUpCard } from './tableSetUp';
import { projectorLink, venueCard } from './venueCard';

export interface ConsoleState {
  line: ConsoleLine | null;
  rows: TableRow[];
  /** The tables set up from this console, with their codes and links. */
  created: CreatedTable[];
  /** The facilitator's own scenario file, when one was chosen. */
  scenarioFile: { name: string; text: string } | null;
  tally: Tally | null;
  result: VoteResult | null;
  message: string | null;
  /** The connection dropped and the console is getting back by itself, or has just got back. */
  notice: string | null;
  /** Where the venue reaches the server, and the projector's key. */
  venue: Venue | null;
  /** The last fire set at every table. */
  fired: FiredEverywhere | null;
  /** The ended session's results, best first. */
  results: TableResults[] | null;
  timer: PhaseTimer | null;
}

const value = (root: HTMLElement, id: string) =>
  (root.querySelector(`#${id}`) as HTMLInputElement | HTMLSelectElement | null)?.value ?? '';

function tablesCard(root: HTMLElement, state: ConsoleState, line: ConsoleLine): HTMLElement {
  // Best first by score minus par, then silent successes: at the end of the rounds this is the compare view.
  const rows = [...state.rows].sort(
    (a, b) => b.score - b.par - (a.score - a.par) || b.silentSuccesses - a.silentSuccesses,
  );
  const over = rows.length > 0 && rows.every((r) => r.phase === 'over');
  return h(
    'section',
    { class: 'card', 'data-testid': 'rooms-tables' },
    h('h2', {}, over ? 'All rounds are over: tables ranked' : `Tables (${rows.length})`),
    rows.length === 0
      ? h(
          'p',
          {},
          state.results
            ? 'The session is over and its tables are closed. Set up new tables above for another round.'
            : 'No tables yet: set them up above.',
        )
      : h(
          'table',
          { class: 'compare' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ...[
                'Table',
                'Code',
                'Scenario',
                'Clock',
                'State',
                'Score',
                'Par',
                '±',
                'Live',
                'Silent',
                'Players',
                'Screens',
                '',
              ].map((t) => h('th', { scope: 'col' }, t)),
            ),
          ),
          h(
            'tbody',
            {},
            ...rows.map((r) =>
              h(
                'tr',
                { 'data-testid': 'rooms-row' },
                h('th', { scope: 'row' }, `${r.label}${r.demo ? ' (demo)' : ''}`),
                h('td', { class: 'code' }, showTableCode(r.table)),
                h('td', {}, r.scenario),
                h('td', {}, r.clock),
                h('td', {}, r.awaitsAudience ? 'waiting for the audience' : r.phase),
                h('td', {}, pointsText(r.score)),
                h('td', {}, pointsText(r.par)),
                h('td', {}, leadText(r.score - r.par)),
                h('td', {}, `${r.liveIncidents}`),
                h('td', {}, `${r.silentSuccesses}`),
                h('td', {}, `${r.players}`),
                h('td', {}, `${r.screens}`),
                h(
                  'td',
                  {},
                  r.phase === 'playing'
                    ? button('Pause', `pause-${r.table}`, () => line.pause(r.table))
                    : button('Resume', `resume-${r.table}`, () => line.resume(r.table), {
                        disabled: r.phase === 'over',
                      }),
                  button('Close', `close-${r.table}`, () => {
                    if (window.confirm(`Close ${r.label} for good? Its screens are sent back to the menu.`))
                      line.close(r.table);
                  }),
                ),
              ),
            ),
          ),
        ),
    rows.length > 0 ? fireRow(root, rows, line) : null,
  );
}

function fireRow(root: HTMLElement, rows: TableRow[], line: ConsoleLine): HTMLElement {
  const chosen = value(root, 'rooms-fire-table') || rows[0]?.table || '';
  const row = rows.find((r) => r.table === chosen) ?? rows[0];
  const kindsOf = (service: string) =>
    CONDITION_KINDS.filter((k) => row?.services.find((s) => s.id === service)?.kinds.includes(k));
  return h(
    'div',
    { class: 'row' },
    h('strong', {}, 'A fire at one table only: '),
    h(
      'select',
      { id: 'rooms-fire-table', 'data-keep': 'rooms-fire-table', 'aria-label': 'Table to set a fire at' },
      ...rows.map((r) =>
        h('option', { value: r.table, selected: r.table === row?.table }, `${r.label} (${showTableCode(r.table)})`),
      ),
    ),
    h(
      'select',
      {
        id: 'rooms-fire-service',
        'data-keep': 'rooms-fire-service',
        'aria-label': 'Service to set on fire',
        onchange: (e: Event) => offerKinds(root, 'rooms-fire-kind', kindsOf((e.target as HTMLSelectElement).value)),
      },
      ...(row?.services ?? []).map((s) => h('option', { value: s.id }, s.name)),
    ),
    // The kinds offered are the chosen service's own weaknesses at that table: the fire sets one of them off.
    h(
      'select',
      { id: 'rooms-fire-kind', 'data-keep': 'rooms-fire-kind', 'aria-label': 'Kind of failure' },
      ...kindOptions(kindsOf(value(root, 'rooms-fire-service') || row?.services[0]?.id || '')),
    ),
    button('Set it on fire', 'rooms-inject', () =>
      line.inject(
        value(root, 'rooms-fire-table'),
        value(root, 'rooms-fire-service'),
        value(root, 'rooms-fire-kind') as ConditionKind,
      ),
    ),
  );
}

function audienceCard(root: HTMLElement, state: ConsoleState, line: ConsoleLine): HTMLElement {
  const t = state.result ?? state.tally;
  const total = t ? t.counts.reduce((a, b) => a + b, 0) : 0;
  const demos = state.rows.filter((r) => r.demo);
  return h(
    'section',
    { class: 'card', 'data-testid': 'rooms-audience' },
    h('h2', {}, 'The audience'),
    h(
      'p',
      { class: 'small' },
      'Phones vote at this server’s address ending in /vote — one vote each, changeable while open. ',
      projectorLink(state)
        ? h('a', { href: projectorLink(state) as string, target: '_blank', rel: 'noopener' }, 'The projector view')
        : null,
      ' shows the QR code, the phones and the votes cast, the countdown, then the result.',
    ),
    h(
      'div',
      { class: 'row' },
      h('input', {
        id: 'vote-question',
        'data-keep': 'vote-question',
        'aria-label': 'Question',
        value: 'Blame or blameless?',
        maxlength: 200,
      }),
      h('input', {
        id: 'vote-options',
        'data-keep': 'vote-options',
        'aria-label': 'Answers, separated by commas',
        value: 'Blame, Blameless',
        maxlength: 300,
      }),
      h('input', {
        id: 'vote-seconds',
        'data-keep': 'vote-seconds',
        type: 'number',
        min: 0,
        max: 600,
        value: 30,
        'aria-label': 'Countdown in seconds (0: close it yourself)',
      }),
      h('span', { class: 'small' }, 's countdown'),
      button('Open the vote', 'vote-open', () => {
        const seconds = Math.round(Number(value(root, 'vote-seconds')));
        line.openVote(
          value(root, 'vote-question'),
          value(root, 'vote-options')
            .split(',')
            .map((o) => o.trim())
            .filter(Boolean)
            .slice(0, 6),
          seconds >= 5 ? { seconds, feedTo: value(root, 'vote-feed') || null } : undefined,
        );
      }),
    ),
    h(
      'div',
      { class: 'row' },
      h(
        'select',
        { id: 'vote-feed', 'data-keep': 'vote-feed', 'aria-label': 'Demo table that takes the result' },
        h('option', { value: '' }, 'Feed the result to no table'),
        ...demos.map((r) =>
          h('option', { value: r.table }, `Feed it to ${r.label}${r.awaitsAudience ? ' (waiting)' : ''}`),
        ),
      ),
      button('Close the vote', 'vote-close', () => line.closeVote(value(root, 'vote-feed') || null), {
        disabled: !state.tally?.open,
      }),
    ),
    t
      ? h(
          'div',
          { class: 'tally', 'data-testid': 'rooms-tally', 'aria-live': 'polite' },
          h(
            'h3',
            {},
            `${t.question}${t.open ? (t.closesAt ? ` — closes in ${timeLeft(t.closesAt - Date.now())}` : '') : ' — closed'}`,
          ),
          ...t.options.map((o, i) =>
            h(
              'p',
              {},
              h('span', {
                class: 'bar',
                style: `width:${total ? Math.round(((t.counts[i] ?? 0) / total) * 100) : 0}%`,
              }),
              ` ${o}: ${t.counts[i] ?? 0}`,
            ),
          ),
          state.result
            ? h(
                'p',
                { 'data-testid': 'rooms-result' },
                h('strong', {}, `The audience chose: ${state.result.winner}.`),
                state.result.fed
                  ? state.result.fed.refused
                    ? ` Not taken by the table: ${state.result.fed.refused}.`
                    : ' The demo table frames its retro that way.'
                  : '',
              )
            : null,
        )
      : null,
  );
}

function keyed(key: string, card: HTMLElement | null): HTMLElement | null {
  card?.setAttribute('data-key', key);
  return card;
}

/** The console over every table on the room server, with the audience vote beside it. */
export function renderRoomsConsole(
  root: HTMLElement,
  state: ConsoleState,
  join: (code: string) => void,
  redraw: () => void,
): void {
  const line = state.line;
  render(
    root,
    h('h1', {}, 'Firepants — the session'),
    state.message
      ? h(
          'p',
          { class: 'problem', role: 'alert', 'data-testid': 'rooms-message', 'data-key': 'message' },
          state.message,
        )
      : null,
    state.notice
      ? h('p', { class: 'notice', role: 'status', 'data-testid': 'rooms-notice', 'data-key': 'notice' }, state.notice)
      : null,
    // Each card is the same one from one redraw to the next, whatever comes and goes above it (a notice while the
    // server restarts, a message, the results), so what the facilitator typed in it stays.
    line
      ? [
          keyed('venue', venueCard(state)),
          keyed('setup', setUpCard(root, state, line, redraw)),
          keyed('session', sessionCard(root, state, line)),
          state.results && state.rows.length > 0 ? keyed('results', resultsCard(state.results)) : null,
          keyed('tables', tablesCard(root, state, line)),
          keyed('audience', audienceCard(root, state, line)),
        ]
      : h(
          'form',
          {
            class: 'card',
            onsubmit: (e: Event) => {
              e.preventDefault();
              join(value(root, 'rooms-code'));
            },
          },
          h('label', { for: 'rooms-code' }, 'Facilitator code (printed by the room server when it started)'),
          h('input', { id: 'rooms-code', 'data-keep': 'rooms-code', autocomplete: 'off', maxlength: 64 }),
          h('button', { type: 'submit', class: 'primary', 'data-key': 'rooms-join' }, 'Open the console'),
        ),
  );
}
