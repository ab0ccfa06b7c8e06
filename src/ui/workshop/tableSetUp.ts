import type { ConsoleLine, TableOptions } from '../../app/roomsConsole';
import { LEVEL_ORDER, LEVEL_SCENARIOS, type LevelId } from '../../content/campaign';
import { builtInScenarios } from '../../content/scenarios';
import { MAX_TABLES_AT_ONCE } from '../../protocol/facilitator';
import { MAX_TABLE_SCENARIO_CHARS } from '../../protocol/table';
import { showTableCode } from '../../protocol/tableCode';
import { button, h } from '../kit/dom';
import { qrCode } from '../kit/qrCode';
import type { ConsoleState } from './roomsConsoleView';

const value = (root: HTMLElement, id: string) =>
  (root.querySelector(`#${id}`) as HTMLInputElement | HTMLSelectElement | null)?.value ?? '';
const checked = (root: HTMLElement, id: string) => (root.querySelector(`#${id}`) as HTMLInputElement | null)?.checked;

/** Where the venue reaches this server: the address it reported, or (before it did) this page's own. */
export function venueBase(state: Pick<ConsoleState, 'venue'>): string {
  return (state.venue?.addresses[0] ?? `${window.location.origin}/`).replace(/\/$/, '');
}

/** A campaign level's scenario file, as the text a table's options carry. */
function levelFile(id: string): string | null {
  return (LEVEL_ORDER as readonly string[]).includes(id) ? JSON.stringify(LEVEL_SCENARIOS[id as LevelId]) : null;
}

/** A table's join link: the server's address as the venue reaches it, with the table's code. */
export function joinLink(code: string, base: string = window.location.origin): string {
  return `${base}/?table=${code}`;
}

/** The tables' names: one per comma-separated name typed, or "Name 1", "Name 2"… for a single name. */
function namesFor(typed: string, count: number): string[] {
  const names = typed
    .split(',')
    .map((n) => n.trim().slice(0, 40))
    .filter(Boolean);
  if (names.length > 1) return names.slice(0, MAX_TABLES_AT_ONCE);
  const name = names[0] || 'Table';
  return Array.from({ length: count }, (_, i) => (count === 1 ? name : `${name.slice(0, 34)} ${i + 1}`));
}

/** The tables as the form describes them: N named tables, all with the same setup. */
function tablesFromForm(root: HTMLElement, state: ConsoleState): TableOptions[] | string {
  const count = Number(value(root, 'setup-count'));
  if (!Number.isInteger(count) || count < 1 || count > MAX_TABLES_AT_ONCE)
    return `set up 1 to ${MAX_TABLES_AT_ONCE} tables at a time`;
  const seed = Number(value(root, 'setup-seed'));
  if (!Number.isInteger(seed)) return 'the seed is a whole number';
  const scenario = value(root, 'setup-scenario');
  const file = scenario === 'file' ? state.scenarioFile : null;
  if (scenario === 'file' && !file) return 'choose a scenario file first';
  // A campaign level travels as a scenario file of its own, one week long.
  const level = scenario.startsWith('level:') ? levelFile(scenario.slice('level:'.length)) : null;
  const ownership = value(root, 'setup-ownership') as NonNullable<TableOptions['ownership']>;
  const demo = checked(root, 'setup-demo') === true;
  return namesFor(value(root, 'setup-label'), count).map((label) => ({
    ...(file ? { scenarioText: file.text } : level ? { scenarioText: level } : { scenario }),
    seed,
    weeks: level ? 1 : Number(value(root, 'setup-weeks')),
    ownership,
    label,
    demo,
    autoPause: checked(root, 'setup-auto-pause') !== false,
    audience: value(root, 'setup-audience') === 'once' ? 'once' : 'each-retro',
  }));
}

/** The tables set up from this console: each with its code to read aloud, its link and a QR code of the link. */
function createdList(state: ConsoleState): HTMLElement {
  const base = venueBase(state);
  return h(
    'ul',
    { class: 'codes joins', 'data-testid': 'rooms-created' },
    ...state.created.map((t) =>
      h(
        'li',
        { 'data-key': `created-${t.table}` },
        qrCode(joinLink(t.table, base), 112, `QR code to join ${t.label}`),
        h(
          'div',
          {},
          h('strong', {}, t.label),
          h('div', { class: 'code big' }, showTableCode(t.table)),
          h('a', { href: joinLink(t.table, base), target: '_blank', rel: 'noopener' }, joinLink(t.table, base)),
        ),
      ),
    ),
  );
}

/**
 * Opening a session: how many tables and their names, a built-in scenario or the facilitator's own file, the
 * seed, the length, the ownership model; then each table's code, QR code and join link to hand out.
 */
