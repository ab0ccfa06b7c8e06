import fc from 'fast-check';
import { COMMAND_TYPES, type Command, playerView, policies, RETRO_STEPS, type Snapshot } from '../../src/sim';
import { CONDITION_KINDS, INVESTIGATION_STEPS, MITIGATIONS, ROLES } from '../../src/sim/model/types';
import { surfacedFactors } from '../../src/sim/rules/retro';
import { must } from './fixtures';

/**
 * Random play: commands chosen against the world as it is, interleaved with time. Shared by the property
 * tests that throw every kind of decision at a round.
 */

export const COMMAND_KINDS = COMMAND_TYPES;

export const BOTS = ['learning-first', 'always-blame', 'hero-everything', 'careful', 'baseline'] as const;

export type Op =
  | { kind: 'advance'; minutes: number }
  | { kind: 'bot'; bot: (typeof BOTS)[number] }
  | { kind: (typeof COMMAND_KINDS)[number]; a: number; b: number; c: number; flag: boolean; x: number };

export const commandOp = (kinds: readonly (typeof COMMAND_KINDS)[number][]) =>
  fc.record({
    kind: fc.constantFrom(...kinds),
    a: fc.nat(1000),
    b: fc.nat(1000),
    c: fc.nat(1000),
    flag: fc.boolean(),
    x: fc.double({ min: -0.5, max: 1.5, noNaN: true }),
  });

export const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({ kind: fc.constant('advance' as const), minutes: fc.integer({ min: 1, max: 180 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('advance' as const), minutes: fc.integer({ min: 600, max: 2880 }) }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('bot' as const), bot: fc.constantFrom(...BOTS) }) },
  { weight: 2, arbitrary: commandOp(['injectIncident']) },
  { weight: 6, arbitrary: commandOp(COMMAND_KINDS) },
);

export const pick = <T>(xs: readonly T[], i: number): T | undefined => (xs.length ? xs[i % xs.length] : undefined);

/** Turns a random op into commands that mostly name real things in the current world. */
export function commandsFor(snap: Snapshot, op: Op): Command[] {
  if (op.kind === 'advance') return [];
  if (op.kind === 'bot') return must(policies[op.bot])(playerView(snap));
  const { a, b, c, flag, x } = op;
  const open = snap.openIncidents.filter((id) => snap.incidents[id]?.phase !== 'undetected');
  const incident = pick(flag || open.length === 0 ? snap.incidentOrder : open, a) ?? 'inc-0';
  const engineer = pick(snap.engineerOrder, b) ?? 'nobody';
  const other = pick(snap.engineerOrder, c) ?? 'nobody';
  const team = pick(snap.teamOrder, c) ?? 'nobody';
  const service = pick(snap.serviceOrder, b) ?? 'nowhere';
  const retroIds = Object.keys(snap.retros);
  const retro = pick(retroIds, a) ?? 'retro-0';
  switch (op.kind) {
    case 'acknowledge':
    case 'pageSecondary':
    case 'escalateToExpert':
    case 'postStatus':
      return [{ type: op.kind, incident }];
    case 'pullInTeam':
      return [{ type: 'pullInTeam', incident, team }];
    case 'assignRole':
      return [{ type: 'assignRole', incident, role: must(pick(ROLES, c)), engineer }];
    case 'mitigate':
      return [{ type: 'mitigate', incident, action: must(pick(MITIGATIONS, b)) }];
    case 'investigate':
      return [{ type: 'investigate', incident, step: must(pick(INVESTIGATION_STEPS, c)), engineer }];
    case 'delegateResponse':
      return [{ type: 'delegateResponse', on: flag }];
    case 'handOff':
      return [{ type: 'handOff', incident, to: engineer, acknowledged: flag }];
    case 'scheduleRetro':
      return [{ type: 'scheduleRetro', incident: pick(snap.incidentOrder, a) ?? 'inc-0' }];
    case 'advanceRetro':
      // Mostly the step the retro is at; sometimes a stale one, as a second click would send.
      return [
        {
          type: 'advanceRetro',
          retro,
          from: flag ? must(pick(RETRO_STEPS, b)) : (snap.retros[retro]?.phase ?? 'scheduled'),
        },
      ];
    case 'interview':
      return [{ type: 'interview', retro, depth: flag ? 'deep' : 'quick', facilitator: engineer }];
    case 'frameRetro':
      return [
        flag
          ? { type: 'frameRetro', retro, framing: 'blame', blamed: engineer }
          : { type: 'frameRetro', retro, framing: 'blameless' },
      ];
    case 'fileActionItem': {
      const type = must(pick(['prevent', 'mitigate', 'repair'] as const, c));
      const r = snap.retros[retro];
      if (flag && r) {
        const factor = pick(surfacedFactors(r), b);
        return [{ type: 'fileActionItem', retro, factor: factor?.id ?? 'none', actionType: type }];
      }
      const known = Object.values(snap.conditions).filter((k) => k.revealed);
      return [{ type: 'fileActionItem', condition: pick(known, b)?.id ?? 'none', actionType: type }];
    }
    case 'publishRetro':
      return [{ type: 'publishRetro', retro, share: flag }];
    case 'reviewNearMiss':
      return [{ type: 'reviewNearMiss', nearMiss: pick(Object.keys(snap.nearMisses), a) ?? 'nm-0' }];
    case 'runDrill':
      return [{ type: 'runDrill', team, service }];
    case 'setShadow':
      return [{ type: 'setShadow', engineer, mentor: flag ? null : other }];
    case 'injectIncident':
      return [{ type: 'injectIncident', service, kind: must(pick(CONDITION_KINDS, c)) }];
    case 'setTeamFocus':
      return [{ type: 'setTeamFocus', team, reliabilityShare: x }];
    case 'chooseInvestment':
      return [{ type: 'chooseInvestment', week: flag ? Math.floor(snap.now / 10080) + 1 : 1 + (a % 4), offer: c % 3 }];
    case 'setRotation': {
      const members = snap.engineerOrder.filter((id) => snap.engineers[id]?.team === team);
      return [
        {
          type: 'setRotation',
          team,
          weeks: [
            { primary: pick(members, a) ?? engineer, secondary: pick(members, b) ?? engineer },
            { primary: pick(members, b) ?? engineer, secondary: flag ? engineer : (pick(members, c) ?? engineer) },
          ],
        },
      ];
    }
    case 'setOwnership':
      return [{ type: 'setOwnership', model: must(pick(['ops-team', 'you-build-it', 'hybrid'] as const, a)) }];
  }
}
