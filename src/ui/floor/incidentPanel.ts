import type { GameStore, StoreView } from '../../app/store';
import {
  type Command,
  commandRegistry,
  diagnosisHint,
  type Incident,
  type IncidentPhase,
  MITIGATIONS,
  type Snapshot,
} from '../../sim';
import { commandButton } from '../kit/commandButton';
import { button, h, minutesText, render } from '../kit/dom';
import { delegationToggle } from './delegation';
import { peopleSection } from './incidentPeople';
import { hintText, investigationSection, nextStep } from './investigation';
import { commandKey, MITIGATION_KEYS } from './keymap';
import { customerSection, elsewhere, incidentTimeline, roleInFront, roleTabs, shows } from './roleView';

const PHASE_TEXT: Record<IncidentPhase, string> = {
  undetected: 'not noticed yet',
  detected: 'detected',
  paged: 'paging — waiting for an acknowledgement',
  acknowledged: 'acknowledged',
  investigating: 'investigating',
  mitigated: 'mitigated — watching it recover',
  resolved: 'resolved',
};

const STATUS_HINT = 'Keeps customers informed: protects trust';

function visible(s: Snapshot): Incident[] {
  return s.openIncidents.map((id) => s.incidents[id]).filter((i): i is Incident => !!i && i.phase !== 'undetected');
}

function people(s: Snapshot, ids: string[]): string {
  return ids.map((id) => s.engineers[id]?.name ?? id).join(', ') || 'nobody yet';
}

/** The live incident: what is known, who is on it, and every action — all reachable by keyboard. */
export function renderIncidentPanel(el: HTMLElement, view: StoreView, store: GameStore): void {
  const s = view.snapshot;
  if (!s) {
    render(el);
    return;
  }
  const list = visible(s);
  const inc = store.ui.selectedIn(s);
  const tabs =
    list.length > 1
      ? h(
          'div',
          { class: 'tabs', role: 'tablist' },
          ...list.map((i) =>
            button(
              `${s.services[i.service]?.name} SEV${i.sev}`,
              `tab-${i.id}`,
              () => {
                store.ui.selectedIncident = i.id;
                store.refresh();
              },
              { role: 'tab', 'aria-selected': i.id === inc?.id ? 'true' : 'false' },
            ),
          ),
        )
      : null;
  if (!inc) {
    render(
      el,
      h('h2', {}, 'Incidents'),
      h('p', { class: 'calm', 'data-testid': 'no-incident' }, 'All quiet. Nothing is on fire that anyone knows about.'),
      delegationToggle(s, store),
    );
    return;
  }
  const svc = s.services[inc.service];
  const hint = diagnosisHint(inc);
  const pending = inc.attempts.find((a) => a.outcome === 'pending');
  const ack = commandRegistry.acknowledge;
  const status: Command = { type: 'postStatus', incident: inc.id };
  const d = (cmd: Parameters<GameStore['dispatch']>[0]) => () => store.dispatch(cmd);
  const role = roleInFront(store);
  render(
    el,
    h('h2', {}, 'Live incident'),
    roleTabs(store),
    tabs,
    h(
      'div',
      { class: `incident sev${inc.sev}`, 'data-testid': 'incident' },
      h('div', { class: 'title' }, `${svc?.name ?? inc.service} · SEV${inc.sev}`),
      // The one line read out when it changes: the phase, not the clock-driven numbers around it.
      h(
        'div',
        { class: 'phase', 'data-testid': 'incident-phase', 'aria-live': 'polite', 'aria-atomic': 'true' },
        PHASE_TEXT[inc.phase],
      ),
      h(
        'div',
        { class: 'facts' },
        `burning ${minutesText(s.now - inc.startedAt)} · found by ${inc.detectedBy === 'customer' ? 'customers' : 'an alert'} · paged ${s.engineers[inc.pagedTo ?? '']?.name ?? '—'}`,
      ),
      inc.affected.length > 1
        ? h(
            'div',
            { class: 'warn' },
            `Spread to ${inc.affected
              .slice(1)
              .map((a) => s.services[a]?.name)
              .join(', ')}`,
          )
        : null,
      h('div', { class: 'facts' }, `responders: ${people(s, inc.responders)}`),
      shows(role, 'clues')
        ? h(
            'div',
            { class: 'hint', 'data-testid': 'hint' },
            inc.phase === 'mitigated' ? 'The fix worked; watching it recover.' : hintText(hint, inc.clues.length),
          )
        : null,
    ),
    h(
      'div',
      { class: 'next-step', 'data-testid': 'next-step' },
      shows(role, 'clues') ? nextStep(s, inc, hint, view.phase !== 'playing') : elsewhere(role),
    ),
    inc.phase === 'paged' && shows(role, 'people')
      ? h(
          'div',
          { class: 'actions' },
          button(`${ack.label} (${commandKey('acknowledge')})`, 'ack', d({ type: 'acknowledge', incident: inc.id }), {
            class: 'primary',
            accesskey: commandKey('acknowledge')?.toLowerCase(),
          }),
        )
      : null,
    ...((inc.phase === 'investigating' || inc.phase === 'acknowledged') && shows(role, 'clues')
      ? investigationSection(s, inc, store)
      : []),
    shows(role, 'mitigate') ? h('h3', {}, 'Mitigate') : null,
    shows(role, 'mitigate')
      ? h(
          'div',
          { class: 'actions mitigations' },
          ...MITIGATIONS.map((m) => {
            const cmd: Command = { type: 'mitigate', incident: inc.id, action: m };
            return commandButton(s, cmd, m, `mitigate-${m}`, d(cmd), {
              hint: `${m} (key ${MITIGATION_KEYS[m]})`,
              class: hint.recommended === m ? 'recommended' : undefined,
            });
          }),
        )
      : null,
    pending && shows(role, 'mitigate')
      ? h(
          'div',
          { class: 'facts' },
          `${pending.action} under way, ${minutesText(Math.max(0, pending.doneAt - s.now))} to go`,
        )
      : null,
    shows(role, 'people') ? peopleSection(el, s, inc, store) : null,
    shows(role, 'timeline') && role !== null ? incidentTimeline(s, inc, role) : null,
    shows(role, 'status')
      ? h(
          'div',
          { class: 'actions' },
          commandButton(s, status, commandRegistry.postStatus.label, 'status', d(status), { hint: STATUS_HINT }),
        )
      : null,
    shows(role, 'customers') && role !== null ? customerSection(s, inc) : null,
    delegationToggle(s, store),
    view.message ? h('div', { class: 'message', role: 'alert' }, view.message) : null,
  );
}
