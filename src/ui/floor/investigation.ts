import type { GameStore } from '../../app/store';
import type { ViewState } from '../../app/viewState';
import {
  CONDITION_KINDS,
  type Command,
  type DiagnosisHint,
  formatClock,
  INVESTIGATION_STEPS,
  type Incident,
  type InvestigationStep,
  type Snapshot,
  STEP_LABELS,
  stepMinutes,
} from '../../sim';
import { commandButton } from '../kit/commandButton';
import { h } from '../kit/dom';
import { MITIGATION_KEYS, STEP_KEYS } from './keymap';

const PICKER = 'step-by';

/** Who takes the next step: the player's pick, else the first free responder, else the first responder. */
export function chosenInvestigator(ui: ViewState, s: Snapshot, inc: Incident): string {
  const mine = ui.picked.get(inc.id);
  if (mine && inc.responders.includes(mine)) return mine;
  const free = inc.responders.find((id) => (s.engineers[id]?.busyUntil ?? 0) <= s.now);
  return free ?? inc.responders[0] ?? '';
}

/** The command a step's key or button asks for, with the chosen responder. */
export function stepCommand(ui: ViewState, s: Snapshot, inc: Incident, step: InvestigationStep): Command {
  return { type: 'investigate', incident: inc.id, step, engineer: chosenInvestigator(ui, s, inc) };
}

function responderOption(s: Snapshot, inc: Incident, id: string, chosen: string): HTMLElement {
  const e = s.engineers[id];
  const team = s.teams[e?.team ?? '']?.name ?? e?.team ?? '';
  const doing = inc.inquiries.find((q) => q.by === id);
  const busy = (e?.busyUntil ?? 0) > s.now;
  const state = doing
    ? `on ${STEP_LABELS[doing.step].toLowerCase()} until ${formatClock(doing.doneAt)}`
    : busy
      ? `busy until ${formatClock(e?.busyUntil ?? 0)}`
      : 'free';
  return h('option', { value: id, selected: id === chosen }, `${e?.name ?? id} (${team}, ${state})`);
}

const kindList = (kinds: readonly string[]) => kinds.join(', ');

/** What the clues say, in one line: what is still possible and what they point to. */
export function hintText(hint: DiagnosisHint, clues: number): string {
  if (clues === 0 && hint.candidates.length > 1) return 'No clues yet: any fix now is a guess.';
  if (hint.candidates.length === CONDITION_KINDS.length)
    return 'Nothing ruled out yet: look further, or guess (a wrong fix costs time).';
  if (hint.kind && hint.recommended)
    return `The clues point to a ${hint.kind} failure: ${hint.recommended} should fix it.`;
  if (hint.recommended)
    return `Still possible: ${kindList(hint.candidates)}. All of them are fixed by ${hint.recommended}.`;
  if (hint.kind)
    return `The clues point to a ${hint.kind} failure; check recent deploys to know whether a rollback helps.`;
  return `Still possible: ${kindList(hint.candidates)}. Look further, or guess.`;
}

/**
 * The investigation: who takes the next step (and who is busy until when), a button per step with
 * its cost in minutes, the steps under way, and every clue so far in plain words.
 */
export function investigationSection(s: Snapshot, inc: Incident, store: GameStore): HTMLElement[] {
  const by = chosenInvestigator(store.ui, s, inc);
  const picker = h(
    'div',
    { class: 'row' },
    h('label', { for: PICKER }, 'Who looks'),
    h(
      'select',
      {
        id: PICKER,
        'data-key': PICKER,
        onchange: (e: Event) => {
          store.ui.picked.set(inc.id, (e.target as HTMLSelectElement).value);
          store.refresh();
        },
      },
      ...inc.responders.map((id) => responderOption(s, inc, id, by)),
    ),
  );
  const steps = h(
    'div',
    { class: 'actions steps' },
    ...INVESTIGATION_STEPS.map((step) => {
      const cmd = stepCommand(store.ui, s, inc, step);
      const minutes = by ? stepMinutes(s, inc, step, by) : 0;
      return commandButton(
        s,
        cmd,
        `${STEP_LABELS[step]} (${STEP_KEYS[step]}) ${minutes}m`,
        `step-${step}`,
        () => store.dispatch(stepCommand(store.ui, s, inc, step)),
        { hint: `${STEP_LABELS[step]}: ${minutes} minutes of ${s.engineers[by]?.name ?? 'a responder'}'s time` },
      );
    }),
  );
  const underWay = inc.inquiries.map((q) =>
    h(
      'li',
      { class: 'inquiry' },
      `${s.engineers[q.by]?.name ?? q.by} is looking at ${STEP_LABELS[q.step].toLowerCase()}: ${Math.max(0, q.doneAt - s.now)} min to go`,
    ),
  );
  const clues = inc.clues.map((c) =>
    h(
      'li',
      { class: 'clue', 'data-testid': 'clue' },
      h('strong', {}, `${s.engineers[c.by]?.name ?? c.by} · ${STEP_LABELS[c.step]}: `),
      c.text,
      h(
        'span',
        { class: 'consistent' },
        c.consistentWith.length === CONDITION_KINDS.length
          ? ' — rules nothing out'
          : ` — consistent with: ${kindList(c.consistentWith)}`,
      ),
    ),
  );
  return [
    h('h3', {}, 'Investigate'),
    picker,
    steps,
    underWay.length + clues.length > 0
      ? h('ul', { class: 'clues', 'data-testid': 'clues' }, ...underWay, ...clues)
      : h(
          'p',
          { class: 'facts' },
          'No clues yet. Each step costs the chosen responder minutes and brings back a clue.',
        ),
  ];
}

/** A plain-words suggestion that teaches the loop: investigate → infer → choose. */
export function nextStep(s: Snapshot, inc: Incident, hint: DiagnosisHint, paused = false): string {
  if (inc.phase === 'paged') return 'Next: acknowledge the page (A) so the responder can start looking.';
  if (inc.phase === 'mitigated')
    return 'Mitigated. It resolves once it has stayed healthy for 30 minutes; then hold a retro.';
  if (inc.attempts.some((a) => a.outcome === 'pending'))
    return 'A mitigation is under way. Keep customers informed with a status update.';
  if (hint.recommended)
    return `Next: choose. The clues agree on ${hint.recommended} (key ${MITIGATION_KEYS[hint.recommended]}) — press it, or look further first.`;
  const free = inc.responders.some((id) => (s.engineers[id]?.busyUntil ?? 0) <= s.now);
  // Clues come back as time passes: with the clock stopped, waiting brings nothing.
  const looking = inc.inquiries.length > 0;
  if (!free && paused && looking)
    return 'Next: the responders are looking, but the clock is stopped. Talk it over, then press Space to let time run: their clues come back as it does.';
  if (inc.clues.length === 0)
    return free
      ? 'Next: investigate. Pick who looks and a step (D dashboards, L logs, Y deploys…); each brings back a clue.'
      : 'Next: wait for the first clue, or bring in more hands.';
  if (!inc.roles.commander && inc.responders.length > 1)
    return 'Next: name an incident commander — steps across teams go faster with one, and nobody freelances.';
  return free
    ? 'Next: infer. Compare what the clues are consistent with; another step narrows it, or guess a fix (a wrong one costs time).'
    : 'Next: everyone is busy looking. Wait for the clues, or post a status update.';
}
