import type { LevelId } from './stories';

/** A question with one right answer among a few, and why, shown once it is answered. */
export interface CheckQuestion {
  question: string;
  options: readonly string[];
  /** The right option, by its place in `options`. */
  answer: number;
  why: string;
}

/** Three questions at the end of each level, on what it taught. */
export const LEVEL_CHECKS = {
  'untested-backups': [
    {
      question: 'How do you know a backup will restore?',
      options: [
        'It reports success every night',
        'Someone has restored from it recently',
        'It is stored in two places',
      ],
      answer: 1,
      why: 'GitLab had five mechanisms; none had been proven by a restore. Only a rehearsal tells.',
    },
    {
      question: 'Last week’s outage was restarted and everyone moved on. What is it worth now?',
      options: ['Nothing: it is over', 'A deep review, while memories are fresh', 'A note in the changelog'],
      answer: 1,
      why: 'A deep review led by someone not involved can surface the stale runbook, the single expert and the hidden weakness.',
    },
    {
      question: 'Only one person knows the database. What does a drill on it do?',
      options: [
        'Teaches the others and brings its strongest unknown weakness to light',
        'Tires the expert',
        'Nothing without a real outage',
      ],
      answer: 0,
      why: 'A Wheel of Misfortune spreads knowledge and finds what would have fired, so an item can remove it first.',
    },
  ],
  'blast-radius': [
    {
      question: 'Four services burn at once. Where do you look first?',
      options: ['At the biggest customer', 'Upstream, at what they all depend on', 'At the last deploy of each'],
      answer: 1,
      why: 'A fire spreads along dependencies: the fix belongs where it started.',
    },
    {
      question: 'Why does the time to the first fix matter more here than elsewhere?',
      options: [
        'Every minute the fire burns, it can spread to what depends on it',
        'Customers are more patient later',
        'It does not',
      ],
      answer: 0,
      why: 'A fire left burning grows more severe, and once severe it spreads to what depends on it every 25 minutes.',
    },
    {
      question: 'The command was mistyped. What is the lasting fix?',
      options: [
        'Tell people to type more carefully',
        'A guard rail in the tool: it removes slowly and never below a safe minimum',
        'Blame the person who typed it',
      ],
      answer: 1,
      why: 'People will mistype again; a tool that cannot remove too much makes the mistake harmless.',
    },
  ],
  'global-deploy': [
    {
      question: 'Errors jumped the minute a change went out everywhere. First move?',
      options: ['Debug the change in production', 'Switch it off or roll it back, then diagnose', 'Restart everything'],
      answer: 1,
      why: 'Undoing a change is fast and safe; understanding it can wait until customers are served again.',
    },
    {
      question: 'Why is restarting a poor first try here?',
      options: ['Restarts are slow', 'The bad rule comes straight back with the restart', 'Restarts need approval'],
      answer: 1,
      why: 'A restart does not remove the change that broke it: the time is wasted.',
    },
    {
      question: 'What keeps the next bad rule from reaching every site at once?',
      options: ['A staged roll-out (canary first, then the rest)', 'Fewer rules', 'A longer code review'],
      answer: 0,
      why: 'A change that reaches a few places first is caught while the blast radius is small.',
    },
  ],
  'dead-code': [
    {
      question: 'Old code nobody runs is still deployed. What is it?',
      options: ['Harmless', 'A latent condition waiting for a trigger', 'Documentation'],
      answer: 1,
      why: 'At Knight a reused flag woke code nobody ran; what you do not run can still run.',
    },
    {
      question: 'Which review finds the weaknesses nobody had looked at?',
      options: [
        'A quick review by the responder',
        'A deep review led by someone who was not involved',
        'A review that names who was at fault',
      ],
      answer: 1,
      why: 'Depth and an outside lead surface the deeper factors; blame makes people keep them to themselves.',
    },
    {
      question: 'You found the old code path on Monday; the trigger comes Thursday. Guard it or remove it?',
      options: ['Remove it: it does nothing you need', 'Leave it: it has never fired', 'Add an alert on it'],
      answer: 0,
      why: 'A guard weakens a weakness; removing dead code takes it away for good.',
    },
  ],
  'own-tools': [
    {
      question: 'The network under everything fails, and with it your chat and dashboards. What matters first?',
      options: [
        'Someone takes command across the teams at once',
        'Each team investigates its own service',
        'Wait for the dashboards',
      ],
      answer: 0,
      why: 'Across team lines every step costs more; a named commander cuts that cost and stops freelancing.',
    },
    {
      question: 'Only one person can fix the backbone. What is the risk?',
      options: [
        'None while she is around',
        'The fix waits on one person, who tires and may be unreachable',
        'Too many opinions',
      ],
      answer: 1,
      why: 'A bus factor of one makes every outage wait on the hero.',
    },
    {
      question: 'What spreads what she knows?',
      options: ['Pairing, shadowing and drills', 'A wiki page nobody reads', 'Calling her on every incident'],
      answer: 0,
      why: 'Doing teaches; watching a hero teaches little.',
    },
  ],
  'cold-cache': [
    {
      question: 'A peak is announced for Thursday. When do you prepare?',
      options: ['When it starts', 'Now: find the limits it will hit and guard them', 'After the first outage'],
      answer: 1,
      why: 'Load multiplies every hazard; a limit guarded before the peak may never give way.',
    },
    {
      question: 'How do you find a capacity limit before it gives way?',
      options: ['Drill the service, and review the near misses', 'Wait for an alert', 'Double every server'],
      answer: 0,
      why: 'A drill brings the strongest unknown weakness to light; a near miss shows one that almost fired.',
    },
    {
      question: 'Why did returning users load Slack harder than usual?',
      options: ['They were angry', 'Their apps started with cold caches and fetched more', 'They all used video'],
      answer: 1,
      why: 'After a quiet spell, caches are cold: the same users cost more at first.',
    },
  ],
  'you-build-it': [
    {
      question: 'An ops team carries every pager. What do the developers learn from the outages?',
      options: ['Everything, from the tickets', 'Little: they never feel what breaks', 'More than the ops team'],
      answer: 1,
      why: 'The feedback loop runs through the pager: whoever answers learns what breaks.',
    },
    {
      question: 'What changes when developers are on call for their own services?',
      options: ['Their next changes bring fewer new weaknesses', 'Nothing', 'Outages get longer'],
      answer: 0,
      why: 'In the game as in Amazon’s story, owners who answer pages ship changes that break less.',
    },
    {
      question: 'What keeps developers on call from burning out?',
      options: ['A sane rotation and pager budget', 'Making them answer every page', 'No sleep'],
      answer: 0,
      why: 'At most two pages a 12-hour shift, a week off in four: on call must stay sustainable.',
    },
  ],
  'status-page': [
    {
      question: 'When should customers first hear about an outage?',
      options: ['Within minutes of detection', 'Once the cause is known', 'When it is fixed'],
      answer: 0,
      why: 'Silence reads as not knowing or not caring; an early word keeps trust.',
    },
    {
      question: 'Who posts the updates during an incident?',
      options: ['Whoever has time', 'Someone named to comms for this incident', 'The person fixing it'],
      answer: 1,
      why: 'A named comms lead keeps updates coming while the others fix.',
    },
    {
      question: 'You have nothing new to say after 30 minutes. Do you post?',
      options: ['No', 'Yes: what you are doing and when you will speak next', 'Only if asked'],
      answer: 1,
      why: 'A regular update, even without news, tells customers someone is on it.',
    },
  ],
} as const satisfies Record<LevelId, readonly [CheckQuestion, CheckQuestion, CheckQuestion]>;

