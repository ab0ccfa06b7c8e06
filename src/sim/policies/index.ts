import type { Command } from '../commands';
import { activeMembers } from '../model/world';
import { pagerTeams } from '../rules/rotation';
import type { Policy } from '../simulation';
import { adversarialDescriptions, adversarialPolicies } from './adversarial';
import { exploitDescriptions, exploitPolicies } from './exploits';
import { ackPages, carefulResponse, restartThenHero, retroCommands, setFocusOnce, visibleIncidents } from './helpers';
import { investInFeatures } from './investing';
import { carefulHuman, guardWhatItKnows, learnerDescriptions, learningFirst, steadyLearner } from './learners';

export { carefulHuman, guardWhatItKnows, learningFirst, steadyLearner };

/** Never learns: restarts or calls the hero, holds no retros. */
export const baseline: Policy = (s) => restartThenHero(s);

/** Responds well, but holds no retros. */
export const careful: Policy = (s) => carefulResponse(s);

/** One hero carries every pager; responds carefully. */
export const heroOnCall: Policy = (s) => {
  const out: Command[] = [];
  if (s.now === 0) {
    for (const team of pagerTeams(s)) {
      const members = activeMembers(s, team);
      const hero = members[0];
      const second = members[1] ?? hero;
      if (!hero || !second) continue;
      out.push({
        type: 'setRotation',
        team,
        weeks: Array.from({ length: s.weeks }, () => ({ primary: hero.id, secondary: second.id })),
      });
    }
  }
  return [...out, ...carefulResponse(s), ...investInFeatures(s)];
};

/** Degenerate bots that try to game the score. */
export const doNothing: Policy = () => [];

export const alwaysBlame: Policy = (s) => [
  ...carefulResponse(s),
  ...retroCommands(s, {
    depthFor: () => 'quick',
    framing: 'blame',
    share: false,
    items: 1,
    uninvolvedFacilitator: false,
  }),
];

export const heroEverything: Policy = (s) => {
  const out: Command[] = ackPages(s);
  for (const inc of visibleIncidents(s)) {
    if (inc.phase === 'investigating' && !inc.expertCalled) out.push({ type: 'escalateToExpert', incident: inc.id });
  }
  return [...out, ...restartThenHero(s).filter((c) => c.type !== 'acknowledge')];
};

export const retroSpam: Policy = (s) => [
  ...restartThenHero(s),
  ...retroCommands(s, {
    depthFor: () => 'deep',
    framing: 'blameless',
    share: true,
    items: 0,
    uninvolvedFacilitator: false,
  }),
];

/** Everything for the uptime number: all capacity on features, the expert and the secondary on every page at once. */
export const ninesFirst: Policy = (s) => {
  const out: Command[] = [...setFocusOnce(s, 0), ...ackPages(s)];
  for (const inc of visibleIncidents(s)) {
    if (inc.phase !== 'investigating') continue;
    if (!inc.expertCalled) out.push({ type: 'escalateToExpert', incident: inc.id });
    if (inc.responders.length < 3) out.push({ type: 'pageSecondary', incident: inc.id });
  }
  return [
    ...out,
    ...carefulResponse(s).filter((c) => c.type === 'mitigate' || c.type === 'investigate'),
    ...investInFeatures(s),
  ];
};

export const policies: Record<string, Policy> = {
  ...adversarialPolicies,
  ...exploitPolicies,
  baseline,
  careful,
  'hero-on-call': heroOnCall,
  'learning-first': learningFirst,
  'steady-learner': steadyLearner,
  'careful-human': carefulHuman,
  'guard-what-it-knows': guardWhatItKnows,
  'do-nothing': doNothing,
  'always-blame': alwaysBlame,
  'hero-everything': heroEverything,
  'retro-spam': retroSpam,
  'nines-first': ninesFirst,
};

export const policyDescriptions: Record<string, string> = {
  ...adversarialDescriptions,
  ...exploitDescriptions,
  ...learnerDescriptions,
  baseline: 'never learns: restarts first, then calls the hero and does what the hero says; holds no retros',
  careful: 'assigns roles, posts status, investigates and applies the fix the clues point to; holds no retros',
  'hero-on-call': 'one person carries every pager every week; responds carefully',
  'do-nothing': 'never touches anything',
  'always-blame': 'careful response, then a quick retro that blames the person paged',
  'hero-everything': 'calls the expert for every incident',
  'retro-spam': 'holds a deep retro for every incident and files nothing',
  'nines-first': 'all capacity on features; the expert and the secondary on every page at once',
};
