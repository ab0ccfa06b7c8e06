import type { GameStore } from '../../app/store';
import { type Command, commandRegistry, type Incident, onCall, ROLES, type Role, type Snapshot } from '../../sim';
import { commandButton } from '../kit/commandButton';
import { h } from '../kit/dom';

const ROLE_NAMES: Record<Role, string> = { commander: 'Incident commander', ops: 'Ops', comms: 'Comms' };
const EXPERT_HINT = 'Fast, but the hero tires and nobody else learns';

export function personOptions(s: Snapshot, chosen?: string): HTMLElement[] {
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

/** The commander's part of an incident: who holds which role, more hands, another team, a handoff. */
export function peopleSection(el: HTMLElement, s: Snapshot, inc: Incident, store: GameStore): HTMLElement {
  const secondary: Command = { type: 'pageSecondary', incident: inc.id };
  const expert: Command = { type: 'escalateToExpert', incident: inc.id };
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
  return h(
    'section',
    { class: 'people', 'data-testid': 'incident-people' },
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
  );
}
