import { makeShareLink } from '../../app/shareLink';
import type { GameStore, StoreView } from '../../app/store';
import { loadReflection } from '../../round/reflection';
import { buildResults, resultsFileName, resultsInputOf } from '../../round/results';
import { activeRotation } from '../../sim';
import { button, h } from '../kit/dom';
import '../kit/workshop.css';

/** Saves a table's results as JSON for the compare page; the table name is remembered with the settings. */
async function exportResults(view: StoreView, store: GameStore): Promise<void> {
  const s = view.snapshot;
  if (!s) return;
  const at = new Date();
  const { link } = await makeShareLink(
    { scenario: store.scenario, seed: s.seed, weeks: s.weeks, ownership: s.ownership, rotation: activeRotation(s) },
    window.location.href.split('#')[0] ?? '',
  );
  const results = buildResults(s, resultsInputOf(s, view.silent, view.ghost?.par ?? null), {
    table: view.settings.tableName,
    setupLink: link,
    scenarioName: store.scenario.name,
    at,
    entries: store.round()?.entries ?? [],
    reflection: loadReflection(),
  });
  const blob = new Blob([`${JSON.stringify(results, null, 2)}\n`], { type: 'application/json' });
  const a = h('a', { href: URL.createObjectURL(blob), download: resultsFileName(results, at) }) as HTMLAnchorElement;
  document.body.append(a);
  a.click();
  a.remove();
}

/** The report's export: the table's name and the button, side by side. */
export function resultsExport(view: StoreView, store: GameStore): HTMLElement {
  return h(
    'span',
    { class: 'results-export' },
    h('label', { for: 'table-name', class: 'small' }, 'Table'),
    h('input', {
      id: 'table-name',
      'data-keep': 'table-name',
      value: view.settings.tableName,
      placeholder: 'e.g. Table 3',
      maxlength: 60,
      onchange: (e: Event) => store.setSettings({ tableName: (e.target as HTMLInputElement).value.trim() }),
    }),
    button('Export results (JSON)', 'export-results', () => void exportResults(store.view, store)),
  );
}
