import { DEFAULT_SEED } from '../app/demo';
import type { GameStore } from '../app/store';
import {
  builtInScenarios,
  MAX_SCENARIO_CHARS,
  type OwnershipModel,
  parseScenarioText,
  type RotationWeek,
  type Scenario,
  validateScenario,
} from '../sim';
import { button, h, render } from './dom';
import { openHelp } from './hud';
import { joinRow, sharedNoticeBox } from './joinRow';
import { exportRound, importRound, savedRoundFile } from './roundFile';
import { linkWaitingFor } from './sharedRound';

export interface MenuChoice {
  scenario: Scenario;
  seed: number;
  weeks: number;
  guided: boolean;
  /** A shared round also fixes who carries the pager and the rotation. */
  ownership?: OwnershipModel;
  rotation?: Record<string, RotationWeek[]>;
  /** What a shared link or code loaded, to show on the staffing screen. */
  shared?: string;
}

const builtIns = (): Scenario[] =>
  Object.values(builtInScenarios)
    .map((raw) => validateScenario(raw))
    .flatMap((r) => (r.ok ? [r.scenario] : []));

let custom: Scenario | null = null;
let problems: string[] = [];
let saveProblem: string | null = null;
let importProblem: string | null = null;

/** The player's own scenario loaded in the menu, if any (a shared link may also bring one). */
export const loadedScenarios = (): Scenario[] => (custom ? [custom] : []);
export function offerScenario(scenario: Scenario): void {
  if (!builtIns().some((s) => s.id === scenario.id)) custom = scenario;
}

/** The menu: pick a scenario (or load your own), a seed and a round length. */
export function renderMenu(
  el: HTMLElement,
  store: GameStore,
  onContinue: (choice: MenuChoice) => void,
  preset: MenuChoice | null = null,
  onSharedLink: (hash: string) => void = () => {},
): void {
  const scenarios = custom ? [...builtIns(), custom] : builtIns();
  const saved = store.savedRound();
  if (saved && 'problem' in saved) saveProblem = saved.problem;
  // A loaded file may reuse a built-in id: options are told apart by their place in the list, not by id.
  const current =
    scenarios.find((s) => s === store.scenario) ?? scenarios.find((s) => s.id === store.scenario.id) ?? scenarios[0];
  const picked = (select: HTMLSelectElement) => scenarios[Number(select.value)] ?? current;
  const fromPreset = preset && preset.scenario.id === current?.id ? preset : null;
  const go = () => {
    const scenario = picked(el.querySelector('#scenario') as HTMLSelectElement);
    const seedText = (el.querySelector('#seed') as HTMLInputElement).value;
    const weeks = Number((el.querySelector('#weeks') as HTMLSelectElement).value);
    const seed = /^-?\d{1,9}$/.test(seedText.trim()) ? Number(seedText) : 1;
    const guided = (el.querySelector('#guided') as HTMLInputElement | null)?.checked ?? false;
    if (scenario) onContinue({ scenario, seed, weeks, guided });
  };
  const onFile = async (e: Event) => {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (!file) return;
    const tooBig = file.size > MAX_SCENARIO_CHARS;
    const result = tooBig
      ? { ok: false as const, problems: [{ path: '(file)', message: 'the file is larger than 1 MB' }] }
      : parseScenarioText(await file.text());
    if (result.ok) {
      custom = result.scenario;
      problems = [];
      store.chooseScenario(result.scenario);
      const waiting = linkWaitingFor(result.scenario);
      if (waiting) onSharedLink(waiting);
    } else {
      problems = result.problems.map((p) => `${p.path}: ${p.message}`);
    }
    renderMenu(el, store, onContinue);
  };
  const onRoundFile = async (e: Event) => {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (!file) return;
    const result = await importRound(file);
    importProblem = result.ok ? null : `That round could not be imported: ${result.reason}.`;
    if (result.ok) store.resumeFrom(result.save);
    else renderMenu(el, store, onContinue);
  };
  const roundFile = saved && 'label' in saved ? savedRoundFile() : null;
  render(
    el,
    h(
      'div',
      { class: 'panel menu', role: 'dialog', 'aria-label': 'New round' },
      saved && 'label' in saved
        ? h(
            'div',
            { class: 'resume' },
            button(`Resume your round: ${saved.label}`, 'resume', () => store.resumeSaved(), { class: 'primary' }),
          )
        : null,
      saveProblem
        ? h(
            'div',
            { class: 'problems', role: 'alert', 'data-testid': 'save-problem' },
            `Your saved round could not be resumed: ${saveProblem}`,
          )
        : null,
      sharedNoticeBox(),
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
            onchange: (e: Event) => {
              const chosen = picked(e.target as HTMLSelectElement);
              if (chosen) store.chooseScenario(chosen);
              renderMenu(el, store, onContinue);
            },
          },
          ...scenarios.map((s, i) => h('option', { value: i, selected: s === current }, s.name)),
        ),
      ),
      h('p', { class: 'small' }, current?.description ?? ''),
      h(
        'div',
        { class: 'row' },
        h('label', { for: 'seed' }, 'Seed'),
        h('input', {
          id: 'seed',
          'data-key': 'seed',
          value: fromPreset?.seed ?? DEFAULT_SEED,
          inputmode: 'numeric',
          size: 8,
        }),
        h('label', { for: 'weeks' }, 'Weeks'),
        h(
          'select',
          { id: 'weeks', 'data-key': 'weeks' },
          ...[1, 2, 4, 8, 13].map((w) =>
            h('option', { value: w, selected: w === (fromPreset?.weeks ?? current?.weeks ?? 4) }, `${w}`),
          ),
        ),
      ),
      h(
        'div',
        { class: 'row' },
        h('label', { for: 'scenario-file' }, 'Your own scenario'),
        h('input', { id: 'scenario-file', type: 'file', accept: '.json,application/json', onchange: onFile }),
      ),
      joinRow(onContinue, () => renderMenu(el, store, onContinue, preset, onSharedLink)),
      h(
        'div',
        { class: 'row' },
        h('label', { for: 'round-file' }, 'Import round'),
        h('input', {
          id: 'round-file',
          class: 'round-file',
          type: 'file',
          accept: '.json,application/json',
          onchange: onRoundFile,
        }),
        roundFile ? button('Export round', 'export-round', () => exportRound(roundFile)) : null,
      ),
      importProblem
        ? h('div', { class: 'problems', role: 'alert', 'data-testid': 'import-problem' }, importProblem)
        : null,
      h(
        'label',
        { class: 'guided' },
        h('input', { id: 'guided', type: 'checkbox', 'data-key': 'guided', checked: true }),
        ' Guided first incident — a fire on Monday morning, with a tip for each step',
      ),
      problems.length > 0
        ? h(
            'div',
            { class: 'problems', role: 'alert', 'data-testid': 'scenario-problems' },
            h('strong', {}, 'That scenario file has problems; nothing was loaded:'),
            h('ul', {}, ...problems.slice(0, 12).map((p) => h('li', {}, p))),
          )
        : null,
      h(
        'div',
        { class: 'actions' },
        button('Staff the rotation →', 'continue', go, { class: 'primary' }),
        button('How to play', 'help', () => openHelp()),
        button('Watch a demo', 'demo', () => store.startDemo()),
      ),
    ),
  );
}