export function setUpCard(root: HTMLElement, state: ConsoleState, line: ConsoleLine, redraw: () => void): HTMLElement {
  const pickFile = (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    if (file.size > MAX_TABLE_SCENARIO_CHARS) {
      state.message = `That file is larger than ${MAX_TABLE_SCENARIO_CHARS / 1000} kB.`;
      redraw();
      return;
    }
    void file.text().then((text) => {
      state.scenarioFile = { name: file.name.slice(0, 80), text };
      const pick = root.querySelector('#setup-scenario') as HTMLSelectElement | null;
      if (pick) pick.value = 'file';
      redraw();
    });
  };
  return h(
    'section',
    { class: 'card', 'data-testid': 'rooms-setup' },
    h('h2', {}, 'Open a session: set up its tables'),
    h(
      'div',
      { class: 'row' },
      h('label', { for: 'setup-count' }, 'Tables'),
      h('input', {
        id: 'setup-count',
        'data-keep': 'setup-count',
        type: 'number',
        min: 1,
        max: MAX_TABLES_AT_ONCE,
        value: 1,
      }),
      h('label', { for: 'setup-label' }, 'Named'),
      h('input', {
        id: 'setup-label',
        'data-keep': 'setup-label',
        value: 'Table',
        maxlength: 400,
        title: 'One name numbered for each table, or one name per table separated by commas',
      }),
      h('label', { for: 'setup-scenario' }, 'Scenario'),
      h(
        'select',
        { id: 'setup-scenario', 'data-keep': 'setup-scenario' },
        ...Object.entries(builtInScenarios).map(([id, raw]) =>
          h('option', { value: id }, String((raw as { name?: unknown }).name ?? id)),
        ),
        h(
          'optgroup',
          { label: 'The campaign (one week each)' },
          ...LEVEL_ORDER.map((id) =>
            h('option', { value: `level:${id}` }, String((LEVEL_SCENARIOS[id] as { name?: unknown }).name ?? id)),
          ),
        ),
        h('option', { value: 'file' }, 'your own file…'),
      ),
      h('input', {
        id: 'setup-file',
        type: 'file',
        accept: '.json,.jsonc,application/json',
        'aria-label': 'Your scenario file',
        onchange: (e: Event) => pickFile(e.target as HTMLInputElement),
      }),
      state.scenarioFile ? h('span', { class: 'small' }, `File: ${state.scenarioFile.name}`) : null,
    ),
    h(
      'div',
      { class: 'row' },
      h('label', { for: 'setup-seed' }, 'Seed'),
      h('input', { id: 'setup-seed', 'data-keep': 'setup-seed', type: 'number', value: 42 }),
      h('label', { for: 'setup-weeks' }, 'Weeks'),
      h(
        'select',
        { id: 'setup-weeks', 'data-keep': 'setup-weeks' },
        ...[1, 2, 4, 8, 13].map((w) => h('option', { value: w, selected: w === 4 }, `${w}`)),
      ),
      h('label', { for: 'setup-ownership' }, 'Ownership'),
      h(
        'select',
        { id: 'setup-ownership', 'data-keep': 'setup-ownership' },
        h('option', { value: 'ops-team' }, 'an ops team runs it'),
        h('option', { value: 'you-build-it' }, 'you build it, you run it'),
        h('option', { value: 'hybrid' }, 'hybrid'),
      ),
      h(
        'label',
        { class: 'small' },
        h('input', { type: 'checkbox', id: 'setup-auto-pause', 'data-keep': 'setup-auto-pause', checked: true }),
        ' pause when the pager goes off',
      ),
    ),
    h(
      'div',
      { class: 'row' },
      h(
        'label',
        { class: 'small' },
        h('input', { type: 'checkbox', id: 'setup-demo', 'data-keep': 'setup-demo' }),
        ' demo table (a bot plays; the audience frames its retros)',
      ),
      h(
        'select',
        { id: 'setup-audience', 'data-keep': 'setup-audience', 'aria-label': 'How often the audience decides' },
        h('option', { value: 'each-retro' }, 'a vote at each retro'),
        h('option', { value: 'once' }, 'one vote for the whole talk'),
      ),
      button(
        'Set up the tables',
        'setup-tables',
        () => {
          const tables = tablesFromForm(root, state);
          if (typeof tables === 'string') {
            state.message = `Cannot set up: ${tables}.`;
            redraw();
          } else line.setUp(tables);
        },
        { class: 'primary' },
      ),
    ),
    state.created.length === 0 ? null : createdList(state),
  );
}
