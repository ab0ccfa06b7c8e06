import './zodConfig';
import { z } from 'zod';
import type { Command, CommandType } from './commands';
import { RETRO_STEPS, type RetroPhase } from './machines/retroMachine';
import { CONDITION_KINDS, MITIGATIONS, ROLES } from './model/types';
import { describeValue } from './scenario/limits';

/** An id as a command names it: text of sane length (whether it exists is the handler's question). */
const ref = z.string().min(1).max(80);
/** One of a closed list; a wrong value is named in the game's words. */
const oneOf = <const T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.enum(values, { error: (issue) => `no ${what} ${describeValue(issue.input)}` });
const cmd = <T extends CommandType, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ type: z.literal(type), ...shape });

/** The shape of every command's payload, one per command type; checked before any handler runs. */
export const commandSchemas = {
  setOwnership: cmd('setOwnership', { model: oneOf(['ops-team', 'you-build-it', 'hybrid'], 'ownership model') }),
  setRotation: cmd('setRotation', {
    team: ref,
    weeks: z
      .array(z.object({ primary: ref, secondary: ref }))
      .min(1, 'a rotation needs at least one week')
      .max(52),
  }),
  setTeamFocus: cmd('setTeamFocus', { team: ref, reliabilityShare: z.number() }),
  acknowledge: cmd('acknowledge', { incident: ref }),
  pageSecondary: cmd('pageSecondary', { incident: ref }),
  escalateToExpert: cmd('escalateToExpert', { incident: ref }),
  pullInTeam: cmd('pullInTeam', { incident: ref, team: ref }),
  assignRole: cmd('assignRole', { incident: ref, role: oneOf(ROLES, 'role'), engineer: ref }),
  postStatus: cmd('postStatus', { incident: ref }),
  mitigate: cmd('mitigate', { incident: ref, action: oneOf(MITIGATIONS, 'mitigation') }),
  handOff: cmd('handOff', { incident: ref, to: ref, acknowledged: z.boolean() }),
  scheduleRetro: cmd('scheduleRetro', { incident: ref }),
  advanceRetro: cmd('advanceRetro', {
    retro: ref,
    from: oneOf(RETRO_STEPS as [RetroPhase, ...RetroPhase[]], 'retro step'),
  }),
  interview: cmd('interview', { retro: ref, depth: oneOf(['quick', 'deep'], 'interview depth'), facilitator: ref }),
  frameRetro: cmd('frameRetro', {
    retro: ref,
    framing: oneOf(['blameless', 'blame'], 'framing'),
    blamed: ref.optional(),
  }),
  fileActionItem: cmd('fileActionItem', {
    retro: ref.optional(),
    factor: ref.optional(),
    condition: ref.optional(),
    actionType: oneOf(['prevent', 'mitigate', 'repair'], 'action type'),
    owner: ref.optional(),
  }),
  publishRetro: cmd('publishRetro', { retro: ref, share: z.boolean() }),
  reviewNearMiss: cmd('reviewNearMiss', { nearMiss: ref }),
  runDrill: cmd('runDrill', { team: ref, service: ref }),
  setShadow: cmd('setShadow', { engineer: ref, mentor: ref.nullable() }),
  injectIncident: cmd('injectIncident', { service: ref, kind: oneOf(CONDITION_KINDS, 'condition class') }),
} satisfies Record<CommandType, z.ZodType>;

/** The compiler checks each schema yields exactly its own command. */
type Matches = {
  [T in CommandType]: z.output<(typeof commandSchemas)[T]> extends Extract<Command, { type: T }>
    ? Extract<Command, { type: T }> extends z.output<(typeof commandSchemas)[T]>
      ? true
      : false
    : false;
};
const schemasMatchCommands: Matches[CommandType] extends true ? true : false = true;
void schemasMatchCommands;
