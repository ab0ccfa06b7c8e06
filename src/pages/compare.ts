import type { ResultsExport } from '../round/results';
import { readResultsFile } from '../round/resultsFile';
import { button, h, render } from '../ui/kit/dom';
import { compareReflection, compareRoles } from '../ui/workshop/compareReflection';
import { compareCharts, parNote, rankedTable, setupWarning } from '../ui/workshop/compareView';
import '../ui/workshop/compare.css';

/** Exports larger than this are not results files. */
const MAX_FILE = 256_000;

const loaded = new Map<string, ResultsExport>();
let problems: string[] = [];

const keyOf = (r: ResultsExport) => `${r.table}\u0000${r.exportedAt}\u0000${r.seed}`;

async function addFiles(files: Iterable<File>): Promise<void> {
  const found: string[] = [];
  for (const file of files) {
    if (file.size > MAX_FILE) {
      found.push(`${file.name}: larger than ${MAX_FILE / 1000} kB, so not a results file`);
      continue;
    }
    const r = readResultsFile(file.name, await file.text());
    if (r.ok) loaded.set(keyOf(r.results), r.results);
    else found.push(r.problem);
  }
  problems = found;
  draw();
}

function clearAll(): void {
  loaded.clear();
  problems = [];
  draw();
}

function draw(): void {
  const root = document.getElementById('compare');
  if (!root) return;
  const list = [...loaded.values()];
  const onPick = (e: Event) => {
    const input = e.target as HTMLInputElement;
    void addFiles(input.files ?? []).then(() => {
      input.value = '';
    });
  };
  render(
    root,
    h(
      'header',
      {},
      h('h1', {}, 'Firepants · compare tables'),
      h(
        'p',
        { class: 'lede' },
        'Load the results each table exported from its report. Ranked by score minus par (how far above a never-learning team on the same luck), then by silent successes.',
      ),
    ),
    h(
      'div',
      { class: 'drop', 'data-testid': 'drop-zone' },
      h('label', { for: 'results-files' }, 'Results files (JSON) — pick several, or drop them here'),
      h('input', {
        id: 'results-files',
        type: 'file',
        multiple: true,
        accept: '.json,application/json',
        onchange: onPick,
      }),
      list.length > 0 ? button('Clear', 'clear', clearAll) : null,
    ),
    problems.length > 0
      ? h(
          'div',
          { class: 'problems', role: 'alert', 'data-testid': 'compare-problems' },
          h('strong', {}, 'These files were not loaded (the others were):'),
          h('ul', {}, ...problems.map((p) => h('li', {}, p))),
        )
      : null,
    list.length === 0
      ? h('p', { class: 'empty' }, 'No results yet.')
      : [
          setupWarning(list),
          rankedTable(list),
          parNote(list),
          compareCharts(list),
          compareRoles(list),
          compareReflection(list),
        ],
  );
}

const dropTarget = document.body;
dropTarget.addEventListener('dragover', (e) => {
  e.preventDefault();
  dropTarget.classList.add('dragging');
});
dropTarget.addEventListener('dragleave', () => dropTarget.classList.remove('dragging'));
dropTarget.addEventListener('drop', (e) => {
  e.preventDefault();
  dropTarget.classList.remove('dragging');
  void addFiles(e.dataTransfer?.files ?? []);
});
draw();
