import type { ConsoleLine, TableResults, TableRow } from '../../app/roomsConsole';
import { readResultsFile } from '../../round/resultsFile';
import { CONDITION_KINDS, type ConditionKind, leadText, MINUTES_PER_DAY, pointsText } from '../../sim';
import { button, h } from '../kit/dom';
import type { ConsoleState } from './roomsConsoleView';

const value = (root: HTMLElement, id: string) =>
  (root.querySelector(`#${id}`) as HTMLInputElement | HTMLSelectElement | null)?.value ?? '';

/** "7:41": minutes and seconds left. */
export function timeLeft(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** The fires still to come across the session's tables, each with how many tables it is set at. */
function upcomingFires(rows: readonly TableRow[]): HTMLElement {
  const seen = new Map<string, { f: TableRow['upcoming'][number]; tables: number }>();
  for (const r of rows)
    for (const f of r.upcoming) {
      const key = `${f.at} ${f.service} ${f.kind} ${f.source}`;
      const known = seen.get(key);
      if (known) known.tables += 1;
      else seen.set(key, { f, tables: 1 });
    }
  const list = [...seen.values()].sort((a, b) => a.f.at - b.f.at).slice(0, 8);
  return h(
    'div',
    { 'data-testid': 'rooms-upcoming' },
    h('h3', {}, 'Fires to come'),
    list.length === 0
      ? h('p', { class: 'small' }, 'None: the scenario schedules no more fires, and none is set ahead.')
      : h(
          'ul',
          { class: 'upcoming' },
          ...list.map(({ f, tables }) =>
            h(
              'li',
              {},
              h('strong', {}, f.clock),
              ` — ${f.service} (${f.kind}) — `,
              h('span', { class: `source ${f.source}` }, f.source === 'scheduled' ? 'scheduled' : 'set by you'),
              ` — at ${tables === rows.length ? 'every table' : `${tables} of ${rows.length} tables`}`,
            ),
          ),
        ),
  );
}

/** One option per kind of weakness, or a disabled one saying there is none to set off. */
export function kindOptions(kinds: readonly string[]): HTMLElement[] {
  return kinds.length > 0
    ? kinds.map((k) => h('option', { value: k }, k))
    : [h('option', { value: '', disabled: true }, 'no weakness to set off')];
}

/** When another service is chosen, the kinds offered become its own at once, before the next redraw. */
export function offerKinds(root: HTMLElement, id: string, kinds: readonly string[]): void {
  const select = root.querySelector<HTMLSelectElement>(`#${id}`);
  if (select) select.replaceChildren(...kindOptions(kinds));
}

/** A fire at every table at one game minute: the next one all can reach, or a day and time. */
function fireEverywhereRow(root: HTMLElement, state: ConsoleState, rows: readonly TableRow[], line: ConsoleLine) {
  const services = new Map<string, string>();
  const kinds = new Map<string, Set<string>>();
  for (const r of rows)
    for (const s of r.services) {
      services.set(s.id, s.name);
      for (const k of s.kinds) kinds.set(s.id, (kinds.get(s.id) ?? new Set()).add(k));
    }
  // The kinds offered are the chosen service's own weaknesses (at any table; a table where it has none says so).
  const kindsOf = (service: string) => CONDITION_KINDS.filter((k) => kinds.get(service)?.has(k));
  const chosen = services.has(value(root, 'fire-service'))
    ? value(root, 'fire-service')
    : ([...services.keys()][0] ?? '');
  const at = () => {
    const day = Number(value(root, 'fire-day'));
    const [hh, mm] = value(root, 'fire-time').split(':').map(Number);
    if (!Number.isInteger(day) || day < 1 || hh === undefined || Number.isNaN(hh)) return undefined;
    return (day - 1) * MINUTES_PER_DAY + hh * 60 + (mm ?? 0);
  };
  const fire = (when?: number) =>
    line.fireEverywhere(value(root, 'fire-service'), value(root, 'fire-kind') as ConditionKind, when);
  return h(
    'div',
    { class: 'fire-everywhere' },
    h('h3', {}, 'A fire at every table, at the same game minute'),
    h(
      'div',
      { class: 'row' },
      h(
        'select',
        {
          id: 'fire-service',
          'data-keep': 'fire-service',
          'aria-label': 'Service to set on fire at every table',
          onchange: (e: Event) => offerKinds(root, 'fire-kind', kindsOf((e.target as HTMLSelectElement).value)),
        },
        ...[...services].map(([id, name]) => h('option', { value: id }, name)),
      ),
      h(
        'select',
        { id: 'fire-kind', 'data-keep': 'fire-kind', 'aria-label': 'Kind of failure at every table' },
        ...kindOptions(kindsOf(chosen)),
      ),
      button('Set it at every table', 'fire-everywhere', () => fire(), { class: 'primary' }),
      h('span', { class: 'small' }, 'or at day'),
      h('input', {
        id: 'fire-day',
        'data-keep': 'fire-day',
        type: 'number',
        min: 1,
        max: 91,
        value: 1,
        'aria-label': 'Day of the round',
      }),
      h('input', { id: 'fire-time', 'data-keep': 'fire-time', type: 'time', value: '14:00', 'aria-label': 'Time' }),
      button('Schedule it at every table', 'fire-schedule', () => fire(at())),
    ),
    state.fired
      ? h(
          'p',
          { 'data-testid': 'rooms-fired', role: 'status' },
          `Set at ${state.fired.tables.length} ${state.fired.tables.length === 1 ? 'table' : 'tables'}: it starts at ${state.fired.clock} game time at each, however far each table is now.`,
          state.fired.refused.length > 0 ? ` Not set at ${state.fired.refused.join('; ')}.` : '',
        )
      : null,
  );
}

/** The phase timer the projector shows ("Retro: 7:41 left"). */
function timerRow(root: HTMLElement, state: ConsoleState, line: ConsoleLine): HTMLElement {
  const t = state.timer;
  return h(
    'div',
    { class: 'row' },
    h('strong', {}, 'Phase timer on the projector: '),
    h('input', {
      id: 'timer-label',
      'data-keep': 'timer-label',
      value: 'Retro',
      maxlength: 60,
      'aria-label': 'Phase',
    }),
    h('input', {
      id: 'timer-minutes',
      'data-keep': 'timer-minutes',
      type: 'number',
      min: 1,
      max: 240,
      value: 8,
      'aria-label': 'Minutes',
    }),
    h('span', { class: 'small' }, 'minutes'),
    button('Start the timer', 'timer-start', () =>
      line.timer(value(root, 'timer-label'), Math.round(Number(value(root, 'timer-minutes')) * 60) || 60),
    ),
    button('Clear it', 'timer-clear', () => line.timer('', undefined), { disabled: !t }),
    t ? h('span', { 'data-testid': 'rooms-timer' }, `${t.label}: ${timeLeft(t.endsAt - Date.now())} left`) : null,
  );
}

/** Running every table together: start, pause and resume them all, fires at one minute, the timer, the end. */
export function sessionCard(root: HTMLElement, state: ConsoleState, line: ConsoleLine): HTMLElement | null {
  // Every open table, a demo table too: the clock controls, the fire and the end reach them all.
  const rows = state.rows;
  if (rows.length === 0) return state.results ? resultsCard(state.results) : null;
  const fresh = rows.every((r) => r.minute === 0 && r.phase === 'paused');
  return h(
    'section',
    { class: 'card', 'data-testid': 'rooms-session' },
    h('h2', {}, `The session: ${rows.length} ${rows.length === 1 ? 'table' : 'tables'}`),
    h(
      'div',
      { class: 'row' },
      fresh
        ? button('Start every table', 'start-all', () => line.resumeAll(), { class: 'primary' })
        : button('Resume every table', 'resume-all', () => line.resumeAll()),
      button('Pause every table', 'pause-all', () => line.pauseAll(), { class: fresh ? '' : 'primary' }),
      h(
        'span',
        { class: 'small' },
        `${rows.filter((r) => r.phase === 'playing').length} playing, ${rows.filter((r) => r.phase === 'paused').length} paused, ${rows.filter((r) => r.phase === 'over').length} over`,
      ),
    ),
    fireEverywhereRow(root, state, rows, line),
    upcomingFires(rows),
    timerRow(root, state, line),
    h(
      'div',
      { class: 'row' },
      button('End the session: rank the tables and collect their results', 'end-session', () => {
        if (window.confirm('End the session? Every table closes, and its results file is kept here.'))
          line.endSession();
      }),
    ),
  );
}

/** The ended session: the tables ranked, and each one's results file to download for the compare page. */
export function resultsCard(results: readonly TableResults[]): HTMLElement {
  const read = results.map((r) => ({ r, read: readResultsFile(r.fileName, r.file) }));
  const url = (text: string) => URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  return h(
    'section',
    { class: 'card', 'data-testid': 'rooms-results' },
    h('h2', {}, 'The session is over: tables ranked'),
    h(
      'table',
      { class: 'compare' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...['#', 'Table', 'Score', 'Par', '±', 'Silent successes', 'Results file'].map((t) =>
            h('th', { scope: 'col' }, t),
          ),
        ),
      ),
      h(
        'tbody',
        {},
        ...read.map(({ r, read: file }, i) =>
          h(
            'tr',
            { 'data-testid': 'rooms-result-row' },
            h('td', {}, `${i + 1}`),
            h('th', { scope: 'row' }, r.label),
            ...(file.ok
              ? [
                  h('td', {}, pointsText(file.results.score)),
                  h('td', {}, file.results.par === null ? '—' : pointsText(file.results.par)),
                  h('td', {}, leadText(file.results.score - (file.results.par ?? 0))),
                  h('td', {}, `${file.results.silentSuccesses}`),
                ]
              : [h('td', { colspan: 4 }, file.problem)]),
            h('td', {}, h('a', { href: url(r.file), download: r.fileName, 'data-testid': 'results-file' }, r.fileName)),
          ),
        ),
      ),
    ),
    h('p', { class: 'small' }, 'Drop these files on the compare page (compare.html) for the charts and the debrief.'),
  );
}
