import { ROUND_WEEKS } from '../../round/roundDefaults';
import { button, h } from '../kit/dom';
import '../kit/workshop.css';

/** What the menu shows of a scenario. */
export interface MenuCard {
  name: string;
  description: string;
  /** The round length offered first. */
  weeks: number;
}

/** Everything the menu panel shows, as plain values: the panel is drawn the same before and after the game loads. */
export interface MenuData {
  scenarios: readonly MenuCard[];
  /** The chosen scenario, by its place in `scenarios`. */
  current: number;
  seed: number;
  weeks: number;
  /** The saved round a player can resume, by its label. */
  resumeLabel: string | null;
  canExport: boolean;
  saveProblem: string | null;
  importProblem: string | null;
  scenarioProblems: readonly string[];
  /** What a shared link or code brought, or why it could not be used. */
  notice: { kind: 'ok' | 'problem'; text: string } | null;
  /** Nobody has played in this browser yet: the campaign is offered first. */
  newcomer: boolean;
  /** Why the last catalog could not be turned into a game day, and what was left out of the last one that could. */
  catalogProblems: readonly string[];
  catalogNotes: readonly string[];
}

/** What the menu's controls do. */
export interface MenuActions {
  pickScenario(index: number): void;
  staff(): void;
  scenarioFile(e: Event): void;
  roundFile(e: Event): void;
  resume(): void;
  exportRound(): void;
  join(): void;
  help(): void;
  demo(): void;
  campaign(): void;
  catalogFile(e: Event): void;
}

/** What a shared link or code loaded, or why it could not be used. */
export function noticeBox(notice: MenuData['notice']): HTMLElement | null {
  if (!notice) return null;
  return notice.kind === 'ok'
    ? h('p', { class: 'shared-note', 'data-testid': 'shared-note' }, notice.text)
    : h('div', { class: 'problems', role: 'alert', 'data-testid': 'shared-problem' }, notice.text);
}

/** The menu's "Join with a code" box: a facilitator reads a code aloud, every table types it. */
function joinRow(join: () => void): HTMLElement {
  const input = h('input', {
    id: 'join-code',
    'data-keep': 'join-code',
    autocomplete: 'off',
    spellcheck: 'false',
    maxlength: 12,
    placeholder: 'code',
  });
  // Enter joins too. The box stays on the page across redraws, so its listener presses whatever Join button is there.
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') input.parentElement?.querySelector<HTMLElement>('[data-key="join"]')?.click();
  });
  return h(
    'div',
    { class: 'row join-code' },
    h('label', { for: 'join-code' }, 'Join with a code'),
    input,
    button('Join', 'join', join),
  );
}

/** The game's name over the menu, a heading for screen readers as well as for the eye. */
export function menuTitle(): HTMLElement {
  return h(
    'header',
    { class: 'menu-title' },
    h('h1', {}, 'Firepants'),
    h('p', {}, 'the success in SRE is silent — make it visible'),
  );
}

