import type { GameStore } from '../../app/store';
import { plural } from '../../content/words';
import { type RetroPhase, type Snapshot, surfacedFactors } from '../../sim';

type Retro = Snapshot['retros'][string];
type Incident = Snapshot['incidents'][string];
type Engineer = Snapshot['engineers'][string];

import { commandButton } from '../kit/commandButton';
import { button, h } from '../kit/dom';
import { offersFor } from './offers';
import { factorStake, offerGain, teamHours } from './retroStakes';
import { tableDecisions, timeline } from './retroTimeline';

/** What every step of the retro draws from. */
export interface RetroContext {
  el: HTMLElement;
  s: Snapshot;
  retro: Retro;
  inc: Incident | undefined;
  /** The owning team's active people, and those of them who did not respond. */
  members: Engineer[];
  outsiders: Engineer[];
  store: GameStore;
  /** Moves the retro on from the step on screen (a second click on the same step is refused). */
  next: () => void;
}

/**
 * A button that moves the retro on. Once it is gone the next step's button sits in its place, so
 * the second click of a double click would land there: it is ignored.
 */
export function stepButton(
  label: string,
  key: string,
  onClick: () => void,
  extra: Record<string, string> = {},
): HTMLElement {
  return button(label, key, onClick, {
    ...extra,
    onclick: (ev: Event) => {
      if ((ev as MouseEvent).detail <= 1) onClick();
    },
  });
}

type Body = (HTMLElement | null)[];

function scheduled({ s, inc, next }: RetroContext): Body {
  return [
    h(
      'p',
      {},
      `A retro costs the participants' hours — learning competes with feature work. Responders: ${inc?.responders.map((r) => s.engineers[r]?.name).join(', ') || 'none'}.`,
    ),
    stepButton('Begin with the timeline →', 'retro-next', next, { class: 'primary' }),
  ];
}

function timelineStep({ s, retro, store, next }: RetroContext): Body {
  return [
    h('p', {}, 'Rebuilt from what was recorded during the incident:'),
    timeline(s, retro),
    tableDecisions(s, retro, store),
    stepButton('On to interviews →', 'retro-next', next, { class: 'primary' }),
  ];
}

function interviews({ el, retro, inc, members, outsiders, store, next }: RetroContext): Body {
  const lead = () => (el.querySelector('#retro-lead') as HTMLSelectElement | null)?.value ?? '';
  const interview = (depth: 'quick' | 'deep') => () => {
    store.dispatch({ type: 'interview', retro: retro.id, depth, facilitator: lead() });
    next();
  };
  return [
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
            { value: e.id },
            `${e.name}${inc?.responders.includes(e.id) ? ' (was involved)' : ' (not involved)'}`,
          ),
        ),
      ),
    ),
    h(
      'div',
      { class: 'actions' },
      stepButton('Quick review (1 h each)', 'retro-quick', interview('quick')),
      stepButton('Deep learning review (4 h each)', 'retro-deep', interview('deep'), { class: 'primary' }),
    ),
  ];
}

function framing({ s, retro, inc, store, next }: RetroContext): Body {
  return [
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
}

/** Why some factors stayed hidden, in the retro's own terms. */
function whyHidden(retro: Retro): string {
  if (retro.framing === 'blame') return 'people kept quiet after the blame';
  if (retro.depth === 'quick') return 'a quick review does not dig that deep';
  return 'not everyone felt safe to say';
}

/** One factor as a card: what it is, what is at stake, and (when choosing) the items that would act on it. */
function factorCard(
  ctx: RetroContext,
  factor: ReturnType<typeof surfacedFactors>[number],
  filed: Set<string | null | undefined>,
) {
  const { s, retro, store } = ctx;
  const plans = offersFor(s, surfacedFactors(retro)).get(factor.id) ?? [];
  const choosing = retro.phase === 'actions';
  const items = !choosing
    ? null
    : filed.has(factor.id)
      ? h('div', { class: 'filed' }, '✓ action item filed')
      : h(
          'div',
          { class: 'actions' },
          ...plans.map((p) => {
            if (p.already) return h('div', { class: 'filed' }, `✓ already filed: ${p.title} (${p.already.status})`);
            const command = { type: 'fileActionItem', retro: retro.id, factor: factor.id, actionType: p.type } as const;
            return commandButton(
              s,
              command,
              `${p.type}: ${p.title} (${offerGain(s, factor, p)})`,
              `file-${factor.id}-${p.type}`,
              () => store.dispatch(command),
            );
          }),
        );
  return h(
    'div',
    { class: 'card' },
    h('p', {}, factor.text),
    h('p', { class: 'stake small', 'data-testid': 'factor-stake' }, factorStake(s, factor)),
    items,
  );
}

function factorsAndActions(ctx: RetroContext): Body {
  const { s, retro, inc, store, next } = ctx;
  const surfaced = surfacedFactors(retro);
  const hidden = retro.factors.length - surfaced.length;
  const filed = new Set(retro.actionItems.map((id) => s.actionItems[id]?.factorId));
  const publish = h(
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
  );
  return [
    h(
      'p',
      {},
      `There is never a single root cause. ${plural(surfaced.length, 'contributing factor')} surfaced${hidden > 0 ? `; ${hidden} more stayed hidden (${whyHidden(retro)})` : ''}.`,
    ),
    retro.phase === 'actions' && inc
      ? h('p', { class: 'capacity', 'data-testid': 'team-hours' }, teamHours(s, s.services[inc.service]?.team ?? ''))
      : null,
    h('div', { class: 'cards', 'data-testid': 'factor-cards' }, ...surfaced.map((f) => factorCard(ctx, f, filed))),
    retro.phase === 'factors' ? stepButton('Choose action items →', 'retro-next', next, { class: 'primary' }) : publish,
  ];
}

function published({ retro, store }: RetroContext): Body {
  return [
    h(
      'p',
      {},
      retro.shared ? 'Published and shared: other teams can look for the same class of weakness.' : 'Published.',
    ),
    button('Back to the floor', 'retro-close', () => store.closeRetro(), { class: 'primary' }),
  ];
}

/** What each of the retro machine's steps shows (the compiler checks none is missing). */
export const RETRO_STEP_VIEWS: Record<RetroPhase, { name: string; body: (ctx: RetroContext) => Body }> = {
  scheduled: { name: 'Schedule', body: scheduled },
  timeline: { name: 'Timeline', body: timelineStep },
  interviews: { name: 'Interviews', body: interviews },
  framing: { name: 'Framing', body: framing },
  factors: { name: 'Contributing factors', body: factorsAndActions },
  actions: { name: 'Action items', body: factorsAndActions },
  published: { name: 'Published', body: published },
};
