import type { GameStore, StoreView } from '../../app/store';
import { RETRO_STEPS, type Snapshot } from '../../sim';
import { button, h, render } from '../kit/dom';
import { RETRO_STEP_VIEWS } from './retroSteps';

/** The retro: timeline, interviews, framing with its consequences, factors as cards, action items, publish. */
export function renderRetro(el: HTMLElement, view: StoreView, store: GameStore): void {
  const s = view.snapshot;
  const retro = s && view.openRetro ? s.retros[view.openRetro] : undefined;
  if (!s || !retro) {
    render(el);
    return;
  }
  const inc = retro.incidentId ? s.incidents[retro.incidentId] : undefined;
  const team = inc ? s.services[inc.service]?.team : undefined;
  const members = s.engineerOrder
    .map((id) => s.engineers[id])
    .filter((e): e is Snapshot['engineers'][string] => e?.status === 'active' && e.team === team);
  const outsiders = members.filter((e) => !inc?.responders.includes(e.id));
  // Naming the step being left: a second click on the same button is refused instead of skipping a step.
  const from = retro.phase;
  const next = () => store.dispatch({ type: 'advanceRetro', retro: retro.id, from });
  const at = RETRO_STEPS.indexOf(retro.phase);
  const steps = h(
    'ol',
    { class: 'steps' },
    ...RETRO_STEPS.map((p, i) =>
      h('li', { class: i === at ? 'current' : i < at ? 'done' : '' }, RETRO_STEP_VIEWS[p].name),
    ),
  );
  const body = RETRO_STEP_VIEWS[retro.phase].body({ el, s, retro, inc, members, outsiders, store, next });
  render(
    el,
    h(
      'dialog',
      { class: 'panel retro', 'aria-label': 'Retro', 'data-testid': 'retro', 'data-keep': 'retro' },
      h(
        'div',
        { class: 'retro-head' },
        h('h2', {}, `Retro · ${inc ? s.services[inc.service]?.name : ''} SEV${inc?.sev ?? ''}`),
        button('Close (keeps progress)', 'retro-close-top', () => store.closeRetro()),
      ),
      steps,
      ...body,
      view.message ? h('div', { class: 'message', role: 'alert' }, view.message) : null,
    ),
  );
}