/** The menu: pick a scenario (or load your own), a seed and a round length. */
export function menuPanel(d: MenuData, act: MenuActions): HTMLElement {
  const current = d.scenarios[d.current];
  return h(
    'div',
    { class: 'panel menu', role: 'dialog', 'aria-label': 'New round' },
    d.resumeLabel !== null
      ? h(
          'div',
          { class: 'resume' },
          button(`Resume your round: ${d.resumeLabel}`, 'resume', act.resume, { class: 'primary' }),
        )
      : null,
    d.saveProblem
      ? h(
          'div',
          { class: 'problems', role: 'alert', 'data-testid': 'save-problem' },
          `Your saved round could not be resumed: ${d.saveProblem}`,
        )
      : null,
    noticeBox(d.notice),
    d.newcomer ? campaignInvite(act.campaign) : null,
    h(
      'p',
      { class: 'lede' },
      'Staff the on-call rotation, put out the fires, run blameless retros — and see the incidents that never happened.',
    ),
    h(
      'div',
      { class: 'row' },
      h('label', { for: 'scenario' }, 'Scenario'),
      h(
        'select',
        {
          id: 'scenario',
          'data-key': 'scenario',
          onchange: (e: Event) => act.pickScenario(Number((e.target as HTMLSelectElement).value)),
        },
        ...d.scenarios.map((s, i) => h('option', { value: i, selected: i === d.current }, s.name)),
      ),
    ),
    h('p', { class: 'small' }, current?.description ?? ''),
    h(
      'div',
      { class: 'row' },
      h('label', { for: 'seed' }, 'Seed'),
      h('input', { id: 'seed', 'data-key': 'seed', value: d.seed, inputmode: 'numeric', size: 8 }),
      h('label', { for: 'weeks' }, 'Weeks'),
      h(
        'select',
        { id: 'weeks', 'data-key': 'weeks' },
        ...ROUND_WEEKS.map((w) => h('option', { value: w, selected: w === d.weeks }, `${w}`)),
      ),
    ),
    h(
      'div',
      { class: 'row' },
      h('label', { for: 'scenario-file' }, 'Your own scenario'),
      h('input', {
        id: 'scenario-file',
        type: 'file',
        accept: '.json,.jsonc,application/json',
        onchange: act.scenarioFile,
      }),
    ),
    catalogRow(d, act.catalogFile),
    joinRow(act.join),
    h(
      'div',
      { class: 'row' },
      h('label', { for: 'round-file' }, 'Import round'),
      h('input', {
        id: 'round-file',
        class: 'round-file',
        type: 'file',
        accept: '.json,application/json',
        onchange: act.roundFile,
      }),
      d.canExport ? button('Export round', 'export-round', act.exportRound) : null,
    ),
    d.importProblem
      ? h('div', { class: 'problems', role: 'alert', 'data-testid': 'import-problem' }, d.importProblem)
      : null,
    h(
      'label',
      { class: 'guided' },
      h('input', { id: 'guided', type: 'checkbox', 'data-key': 'guided', checked: true }),
      ' Guided first incident — a fire on Monday morning, with a tip for each step',
    ),
    d.scenarioProblems.length > 0
      ? h(
          'div',
          { class: 'problems', role: 'alert', 'data-testid': 'scenario-problems' },
          h(
            'strong',
            {},
            'That scenario file has problems; nothing was loaded, and no round starts until a good one is:',
          ),
          h('ul', {}, ...d.scenarioProblems.slice(0, 12).map((p) => h('li', {}, p))),
        )
      : null,
    h(
      'div',
      { class: 'actions' },
      // Nothing starts from a refused file: the players meant their own scenario, not the one still selected.
      button('Staff the rotation →', 'continue', act.staff, {
        class: 'primary',
        disabled: d.scenarioProblems.length > 0,
      }),
      button('How to play', 'help', act.help),
      button('Watch a demo', 'demo', act.demo),
      d.newcomer ? null : button('Campaign', 'campaign', act.campaign),
    ),
  );
}

/** For a newcomer, before anything else: the campaign, eight short levels drawn from real outages. */
function campaignInvite(start: () => void): HTMLElement {
  return h(
    'section',
    { class: 'campaign-invite', 'aria-label': 'The campaign' },
    h('h2', {}, 'New here? Start with the campaign'),
    h(
      'p',
      {},
      'Eight one-week levels, each drawn from a real outage and its public write-up: one lesson, one goal and three questions each.',
    ),
    button('Start the campaign →', 'campaign', start, { class: 'primary' }),
  );
}

/** A game day from the service catalog the team already keeps (Backstage's catalog-info.yaml). */
function catalogRow(d: MenuData, chosen: (e: Event) => void): HTMLElement[] {
  return [
    h(
      'div',
      { class: 'row' },
      h('label', { for: 'catalog-file' }, 'Backstage catalog'),
      h('input', {
        id: 'catalog-file',
        type: 'file',
        accept: '.yaml,.yml,application/yaml,text/yaml',
        onchange: chosen,
      }),
    ),
    d.catalogProblems.length > 0
      ? h(
          'div',
          { class: 'problems', role: 'alert', 'data-testid': 'catalog-problems' },
          h('strong', {}, 'That catalog cannot be played yet; nothing was loaded:'),
          h('ul', {}, ...d.catalogProblems.slice(0, 12).map((p) => h('li', {}, p))),
        )
      : null,
    d.catalogNotes.length > 0
      ? h(
          'details',
          { class: 'catalog-notes small', 'data-testid': 'catalog-notes' },
          h('summary', {}, `Loaded as your own scenario; ${d.catalogNotes.length} things in the catalog were left out`),
          h('ul', {}, ...d.catalogNotes.slice(0, 20).map((p) => h('li', {}, p))),
        )
      : null,
  ].filter((x): x is HTMLElement => x !== null);
}
