import { isBooth } from '../../app/booth';
import { loadProgress } from '../../app/campaignKeep';
import { isNewcomerHere } from '../../app/newcomer';
import type { GameStore } from '../../app/store';
import type { RoundChoice, ViewState } from '../../app/viewState';
import { LEVEL_ORDER } from '../../content/campaign';
import { nextLevel } from '../../round/campaign/progress';
import { DEFAULT_SEED } from '../../round/demo';
import { builtInScenarioList, parseSeed } from '../../round/roundTerms';
import { MAX_SCENARIO_CHARS, parseScenarioText, type Scenario } from '../../sim';
import { render } from '../kit/dom';
import { openHelp } from '../kit/help';
import { renderCampaign } from './campaign';
import { catalogScenario } from './catalogFile';
import { type MenuData, menuPanel, menuTitle } from './menuView';
import { exportRound, importRound, savedRoundFile } from './roundFile';
import { joinWithCode, linkWaitingFor } from './sharedRound';

/** The players' own scenario loaded in the menu, if any (a shared link may also bring one). */
export const loadedScenarios = (ui: ViewState): Scenario[] => (ui.customScenario ? [ui.customScenario] : []);
export function offerScenario(ui: ViewState, scenario: Scenario): void {
  if (!builtInScenarioList().some((s) => s.id === scenario.id)) ui.customScenario = scenario;
}

/** The menu: pick a scenario (or load your own), a seed and a round length. */
export function renderMenu(
  el: HTMLElement,
  store: GameStore,
  onContinue: (choice: RoundChoice) => void,
  preset: RoundChoice | null = null,
  onSharedLink: (hash: string) => void = () => {},
): void {
  const ui = store.ui;
  if (ui.campaignLevel !== null) {
    renderCampaign(el, store, onContinue, () => renderMenu(el, store, onContinue, preset, onSharedLink));
    return;
  }
  const scenarios = [...builtInScenarioList(), ...loadedScenarios(ui)];
  const saved = store.saved.offer();
  if (saved && 'problem' in saved) ui.saveProblem = saved.problem;
  // A loaded file may reuse a built-in id: options are told apart by their place in the list, not by id.
  const current =
    scenarios.find((s) => s === store.scenario) ?? scenarios.find((s) => s.id === store.scenario.id) ?? scenarios[0];
  const picked = (select: HTMLSelectElement) => scenarios[Number(select.value)] ?? current;
  const fromPreset = preset && preset.scenario.id === current?.id ? preset : null;
  const go = () => {
    if (ui.scenarioProblems.length > 0) return;
    const scenario = picked(el.querySelector('#scenario') as HTMLSelectElement);
    const seedText = (el.querySelector('#seed') as HTMLInputElement).value;
    const weeks = Number((el.querySelector('#weeks') as HTMLSelectElement).value);
    const seed = parseSeed(seedText) ?? 1;
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
      ui.customScenario = result.scenario;
      ui.scenarioProblems = [];
      store.chooseScenario(result.scenario);
      const waiting = linkWaitingFor(ui, result.scenario);
      if (waiting) onSharedLink(waiting);
    } else {
      ui.scenarioProblems = result.problems.map((p) => `${p.path}: ${p.message}`);
    }
    renderMenu(el, store, onContinue);
  };
  const onRoundFile = async (e: Event) => {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (!file) return;
    const result = await importRound(file);
    ui.importProblem = result.ok ? null : `That round could not be imported: ${result.reason}.`;
    if (result.ok) store.resumeFrom(result.save);
    else renderMenu(el, store, onContinue);
  };
  const onCatalog = async (e: Event) => {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (!file) return;
    const chosen = await catalogScenario(file);
    ui.catalogProblems = chosen.ok ? [] : chosen.problems;
    ui.catalogNotes = chosen.ok ? chosen.warnings : [];
    if (chosen.ok) {
      ui.customScenario = chosen.scenario;
      ui.scenarioProblems = [];
      store.chooseScenario(chosen.scenario);
    }
    renderMenu(el, store, onContinue);
  };
  const roundFile = saved && 'label' in saved ? savedRoundFile() : null;
  const redraw = () => renderMenu(el, store, onContinue, preset, onSharedLink);
  const data: MenuData = {
    scenarios,
    current: Math.max(0, current ? scenarios.indexOf(current) : 0),
    seed: fromPreset?.seed ?? DEFAULT_SEED,
    weeks: fromPreset?.weeks ?? current?.weeks ?? 4,
    resumeLabel: saved && 'label' in saved ? saved.label : null,
    canExport: roundFile !== null,
    saveProblem: ui.saveProblem,
    importProblem: ui.importProblem,
    scenarioProblems: ui.scenarioProblems,
    notice: ui.sharedNotice,
    newcomer: isNewcomerHere() && !isBooth(window.location.search),
    catalogProblems: ui.catalogProblems,
    catalogNotes: ui.catalogNotes,
  };
  render(
    el,
    menuTitle(),
    menuPanel(data, {
      pickScenario: (index) => {
        // Choosing a scenario in the list is a choice made on purpose: the refused file is behind the players.
        ui.scenarioProblems = [];
        const chosen = scenarios[index];
        if (chosen) store.chooseScenario(chosen);
        renderMenu(el, store, onContinue);
      },
      staff: go,
      scenarioFile: (e) => void onFile(e),
      roundFile: (e) => void onRoundFile(e),
      resume: () => store.saved.resume(),
      exportRound: () => {
        if (roundFile) exportRound(roundFile);
      },
      join: () => {
        const input = document.getElementById('join-code') as HTMLInputElement | null;
        if (!joinWithCode(ui, input?.value ?? '', onContinue)) redraw();
      },
      help: openHelp,
      demo: () => store.attract.start(),
      campaign: () => {
        ui.campaignLevel = nextLevel(loadProgress()) ?? LEVEL_ORDER[0];
        redraw();
      },
      catalogFile: (e) => void onCatalog(e),
    }),
  );
}
