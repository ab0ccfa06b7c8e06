import {
  type Command,
  type CommandType,
  commandRegistry,
  INVESTIGATION_STEPS,
  type InvestigationStep,
  MITIGATIONS,
  type Mitigation,
} from '../../sim';

/**
 * The floor's single-key shortcuts, built from the command registry: each command that takes a key, each
 * mitigation and each investigation step (both closed lists of the simulation, so a new one without a key
 * does not compile), and the screen's own keys. Two bindings on one key are refused when the map is built.
 */
const COMMAND_KEYS: { readonly [T in CommandType]?: string } = { acknowledge: 'A' };

export const MITIGATION_KEYS: Readonly<Record<Mitigation, string>> = {
  rollback: 'R',
  failover: 'F',
  'scale-up': 'U',
  'flag-off': 'G',
  restart: 'T',
};

export const STEP_KEYS: Readonly<Record<InvestigationStep, string>> = {
  dashboards: 'D',
  logs: 'L',
  deploys: 'Y',
  dependency: 'N',
  runbook: 'B',
  expert: 'X',
};

/** The screen's own keys: Space pauses, H or ? opens the rules. */
const SCREEN_KEYS = { pause: [' '], help: ['H', '?'] } as const;

/** What a key does on the floor. */
export type Binding =
  | { does: 'command'; type: CommandType; label: string }
  | { does: 'mitigate'; action: Mitigation; label: string }
  | { does: 'investigate'; step: InvestigationStep; label: string }
  | { does: 'pause' | 'help'; label: string };

/** Every binding with its key, in the order the rules list them. */
export function bindings(): [string, Binding][] {
  const out: [string, Binding][] = [];
  for (const type of Object.keys(commandRegistry) as CommandType[]) {
    const key = COMMAND_KEYS[type];
    if (key) out.push([key, { does: 'command', type, label: commandRegistry[type].label }]);
  }
  for (const step of INVESTIGATION_STEPS) out.push([STEP_KEYS[step], { does: 'investigate', step, label: step }]);
  for (const action of MITIGATIONS) out.push([MITIGATION_KEYS[action], { does: 'mitigate', action, label: action }]);
  for (const key of SCREEN_KEYS.pause) out.push([key, { does: 'pause', label: 'pause' }]);
  for (const key of SCREEN_KEYS.help) out.push([key, { does: 'help', label: 'rules' }]);
  return out;
}

/** Keys bound twice, each with what it is bound to ("R: rollback and runbook"). */
export function keyConflicts(list: [string, Binding][]): string[] {
  const seen = new Map<string, Binding[]>();
  for (const [key, b] of list) seen.set(key.toUpperCase(), [...(seen.get(key.toUpperCase()) ?? []), b]);
  return [...seen]
    .filter(([, bs]) => bs.length > 1)
    .map(([key, bs]) => `${key}: ${bs.map((b) => b.label).join(' and ')}`);
}

/** The keymap, checked: building it with two bindings on one key is an error, not a silent override. */
export function buildKeymap(list = bindings()): ReadonlyMap<string, Binding> {
  const clashes = keyConflicts(list);
  if (clashes.length > 0) throw new Error(`keys bound twice: ${clashes.join('; ')}`);
  return new Map(list.map(([key, b]) => [key.toUpperCase(), b]));
}

export const KEYMAP = buildKeymap();

/** The key a command type takes, if any (for its button's label). */
export function commandKey(type: CommandType): string | undefined {
  return COMMAND_KEYS[type];
}

/** The incident command a key asks for on the selected incident (A acknowledges, R rolls back…), if any. */
export function incidentShortcut(key: string, incident: string): Command | null {
  const b = KEYMAP.get(key.toUpperCase());
  if (b?.does === 'mitigate') return { type: 'mitigate', incident, action: b.action };
  if (b?.does === 'command' && b.type === 'acknowledge') return { type: 'acknowledge', incident };
  return null;
}
