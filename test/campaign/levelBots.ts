import type { ActionType, Command, FactorKey, Policy } from '../../src/sim';
import { alwaysBlame, baseline, careful, heroEverything } from '../../src/sim/policies';
import { carefulResponse, retroCommands, setFocusOnce, visibleIncidents } from '../../src/sim/policies/helpers';

/**
 * Scripted players for the campaign's levels: for each level a learner that does what its lesson teaches, built
 * from the careful response every bot shares, and the non-learners it is measured against. They read only what
 * a player sees: incidents that were noticed, clues, what retros surfaced, weaknesses the organization knows of.
 */

export { baseline, careful };

/** What a bot is given to look at: the world as the policy type says a player sees it. */
type View = Parameters<Policy>[0];

const MONDAY_NINE = 9 * 60;
const TUESDAY_FOUR = 1440 + 16 * 60;
const THURSDAY_NOON = 3 * 1440 + 12 * 60;

/** Blameless retros led by someone who was not involved, with items on what they surface (conditions first). */
const retros = (depth: 'quick' | 'deep', items: number, guardFirst: boolean) => (s: View) =>
  retroCommands(s, {
    depthFor: () => depth,
    framing: 'blameless',
    share: true,
    items,
    uninvolvedFacilitator: true,
    preferGuard: guardFirst,
  });

/** A drill at a minute: the team rehearses a service's failure, which brings its strongest unknown weakness to light. */
const drillAt = (s: View, minute: number, team: string, service: string): Command[] =>
  s.now === minute ? [{ type: 'runDrill', team, service }] : [];

/** An item on every weakness the organization knows of on these services that has none yet. */
function actOnKnown(s: View, services: readonly string[], actionType: ActionType): Command[] {
  const covered = new Set(
    Object.values(s.actionItems)
      .filter((a) => a.status === 'open')
      .map((a) => a.conditionId),
  );
  return Object.values(s.conditions)
    .filter((c) => c.revealed && c.strength > 0 && services.includes(c.service) && !covered.has(c.id))
    .filter((c) => actionType !== 'mitigate' || !(c.weakened ?? []).some((w) => w.by === 'item'))
    .map((c) => ({ type: 'fileActionItem', condition: c.id, actionType }));
}

/** Level 1: holds last week's retro deeply, drills the database on Monday, guards what it finds, never calls the hero. */
export const rehearsesRecovery: Policy = (s) => [
  ...setFocusOnce(s, 0.6),
  ...carefulResponse(s),
  ...retros('deep', 4, true)(s),
  ...drillAt(s, MONDAY_NINE, 'platform', 'db'),
  ...actOnKnown(s, ['db'], 'mitigate'),
];

/** Level 2: responds carefully, drills the store everything depends on, and guards the risky tool it finds. */
export const guardsTheTool: Policy = (s) => [
  ...setFocusOnce(s, 0.5),
  ...carefulResponse(s),
  ...retros('deep', 3, true)(s),
  ...drillAt(s, MONDAY_NINE, 'storage', 'store'),
  ...actOnKnown(s, ['store'], 'mitigate'),
];

/** Level 3: switches the bad rule off first, then drills the rules' path to production and guards what it finds. */
export const undoesThenStages: Policy = (s) => [
  ...setFocusOnce(s, 0.4),
  ...carefulResponse(s),
  ...retros('deep', 3, true)(s),
  ...drillAt(s, TUESDAY_FOUR, 'edge', 'waf'),
  ...actOnKnown(s, ['waf'], 'mitigate'),
];

/** Level 4: digs deep into last week's router hiccup and drills the router, then removes what it finds. */
export const removesDeadCode: Policy = (s) => [
  ...setFocusOnce(s, 0.6),
  ...carefulResponse(s),
  ...retros('deep', 4, false)(s),
  ...drillAt(s, MONDAY_NINE, 'trading', 'router'),
  ...actOnKnown(s, ['router'], 'prevent'),
];

/** Items only on the factors of these kinds (and what their retros surface on weaknesses), in the retros' own steps. */
function onlyItemsOn(s: View, commands: Command[], keys: readonly FactorKey[]): Command[] {
  return commands.filter((c) => {
    if (c.type !== 'fileActionItem' || !c.retro) return true;
    const factor = s.retros[c.retro]?.factors.find((f) => f.id === c.factor);
    return factor !== undefined && keys.includes(factor.key);
  });
}

/**
 * Level 5: takes command at once; pairs people on the backbone its reviews show only one person knows, has the
 * least experienced shadow her, and drills it.
 */
export const spreadsTheBackbone: Policy = (s) => {
  const out: Command[] = [
    ...setFocusOnce(s, 0.6),
    ...carefulResponse(s),
    ...onlyItemsOn(s, retros('deep', 4, true)(s), ['single-knower', 'hero', 'runbook-stale']),
    ...drillAt(s, MONDAY_NINE, 'network', 'backbone'),
  ];
  if (s.now === 0) out.push({ type: 'setShadow', engineer: 'ben', mentor: 'abby' });
  return out;
};

