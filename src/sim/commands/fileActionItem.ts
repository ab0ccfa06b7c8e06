import { actionItemOwner, own } from '../commandChecks';
import type { Snapshot } from '../model/snapshot';
import { ACTION_TYPES } from '../model/types';
import { type FileItemInput, fileActionItem as file, planFor } from '../rules/actionItems';
import { isGuarded } from '../rules/effects';
import { surfacedFactors } from '../rules/retro';
import { type CommandOf, defineCommand, no, OK } from './command';
import { oneOf, payload, ref } from './shape';

type FileCommand = CommandOf<'fileActionItem'>;
/** What filing would create, and for which retro; or why it cannot be filed. */
type Filing = { input: FileItemInput } | string;

const GUARDED = 'that weakness is already guarded; removing it (prevent) is the next step';
const ALREADY_OPEN = 'that condition already has an open action item';

/** One item at a time on a weakness: a second, while the first is open, would only split the team's hours. */
const hasOpenItem = (state: Snapshot, conditionId: string) =>
  Object.values(state.actionItems).some((a) => a.conditionId === conditionId && a.status === 'open');
const noOwner = (cmd: FileCommand) =>
  cmd.owner === undefined ? 'nobody is left to own it' : 'the owner must be an active engineer';

/** An item on a factor a retro surfaced, in the retro's actions step. */
function fromRetro(state: Snapshot, cmd: FileCommand, retroId: string, verify: boolean): Filing {
  const retro = own(state.retros, retroId);
  if (!retro) return `no retro "${retroId}"`;
  if (verify && retro.phase !== 'actions') return 'file action items in the actions step';
  const factor = surfacedFactors(retro).find((f) => f.id === cmd.factor);
  if (!factor) return 'that factor was not surfaced';
  if (verify) {
    if (retro.actionItems.some((id) => state.actionItems[id]?.factorId === factor.id))
      return 'that factor already has an action item';
    const cond = factor.conditionId ? own(state.conditions, factor.conditionId) : undefined;
    if (cond && hasOpenItem(state, cond.id)) return ALREADY_OPEN;
    if (cmd.actionType === 'mitigate' && cond && isGuarded(cond)) return GUARDED;
  }
  const pagerTeam = retro.incidentId ? (own(state.incidents, retro.incidentId)?.pagerTeam ?? null) : null;
  const owner = actionItemOwner(state, factor.service, pagerTeam, cmd.owner);
  if (!owner) return noOwner(cmd);
  const input: FileItemInput = {
    retroId: retro.id,
    factorId: factor.id,
    factorKey: factor.key,
    conditionId: factor.conditionId,
    service: factor.service,
    type: cmd.actionType,
    owner,
  };
  if (verify && !planFor(state, input)) return `a ${cmd.actionType} item does not fit that factor`;
  return { input };
}

/** An item on a latent condition someone knows about (a near miss, a drill), outside any retro. */
function fromCondition(state: Snapshot, cmd: FileCommand, verify: boolean): Filing {
  const c = own(state.conditions, cmd.condition);
  if (!c) return 'name a factor of a retro or a known latent condition';
  if (verify) {
    if (!c.revealed) return 'nobody knows about that condition yet';
    if (c.strength <= 0) return 'that condition is already gone';
    if (hasOpenItem(state, c.id)) return ALREADY_OPEN;
    if (cmd.actionType === 'mitigate' && isGuarded(c)) return GUARDED;
  }
  const owner = actionItemOwner(state, c.service, null, cmd.owner);
  if (!owner) return noOwner(cmd);
  const input: FileItemInput = {
    retroId: null,
    factorId: null,
    factorKey: 'condition',
    conditionId: c.id,
    service: c.service,
    type: cmd.actionType,
    owner,
  };
  if (verify && !planFor(state, input)) return `a ${cmd.actionType} item does not fit a latent condition`;
  return { input };
}

/**
 * What filing would create, or why not. With `verify` off (the effect, after the check said yes), only what the
 * item needs is looked up: the refusals that merely read, such as scanning every open item, are not repeated.
 */
const filing = (state: Snapshot, cmd: FileCommand, verify: boolean): Filing =>
  cmd.retro ? fromRetro(state, cmd, cmd.retro, verify) : fromCondition(state, cmd, verify);

export const fileActionItem = defineCommand({
  type: 'fileActionItem',
  schema: payload('fileActionItem', {
    retro: ref.optional(),
    factor: ref.optional(),
    condition: ref.optional(),
    actionType: oneOf(ACTION_TYPES, 'action type'),
    owner: ref.optional(),
  }),
  label: 'File an action item',
  check(state, cmd) {
    const f = filing(state, cmd, true);
    return typeof f === 'string' ? no(f) : OK;
  },
  perform(state, cmd) {
    const f = filing(state, cmd, false);
    if (typeof f === 'string') return;
    const item = file(state, f.input);
    const retro = f.input.retroId ? state.retros[f.input.retroId] : undefined;
    if (item && retro) retro.actionItems.push(item.id);
  },
});