/**
 * The session check, before the first round and after the last: one item per level’s objective, worded apart
 * from the levels’ own questions, so a facilitator can see what changed (see `src/round/evidence/check.ts`).
 */
export const SESSION_CHECK: readonly (CheckQuestion & { level: LevelId })[] = [
  {
    level: 'untested-backups',
    question: 'Your backups report success every night. How sure can you be that you could restore?',
    options: ['Sure: they report success', 'Not sure until someone restores from one', 'Sure if there are two copies'],
    answer: 1,
    why: 'Only a rehearsed restore proves a backup.',
  },
  {
    level: 'blast-radius',
    question: 'Many services fail at the same moment. The likeliest place of the problem is…',
    options: ['each of them', 'something they all depend on', 'the network between users and you'],
    answer: 1,
    why: 'Failures spread along dependencies; shared services have the widest blast radius.',
  },
  {
    level: 'global-deploy',
    question: 'Errors rise right after a change went out. The safest first move is to…',
    options: ['undo the change', 'find the bug in the change', 'restart the service'],
    answer: 0,
    why: 'Roll back or switch off first; diagnose once customers are served.',
  },
  {
    level: 'dead-code',
    question: 'An unused code path is still deployed. It is best to…',
    options: ['leave it: it has never failed', 'remove it', 'document it'],
    answer: 1,
    why: 'Unused code is a latent condition; a trigger can wake it.',
  },
  {
    level: 'own-tools',
    question: 'Only one engineer can fix a critical platform. The most useful step this week is to…',
    options: ['page her first on every incident', 'pair others with her and drill it', 'write her a thank-you note'],
    answer: 1,
    why: 'Pairing, shadowing and drills raise the bus factor.',
  },
  {
    level: 'cold-cache',
    question: 'A traffic peak is expected on Thursday. Capacity work should happen…',
    options: ['before Thursday', 'on Thursday, when load shows', 'after the first outage'],
    answer: 0,
    why: 'Guard the limits before the load multiplies their hazard.',
  },
  {
    level: 'you-build-it',
    question: 'Who learns most from a page about a service?',
    options: ['Whoever answers it', 'Whoever reads the ticket later', 'The manager'],
    answer: 0,
    why: 'The pager is the feedback loop: owners who answer it learn what breaks.',
  },
  {
    level: 'status-page',
    question: 'During a long outage with no news, customers should hear from you…',
    options: ['when it is fixed', 'at regular intervals, news or not', 'only if they ask'],
    answer: 1,
    why: 'Regular updates keep trust; silence costs it.',
  },
];
