import type { GameStore, RoundSetup } from '../../app/store';
import type { RoundChoice, SetupDraft } from '../../app/viewState';
import {
  activeRotation,
  createWorld,
  type OwnershipModel,
  onCallShares,
  pagerTeams,
  type RotationWeek,
  rotationWarnings,
  type SimState,
  teamSites,
} from '../../sim';
import { button, h, render } from '../kit/dom';
import { reflectionForm, startReflection } from '../kit/reflectionForm';
import { closeSeatsForm, seatsForm } from './seatsForm';
import { shareBox } from './shareBox';

const MODELS: { id: OwnershipModel; name: string; blurb: string }[] = [
  {
    id: 'ops-team',
    name: 'Separate ops team',
    blurb: 'The ops/SRE team carries every pager. Developers never feel the pain of what they ship.',
  },
  {
    id: 'you-build-it',
    name: 'You build it, you run it',
    blurb:
      'Developers are on call for their own services: faster feedback, fewer new weaknesses over time — watch their pager load.',
  },
  {
    id: 'hybrid',
    name: 'Hybrid with SRE',
    blurb: 'SRE carries the most customer-critical services; product teams carry the rest.',
  },
];

function preview(d: SetupDraft): SimState {
  const world = createWorld(d.choice.scenario, { seed: d.choice.seed, weeks: d.choice.weeks, ownership: d.ownership });
  for (const [team, weeks] of Object.entries(d.rotation)) world.rotation.byTeam[team] = weeks;
  return world;
}

/** Staffing: the ownership model and who carries which pager each week, with warnings and reasons. */
export function renderSetup(el: HTMLElement, store: GameStore, choice: RoundChoice): void {
  if (!store.ui.setupDraft || store.ui.setupDraft.choice !== choice) {
    startReflection();
    const world = createWorld(choice.scenario, { seed: choice.seed, weeks: choice.weeks });
    store.ui.setupDraft = {
      choice,
      ownership: choice.ownership ?? world.ownership,
      rotation: choice.rotation ? structuredClone(choice.rotation) : activeRotation(world),
    };
  }
  const d = store.ui.setupDraft;
  const world = preview(d);
  const warnings = rotationWarnings(world, d.ownership);
  const redraw = () => renderSetup(el, store, choice);
  const teams = pagerTeams(world, d.ownership);
  const rotationTables = teams.map((teamId) => {
    const team = world.teams[teamId];
    const members = world.engineerOrder.map((id) => world.engineers[id]).filter((e) => e?.team === teamId);
    const shares = onCallShares(world, teamId);
    const weeks = d.rotation[teamId] ?? [];
    const pick = (w: number, slot: keyof RotationWeek) =>
      h(
        'select',
        {
          'data-key': `rot-${teamId}-${w}-${slot}`,
          'aria-label': `${team?.name} week ${w + 1} ${slot}`,
          onchange: (e: Event) => {
            const next = weeks.map((x) => ({ ...x }));
            const entry = next[w];
            if (entry) entry[slot] = (e.target as HTMLSelectElement).value;
            d.rotation = { ...d.rotation, [teamId]: next };
            redraw();
          },
        },
        ...members.map((m) => h('option', { value: m!.id, selected: weeks[w]?.[slot] === m!.id }, m!.name)),
      );
    return h(
      'div',
      { class: 'rotation' },
      h('h3', { style: `color:${team?.color}` }, `${team?.name} rotation`),
      teamSites(world, teamId).length > 1
        ? h(
            'p',
            { class: 'small' },
            `Follows the sun across ${teamSites(world, teamId).join(' and ')}: the pager stays with whoever is in daytime; the week's pick is used when they are.`,
          )
        : null,
      h(
        'table',
        {},
        h('thead', {}, h('tr', {}, h('th', {}, 'Week'), h('th', {}, 'Primary'), h('th', {}, 'Secondary'))),
        h(
          'tbody',
          {},
          ...weeks
            .slice(0, 13)
            .map((_, w) =>
              h('tr', {}, h('td', {}, `${w + 1}`), h('td', {}, pick(w, 'primary')), h('td', {}, pick(w, 'secondary'))),
            ),
        ),
      ),
      h(
        'p',
        { class: 'small' },
        'On-call share: ',
        members.map((m) => `${m!.name} ${Math.round((shares[m!.id] ?? 0) * 100)}%`).join(' · '),
      ),
    );
  });
  const start = () => {
    const setup: RoundSetup = {
      scenario: choice.scenario,
      seed: choice.seed,
      weeks: choice.weeks,
      ownership: d.ownership,
      rotation: d.rotation,
      guided: choice.guided,
    };
    store.ui.setupDraft = null;
    closeSeatsForm(store);
    store.startRound(setup);
  };
  render(
    el,
    h(
      'div',
      { class: 'panel setup', role: 'dialog', 'aria-label': 'Staffing' },
      h(
        'h2',
        {},
        `Staffing · ${choice.scenario.name} · seed ${choice.seed} · ${choice.weeks} week${choice.weeks === 1 ? '' : 's'}`,
      ),
      choice.shared ? h('p', { class: 'shared-note', 'data-testid': 'shared-note' }, choice.shared) : null,
      h(
        'fieldset',
        {},
        h('legend', {}, 'Who carries the pager?'),
        ...MODELS.map((m) =>
          h(
            'label',
            { class: 'model' },
            h('input', {
              type: 'radio',
              name: 'ownership',
              value: m.id,
              'data-key': `model-${m.id}`,
              checked: d.ownership === m.id,
              onchange: () => {
                d.ownership = m.id;
                redraw();
              },
            }),
            h('strong', {}, ` ${m.name}`),
            h('span', { class: 'small' }, ` — ${m.blurb}`),
          ),
        ),
      ),
      h('div', { class: 'rotations' }, ...rotationTables),
      seatsForm(store, redraw),
      reflectionForm('before'),
      warnings.length > 0
        ? h(
            'div',
            { class: 'warnings', 'data-testid': 'rotation-warnings' },
            h('strong', {}, 'Warnings'),
            h(
              'ul',
              {},
              ...warnings.map((w) =>
                h(
                  'li',
                  {},
                  w.message,
                  ' ',
                  h('span', { class: 'fix', 'data-testid': 'warning-fix' }, `To clear it: ${w.fix}.`),
                ),
              ),
            ),
          )
        : h('p', { class: 'ok' }, 'This rotation respects the pager budget.'),
      h(
        'div',
        { class: 'actions' },
        shareBox(
          {
            scenario: choice.scenario,
            seed: choice.seed,
            weeks: choice.weeks,
            ownership: d.ownership,
            rotation: d.rotation,
          },
          store.ui,
          redraw,
        ),
        button('← Back', 'back', () => {
          store.ui.setupDraft = null;
          closeSeatsForm(store);
          store.backToMenu();
        }),
        button('Start the round', 'start', start, { class: 'primary' }),
      ),
    ),
  );
}
