import { type Command, checkCommand, type Snapshot } from '../../sim';
import { type Attrs, button } from './dom';

/**
 * A button for one command, asking the rules whether it applies now: when it would be refused, the button is
 * disabled and says why (its title, read out as its description); otherwise it keeps its usual hint.
 */
export function commandButton(
  s: Snapshot,
  cmd: Command,
  label: string,
  key: string,
  onClick: () => void,
  extra: Attrs & { hint?: string } = {},
): HTMLElement {
  const { hint, ...attrs } = extra;
  const verdict = checkCommand(s, cmd);
  return button(label, key, onClick, {
    ...attrs,
    disabled: !verdict.ok,
    title: verdict.ok ? hint : `Not now: ${verdict.reason}`,
  });
}