/** Level 6: drills the services the crowd will hit as soon as the peak is announced, and guards their limits. */
export const plansForThePeak: Policy = (s) => [
  ...setFocusOnce(s, 0.5),
  ...carefulResponse(s),
  ...retros('quick', 2, true)(s),
  ...drillAt(s, MONDAY_NINE, 'platform', 'cache'),
  ...drillAt(s, MONDAY_NINE, 'web', 'api'),
  ...actOnKnown(s, ['cache', 'api'], 'mitigate'),
];

/** Level 7: puts the developers on call for what they build on Monday morning, and responds carefully. */
export const putsDevelopersOnCall: Policy = (s) => [
  ...(s.now === 0 ? [{ type: 'setOwnership', model: 'you-build-it' } as Command] : []),
  ...carefulResponse(s),
];

/** Level 8: names someone to comms on every incident at once, and keeps customers told. */
export const keepsCustomersTold: Policy = (s) => {
  const out: Command[] = [...carefulResponse(s)];
  for (const inc of visibleIncidents(s)) {
    if (inc.phase !== 'investigating' || inc.roles.comms) continue;
    const free = s.engineerOrder.find(
      (id) => s.engineers[id]?.status === 'active' && id !== inc.roles.ops && id !== inc.roles.commander,
    );
    if (free) out.push({ type: 'assignRole', incident: inc.id, role: 'comms', engineer: free });
  }
  return out;
};

/*
 * Bots that try to meet a level's goal without learning its lesson. Each must fail its level.
 */

/** Level 1: drills and guards, but the wrong service. */
export const drillsTheWrongService: Policy = (s) => [
  ...setFocusOnce(s, 0.6),
  ...carefulResponse(s),
  ...drillAt(s, MONDAY_NINE, 'platform', 'web'),
  ...actOnKnown(s, ['web', 'api', 'db'], 'mitigate'),
];

/** Levels 1–2: responds carefully and guards every weakness it knows of, but never looks for the ones it does not. */
export const guardsOnlyWhatItKnows: Policy = (s) => [
  ...setFocusOnce(s, 0.6),
  ...carefulResponse(s),
  ...actOnKnown(s, s.serviceOrder, 'mitigate'),
];

/** Levels 1–2: holds a retro of every incident, but a quick one that names who was at fault. */
export const blamesQuickly: Policy = (s) => [...alwaysBlame(s), ...actOnKnown(s, s.serviceOrder, 'mitigate')];

/** Level 3: restarts first (the never-learning reflex), though it drills and guards afterwards. */
export const restartsThenGuards: Policy = (s) => [
  ...setFocusOnce(s, 0.4),
  ...baseline(s),
  ...drillAt(s, TUESDAY_FOUR, 'edge', 'waf'),
  ...actOnKnown(s, ['waf'], 'mitigate'),
];

/** Level 4: reviews every incident, but quickly: the old code path stays out of sight. */
export const reviewsQuickly: Policy = (s) => [
  ...setFocusOnce(s, 0.6),
  ...carefulResponse(s),
  ...retros('quick', 4, false)(s),
  ...actOnKnown(s, ['router'], 'prevent'),
];

/** Level 4: reviews deeply, but names who was at fault: people keep the deeper factors to themselves. */
export const blamesInDepth: Policy = (s) => [
  ...setFocusOnce(s, 0.6),
  ...carefulResponse(s),
  ...retroCommands(s, {
    depthFor: () => 'deep',
    framing: 'blame',
    share: false,
    items: 4,
    uninvolvedFacilitator: true,
  }),
  ...actOnKnown(s, ['router'], 'prevent'),
];

/** Level 5: calls the one expert in on everything, as the never-learning reflex does. */
export const callsTheHero: Policy = (s) => heroEverything(s);

/** Level 5: spreads the backbone's knowledge (pairing, shadowing, a drill), but nobody ever takes command. */
export const spreadsButNobodyCommands: Policy = (s) =>
  spreadsTheBackbone(s).filter((c) => !(c.type === 'assignRole' && c.role === 'commander'));

/** Level 6: drills and guards the same services, but only once the crowd is back. */
export const guardsAfterThePeak: Policy = (s) => [
  ...setFocusOnce(s, 0.5),
  ...carefulResponse(s),
  ...drillAt(s, THURSDAY_NOON, 'platform', 'cache'),
  ...drillAt(s, THURSDAY_NOON, 'web', 'api'),
  ...actOnKnown(s, ['cache', 'api'], 'mitigate'),
];

/** Level 7: the ops team keeps every pager and pulls the developers into each incident. */
export const pullsInTheDevelopers: Policy = (s) => {
  const out: Command[] = [...carefulResponse(s)];
  for (const inc of visibleIncidents(s)) {
    const owner = s.services[inc.service]?.team;
    if (inc.phase === 'investigating' && owner && owner !== inc.pagerTeam && !inc.teamsPulled.includes(owner))
      out.push({ type: 'pullInTeam', incident: inc.id, team: owner });
  }
  return out;
};

/** Level 8: names someone to comms on every incident, who then tells customers nothing. */
export const commsButSilent: Policy = (s) => keepsCustomersTold(s).filter((c) => c.type !== 'postStatus');
