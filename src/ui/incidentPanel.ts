import type { GameStore, StoreView } from '../app/store';
import {
  type Command,
  commandRegistry,
  diagnosisHint,
  type Incident,
  type IncidentPhase,
  MITIGATION_KEYS,
  MITIGATIONS,
  onCall,
  ROLES,
  type Role,
  type Snapshot,
} from '../sim';
import { commandButton } from './commandButton';
import { delegationToggle } from './delegation';
import { button, h, minutesText, render } from './dom';
import { hintText, investigationSection, nextStep } from './investigation';

const ROLE_NAMES: Record<Role, string> = { commander: 'Incident commander', ops: 'Ops', comms: 'Comms' };
const PHASE_TEXT: Record<IncidentPhase, string> = {
  undetected: 'not noticed yet',
  detected: 'detected',
  paged: 'paging — waiting for an acknowledgement',
  acknowledged: 'acknowledged',
  investigating: 'investigating',
  mitigated: 'mitigated — watching it recover',
  resolved: 'resolved',
};

const EXPERT_HINT = 'Fast, but the hero tires and nobody else learns';
const STATUS_HINT = 'Keeps customers informed: protects trust';

let selected: string | null = null;

function visible(s: Snapshot): Incident[] {
  return s.openIncidents.map((id) => s.incidents[id]).filter((i): i is Incident => !!i && i.phase !== 'undetected');
}

export function selectedIncident(s: Snapshot): Incident | null {
  const list = visible(s);
  if (!list.some((i) => i.id === selected)) selected = list[0]?.id ?? null;
  return list.find((i) => i.id === selected) ?? null;
}

function people(s: Snapshot, ids: string[]): string {
  return ids.map((id) => s.engineers[id]?.name ?? id).join(', ') || 'nobody yet';
}

function personOptions(s: Snapshot, chosen?: string): HTMLElement[] {
  return s.engineerOrder
    .map((id) => s.engineers[id])
    .filter((e) => e?.status === 'active')
    .map((e) =>
      h(
        'option',
        { value: e!.id, selected: e!.id === chosen },
        `${e!.name} (${s.teams[e!.team]?.name ?? e!.team}, tired ${Math.round(e!.fatigue * 100)}%)`,
      ),
    );
}

