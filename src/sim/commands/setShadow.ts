import { activeEngineer, own } from '../commandChecks';
import { logEvent } from '../model/world';
import { defineCommand, no, OK } from './command';
import { payload, ref } from './shape';

export const setShadow = defineCommand({
  type: 'setShadow',
  schema: payload('setShadow', { engineer: ref, mentor: ref.nullable() }),
  label: 'Pair',
  check(state, cmd) {
    if (!activeEngineer(state, cmd.engineer)) return no('that person is not available');
    if (cmd.mentor !== null && (!activeEngineer(state, cmd.mentor) || cmd.mentor === cmd.engineer))
      return no('shadow someone else who is active');
    return OK;
  },
  perform(state, cmd) {
    const e = own(state.engineers, cmd.engineer);
    if (!e) return;
    e.shadowing = cmd.mentor;
    logEvent(state, { type: 'shadowing', engineer: e.id, mentor: cmd.mentor });
  },
});
