import type { GameStore } from '../app/store';
import { builtInScenarios, parseScenarioText, type Scenario, validateScenario } from '../sim';
import { button, h, render } from './dom';
import { openHelp } from './hud';

export interface MenuChoice {
  scenario: Scenario;
  seed: number;
  weeks: number;
  guided: boolean;
}

const builtIns = (): Scenario[] =>
  Object.values(builtInScenarios)
    .map((raw) => validateScenario(raw))
    .flatMap((r) => (r.ok ? [r.scenario] : []));

let custom: Scenario | null = null;
let problems: string[] = [];
let saveProblem: string | null = null;

/** The menu: pick a scenario (or load your own), a seed and a round length. */
export function renderMenu(el: HTMLElement, store: GameStore, onContinue: (choice: MenuChoice) => void): void {
  const scenarios = custom ? [...builtIns(), custom] : builtIns();
  const saved = store.savedRound();
  if (saved && 'problem' in saved) saveProblem = saved.problem;
  // A loaded file may reuse a built-in id: options are told apart by their place in the list, not by id.
  const current =
    scenarios.find((s) => s === store.scenario) ?? scenarios.find((s) => s.id === store.scenario.id) ?? scenarios[0];
  const picked = (select: HTMLSelectElement) => scenarios[Number(select.value)] ?? current;
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
    const text = file.size > 512_000 ? '' : await file.text();
    const result =
      file.size > 512_000
        ? { ok: false as const, problems: [{ path: '(file)', message: 'the file is larger than 500 kB' }] }
        : parseScenarioText(text);
    if (result.ok) {
      custom = result.scenario;
      problems = [];
      store.chooseScenario(result.scenario);
    } else {
      problems = result.problems.map((p) => `${p.path}: ${p.message}`);
    }
    renderMenu(el, store, onContinue);
  };
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
        h('input', { id: 'seed', 'data-key': 'seed', value: '42', inputmode: 'numeric', size: 8 }),
        h('label', { for: 'weeks' }, 'Weeks'),
        h(
          'select',
          { id: 'weeks', 'data-key': 'weeks' },
          ...[1, 2, 4, 8, 13].map((w) => h('option', { value: w, selected: w === (current?.weeks ?? 4) }, `${w}`)),
        ),
      ),
      h(
        'div',
        { class: 'row' },
        h('label', { for: 'scenario-file' }, 'Your own scenario'),
        h('input', { id: 'scenario-file', type: 'file', accept: '.json,application/json', onchange: onFile }),
      ),
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
