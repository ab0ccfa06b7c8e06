import { builtInScenarios, defaultScenarioId } from '../../content/scenarios';
import { DEFAULT_SEED } from '../../round/roundDefaults';
import { render } from '../kit/dom';
import { openHelp } from '../kit/help';
import { firstControl } from '../kit/modal';
import { type MenuCard, menuPanel, menuTitle } from './menuView';

/**
 * The menu drawn before the rest of the game has loaded: the same panel from a few kilobytes, usable at once. What a
 * player does in that moment is kept: the fields stay as they were left, and a button pressed (or a file chosen) is
 * pressed again as soon as the game takes over.
 */

const text = (v: unknown, fallback: string) => (typeof v === 'string' ? v : fallback);

/** The built-in scenarios as the menu shows them, read from their files (the game checks them in full as it loads). */
export function firstMenuCards(): MenuCard[] {
  return Object.entries(builtInScenarios).map(([id, raw]) => {
    const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    return {
      name: text(r.name, id),
      description: text(r.description, ''),
      weeks: typeof r.weeks === 'number' ? r.weeks : 4,
    };
  });
}

interface Shown {
  el: HTMLElement;
  current: number;
  /** The control pressed before the game took over: a button's key, or a file field's id with its "#". */
  pressed: string | null;
  startFocus: Element | null;
  handedOver: boolean;
}

function pressAgain(el: HTMLElement, key: string): void {
  if (key.startsWith('#')) el.querySelector(key)?.dispatchEvent(new Event('change'));
  else el.querySelector<HTMLElement>(`[data-key="${key}"]`)?.click();
}

/**
 * Draws the menu into `el` and puts the focus on its first control. `weeks` is the round length offered first
 * (the booth's), until another scenario is picked.
 */
export function showFirstMenu(el: HTMLElement, weeks: number | null = null): FirstMenu {
  const cards = firstMenuCards();
  let offered = weeks;
  const state: Shown = {
    el,
    current: Math.max(0, Object.keys(builtInScenarios).indexOf(defaultScenarioId)),
    pressed: null,
    startFocus: null,
    handedOver: false,
  };
  const press = (key: string) => () => {
    if (state.handedOver) pressAgain(el, key);
    else {
      state.pressed = key;
      el.setAttribute('aria-busy', 'true');
    }
  };
  const draw = () =>
    render(
      el,
      menuTitle(),
      menuPanel(
        {
          scenarios: cards,
          current: state.current,
          seed: DEFAULT_SEED,
          weeks: offered ?? cards[state.current]?.weeks ?? 4,
          resumeLabel: null,
          canExport: false,
          saveProblem: null,
          importProblem: null,
          scenarioProblems: [],
          notice: null,
        },
        {
          pickScenario: (index) => {
            state.current = index;
            offered = null;
            draw();
          },
          staff: press('continue'),
          scenarioFile: press('#scenario-file'),
          roundFile: press('#round-file'),
          resume: press('resume'),
          exportRound: press('export-round'),
          join: press('join'),
          help: openHelp,
          demo: press('demo'),
        },
      ),
    );
  draw();
  state.startFocus = firstControl(el);
  (state.startFocus as HTMLElement | null)?.focus();
  return { takeOver: () => takeOver(state) };
}

/** The first menu on the screen, until the game takes it over. */
export interface FirstMenu {
  takeOver(): FirstMenuHandOver;
}

export interface FirstMenuHandOver {
  /** The scenario chosen, by its place among the built-in ones. */
  scenario: number;
  /** The player moved the focus: the game leaves it where it is. */
  focusMoved: boolean;
  /** After the game has drawn its menu over this one: fields as they were left, the focus back, the press repeated. */
  finish(): void;
}

type Field = HTMLInputElement | HTMLSelectElement;

/** Hands the first menu to the game: what was chosen and pressed there, and a way to finish the handing over. */
function takeOver(state: Shown): FirstMenuHandOver {
  const { el } = state;
  const fields = [...el.querySelectorAll<Field>('input[id], select[id]')]
    .filter((f) => f.id !== 'scenario')
    .map((f) => ({
      id: f.id,
      value: f.value,
      checked: f instanceof HTMLInputElement && f.checked,
      files: f instanceof HTMLInputElement && f.type === 'file' ? f.files : null,
    }));
  const active = document.activeElement;
  const focused = active instanceof HTMLElement && el.contains(active) ? active : null;
  const focusKey = focused ? focused.id || focused.dataset.key || null : null;
  return {
    scenario: state.current,
    focusMoved: active !== state.startFocus,
    finish() {
      for (const f of fields) {
        const now = el.querySelector<Field>(`#${CSS.escape(f.id)}`);
        if (!now) continue;
        if (now instanceof HTMLInputElement && now.type === 'file') {
          if (f.files && f.files.length > 0 && now.files !== f.files) now.files = f.files;
        } else if (now instanceof HTMLInputElement && now.type === 'checkbox') now.checked = f.checked;
        else if (now.value !== f.value) now.value = f.value;
      }
      if (focusKey && active !== state.startFocus && !el.contains(document.activeElement))
        (
          el.querySelector<HTMLElement>(`#${CSS.escape(focusKey)}`) ??
          el.querySelector<HTMLElement>(`[data-key="${CSS.escape(focusKey)}"]`)
        )?.focus();
      el.removeAttribute('aria-busy');
      state.handedOver = true;
      if (state.pressed) pressAgain(el, state.pressed);
    },
  };
}
