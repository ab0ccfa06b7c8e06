import type { GameStore, StoreView } from '../../app/store';
import { RETRO_STEPS, type RetroPhase, surfacedFactors } from '../../sim';
import { commandButton } from '../kit/commandButton';
import { button, h, render } from '../kit/dom';
import { offersFor } from './offers';
import { factorStake, offerGain, teamHours } from './retroStakes';
import { tableDecisions, timeline } from './retroTimeline';

/** A name for each of the retro machine's steps (the compiler checks none is missing). */
const STEP_NAMES: Record<RetroPhase, string> = {
  scheduled: 'Schedule',
  timeline: 'Timeline',
  interviews: 'Interviews',
  framing: 'Framing',
  factors: 'Contributing factors',
  actions: 'Action items',
  published: 'Published',
};

/**
 * A button that moves the retro on. Once it is gone the next step's button sits in its place, so
 * the second click of a double click would land there: it is ignored.
 */
function stepButton(label: string, key: string, onClick: () => void, extra: Record<string, string> = {}): HTMLElement {
  return button(label, key, onClick, {
    ...extra,
    onclick: (ev: Event) => {
      if ((ev as MouseEvent).detail <= 1) onClick();
    },
  });
}

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
  const members = s.engineerOrder.map((id) => s.engineers[id]).filter((e) => e?.status === 'active' && e.team === team);
  const outsiders = members.filter((e) => !inc?.responders.includes(e!.id));
  // Naming the step being left: a second click on the same button is refused instead of skipping a step.
  const from = retro.phase;
  const next = () => store.dispatch({ type: 'advanceRetro', retro: retro.id, from });
  const steps = h(
    'ol',
    { class: 'steps' },
    ...RETRO_STEPS.map((p) =>
      h(
        'li',
        {
          class:
            p === retro.phase ? 'current' : RETRO_STEPS.indexOf(p) < RETRO_STEPS.indexOf(retro.phase) ? 'done' : '',
        },
        STEP_NAMES[p],
      ),
    ),
  );
  let body: (HTMLElement | null)[] = [];
  switch (retro.phase) {
    case 'scheduled':
      body = [
        h(
          'p',
          {},
          `A retro costs the participants' hours — learning competes with feature work. Responders: ${inc?.responders.map((r) => s.engineers[r]?.name).join(', ') || 'none'}.`,
        ),
        stepButton('Begin with the timeline →', 'retro-next', next, { class: 'primary' }),
      ];
      break;
    case 'timeline':
      body = [
        h('p', {}, 'Rebuilt from what was recorded during the incident:'),
        timeline(s, retro),
        tableDecisions(s, retro, store),
        stepButton('On to interviews →', 'retro-next', next, { class: 'primary' }),
      ];
      break;
    case 'interviews': {
      const lead = () => (el.querySelector('#retro-lead') as HTMLSelectElement | null)?.value ?? '';
      body = [
        h(
          'p',
          {},
          'A quick review surfaces the obvious factor. A deep learning review interviews the people involved and finds more — best led by someone who was not involved.',
        ),
        h(
          'div',
          { class: 'row' },
          h('label', { for: 'retro-lead' }, 'Led by'),
          h(
            'select',
            { id: 'retro-lead', 'data-key': 'retro-lead', 'data-keep': 'retro-lead' },
            ...[...outsiders, ...members.filter((m) => !outsiders.includes(m))].map((e) =>
              h(
                'option',
                { value: e!.id },
                `${e!.name}${inc?.responders.includes(e!.id) ? ' (was involved)' : ' (not involved)'}`,
              ),
            ),
          ),
        ),
        h(
          'div',
          { class: 'actions' },
          stepButton('Quick review (1 h each)', 'retro-quick', () => {
            store.dispatch({ type: 'interview', retro: retro.id, depth: 'quick', facilitator: lead() });
            next();
          }),
          stepButton(
            'Deep learning review (4 h each)',
            'retro-deep',
            () => {
              store.dispatch({ type: 'interview', retro: retro.id, depth: 'deep', facilitator: lead() });
              next();
            },
            { class: 'primary' },
          ),
        ),
      ];
      break;
    }
    case 'framing':
      body = [
        h(
          'div',
          { class: 'choices' },
          h(
            'div',
            { class: 'choice good' },
            h('h3', {}, 'Blameless'),
            h(
              'p',
              {},
              '"What made sense to them at the time?" Trust grows, more near misses get reported, people share what they know, and the culture moves toward generative.',
            ),
            stepButton(
              'Frame it blamelessly',
              'frame-blameless',
              () => {
                store.dispatch({ type: 'frameRetro', retro: retro.id, framing: 'blameless' });
                next();
              },
              { class: 'primary' },
            ),
          ),
          h(
            'div',
            { class: 'choice bad' },
            h('h3', {}, `Blame ${s.engineers[inc?.pagedTo ?? '']?.name ?? 'the person paged'}`),
            h(
              'p',
              {},
              'Looks decisive. Trust drops, near misses stop being reported, people hide the deeper factors — in this retro and the next — and the culture slides toward pathological.',
            ),
            stepButton('Blame a person', 'frame-blame', () => {
              store.dispatch({
                type: 'frameRetro',
                retro: retro.id,
                framing: 'blame',
                blamed: inc?.pagedTo ?? inc?.responders[0] ?? '',
              });
              next();
            }),
          ),
        ),
      ];
      break;
    case 'factors':
    case 'actions': {
      const surfaced = surfacedFactors(retro);
      const hidden = retro.factors.length - surfaced.length;
      const filed = new Set(retro.actionItems.map((id) => s.actionItems[id]?.factorId));
      const offers = offersFor(s, surfaced);
      body = [
        h(
          'p',
          {},
          `There is never a single root cause. ${surfaced.length} contributing factor${surfaced.length === 1 ? '' : 's'} surfaced${hidden > 0 ? `; ${hidden} more stayed hidden (${retro.framing === 'blame' ? 'people kept quiet after the blame' : retro.depth === 'quick' ? 'a quick review does not dig that deep' : 'not everyone felt safe to say'})` : ''}.`,
        ),
        retro.phase === 'actions' && inc
          ? h(
              'p',
              { class: 'capacity', 'data-testid': 'team-hours' },
              teamHours(s, s.services[inc.service]?.team ?? ''),
            )
          : null,
        h(
          'div',
          { class: 'cards', 'data-testid': 'factor-cards' },
          ...surfaced.map((f) => {
            const plans = offers.get(f.id) ?? [];
            return h(
              'div',
              { class: 'card' },
              h('p', {}, f.text),
              h('p', { class: 'stake small', 'data-testid': 'factor-stake' }, factorStake(s, f)),
              retro.phase === 'actions'
                ? filed.has(f.id)
                  ? h('div', { class: 'filed' }, '✓ action item filed')
                  : h(
                      'div',
                      { class: 'actions' },
                      ...plans.map((p) =>
                        p.already
                          ? h('div', { class: 'filed' }, `✓ already filed: ${p.title} (${p.already.status})`)
                          : commandButton(
                              s,
                              { type: 'fileActionItem', retro: retro.id, factor: f.id, actionType: p.type },
                              `${p.type}: ${p.title} (${offerGain(s, f, p)})`,
                              `file-${f.id}-${p.type}`,
                              () =>
                                store.dispatch({
                                  type: 'fileActionItem',
                                  retro: retro.id,
                                  factor: f.id,
                                  actionType: p.type,
                                }),
                            ),
                      ),
                    )
                : null,
            );
          }),
        ),
        retro.phase === 'factors'
          ? stepButton('Choose action items →', 'retro-next', next, { class: 'primary' })
          : h(
              'div',
              { class: 'actions' },
              h(
                'p',
                { class: 'small' },
                'Items compete with feature work; they score only when closed. Publishing shares what was learned.',
              ),
              stepButton('Publish to the team', 'publish', () =>
                store.dispatch({ type: 'publishRetro', retro: retro.id, share: false }),
              ),
              stepButton(
                'Publish and share org-wide',
                'publish-share',
                () => store.dispatch({ type: 'publishRetro', retro: retro.id, share: true }),
                { class: 'primary' },
              ),
            ),
      ];
      break;
    }
    default:
      body = [
        h(
          'p',
          {},
          retro.shared ? 'Published and shared: other teams can look for the same class of weakness.' : 'Published.',
        ),
        button('Back to the floor', 'retro-close', () => store.closeRetro(), { class: 'primary' }),
      ];
  }
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