/** The live incident: what is known, who is on it, and every action — all reachable by keyboard. */
export function renderIncidentPanel(el: HTMLElement, view: StoreView, store: GameStore): void {
  const s = view.snapshot;
  if (!s) {
    render(el);
    return;
  }
  const list = visible(s);
  const inc = selectedIncident(s);
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
                selected = i.id;
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
  const secondary: Command = { type: 'pageSecondary', incident: inc.id };
  const expert: Command = { type: 'escalateToExpert', incident: inc.id };
  const status: Command = { type: 'postStatus', incident: inc.id };
  const crew = onCall(s, inc.pagerTeam, s.now);
  const d = (cmd: Parameters<GameStore['dispatch']>[0]) => () => store.dispatch(cmd);
  const roleRows = ROLES.map((role) => {
    const id = `role-${role}`;
    return h(
      'div',
      { class: 'row' },
      h('label', { for: id }, ROLE_NAMES[role]),
      h(
        'select',
        {
          id,
          'data-key': id,
          onchange: (e: Event) =>
            store.dispatch({
              type: 'assignRole',
              incident: inc.id,
              role,
              engineer: (e.target as HTMLSelectElement).value,
            }),
        },
        h('option', { value: '', selected: !inc.roles[role] }, '— choose —'),
        ...personOptions(s, inc.roles[role]),
      ),
    );
  });
  const teams = s.teamOrder.filter((t) => t !== inc.pagerTeam);
  // What the lists say now (they keep the player's choice across redraws), as commands the rules can check.
  const chosen = (id: string) => el.querySelector<HTMLSelectElement>(`#${id}`)?.value;
  const pull = (): Command => ({ type: 'pullInTeam', incident: inc.id, team: chosen('pull-team') || (teams[0] ?? '') });
  const handOff = (): Command => ({
    type: 'handOff',
    incident: inc.id,
    to: chosen('handoff-to') || (personOptions(s)[0]?.getAttribute('value') ?? ''),
    acknowledged: el.querySelector<HTMLInputElement>('#handoff-ack')?.checked ?? true,
  });
  render(
    el,
    h('h2', {}, 'Live incident'),
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
      h(
        'div',
        { class: 'hint', 'data-testid': 'hint' },
        inc.phase === 'mitigated' ? 'The fix worked; watching it recover.' : hintText(hint, inc.clues.length),
      ),
    ),
    h('div', { class: 'next-step', 'data-testid': 'next-step' }, nextStep(s, inc, hint)),
    inc.phase === 'paged'
      ? h(
          'div',
          { class: 'actions' },
          button(`${ack.label} (${ack.key})`, 'ack', d({ type: 'acknowledge', incident: inc.id }), {
            class: 'primary',
            accesskey: ack.key?.toLowerCase(),
          }),
        )
      : null,
    ...(inc.phase === 'investigating' || inc.phase === 'acknowledged' ? investigationSection(s, inc, store) : []),
    h('h3', {}, 'Mitigate'),
    h(
      'div',
      { class: 'actions mitigations' },
      ...MITIGATIONS.map((m) => {
        const cmd: Command = { type: 'mitigate', incident: inc.id, action: m };
        return commandButton(s, cmd, m, `mitigate-${m}`, d(cmd), {
          hint: `${m} (key ${MITIGATION_KEYS[m]})`,
          class: hint.recommended === m ? 'recommended' : undefined,
        });
      }),
    ),
    pending
      ? h(
          'div',
          { class: 'facts' },
          `${pending.action} under way, ${minutesText(Math.max(0, pending.doneAt - s.now))} to go`,
        )
      : null,
    h('h3', {}, 'People and roles'),
    ...roleRows,
    h(
      'div',
      { class: 'actions' },
      commandButton(
        s,
        secondary,
        `${commandRegistry.pageSecondary.label}${crew.secondary ? ` (${crew.secondary.name})` : ''}`,
        'secondary',
        d(secondary),
      ),
      commandButton(s, expert, commandRegistry.escalateToExpert.label, 'expert', d(expert), { hint: EXPERT_HINT }),
      commandButton(s, status, commandRegistry.postStatus.label, 'status', d(status), { hint: STATUS_HINT }),
    ),
    teams.length > 0
      ? h(
          'div',
          { class: 'row' },
          h('label', { for: 'pull-team' }, 'Pull in team'),
          h(
            'select',
            { id: 'pull-team', 'data-key': 'pull-team', 'data-keep': 'pull-team', onchange: () => store.refresh() },
            ...teams.map((t) => h('option', { value: t }, s.teams[t]?.name ?? t)),
          ),
          commandButton(s, pull(), commandRegistry.pullInTeam.label, 'pull', () => store.dispatch(pull())),
        )
      : null,
    h(
      'div',
      { class: 'row' },
      h('label', { for: 'handoff-to' }, 'Hand off to'),
      h(
        'select',
        { id: 'handoff-to', 'data-key': 'handoff-to', 'data-keep': 'handoff-to', onchange: () => store.refresh() },
        ...personOptions(s),
      ),
      h(
        'label',
        { class: 'inline' },
        h('input', {
          type: 'checkbox',
          id: 'handoff-ack',
          'data-key': 'handoff-ack',
          'data-keep': 'handoff-ack',
          checked: true,
        }),
        ' with a proper handoff',
      ),
      commandButton(s, handOff(), commandRegistry.handOff.label, 'handoff', () => store.dispatch(handOff())),
    ),
    delegationToggle(s, store),
    view.message ? h('div', { class: 'message', role: 'alert' }, view.message) : null,
  );
}

export function selectIncident(id: string): void {
  selected = id;
}
