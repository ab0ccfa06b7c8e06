import type { ConditionKind, InvestigationStep, Mitigation } from './model/types';

/**
 * Starting numbers for balancing, all in one place. They are data, not laws;
 * the rules that use them name their sources.
 */
export const tuning = {
  /** Chaos is checked every this many minutes, one draw per condition per check. */
  chaosEveryMinutes: 30,
  /** Base chance per week that a full-strength condition fires. */
  weeklyHazard: {
    capacity: 0.22,
    config: 0.2,
    deploy: 0.12,
    dependency: 0.16,
    data: 0.12,
    certificate: 0.1,
    'retry-storm': 0.18,
    'duplicate-delivery': 0.14,
    'alert-noise': 0.2,
  } satisfies Record<ConditionKind, number>,
  /** A draw within this multiple of the hazard is a near miss. */
  nearMissBand: 1.6,
  /** Deploy-related conditions are this much likelier for a day after a deploy. */
  deployBoost: 3,
  neglectPerWeek: 0.12,
  /** Which mitigations work for which class of condition. */
  remedies: {
    capacity: ['scale-up', 'restart'],
    config: ['rollback', 'flag-off'],
    deploy: ['rollback'],
    dependency: ['failover'],
    data: ['failover'],
    certificate: ['restart'],
    'retry-storm': ['flag-off', 'scale-up'],
    'duplicate-delivery': ['flag-off'],
    'alert-noise': ['restart', 'flag-off'],
  } satisfies Record<ConditionKind, Mitigation[]>,
  /** Mitigations that make things worse when wrong for the class. */
  harmful: {
    capacity: ['failover'],
    config: ['restart'],
    deploy: [],
    dependency: ['restart'],
    data: ['restart', 'rollback'],
    certificate: ['scale-up'],
    'retry-storm': ['restart'],
    'duplicate-delivery': ['restart'],
    'alert-noise': [],
  } satisfies Record<ConditionKind, Mitigation[]>,
  mitigationMinutes: {
    rollback: 12,
    failover: 15,
    'scale-up': 10,
    'flag-off': 4,
    restart: 6,
  } satisfies Record<Mitigation, number>,
  /** A page not acknowledged in this many minutes goes to the secondary. */
  escalationMinutes: 15,
  severityRiseMinutes: 50,
  spreadEveryMinutes: 25,
  /** Severity at or above which (numerically at or below) an unmitigated fire spreads. */
  spreadAtSev: 2,
  verifyMinutes: 30,
  /** Minutes of a responder's time each investigation step takes [SRE-14]. */
  investigationMinutes: {
    dashboards: 5,
    logs: 10,
    deploys: 3,
    dependency: 8,
    runbook: 6,
    expert: 4,
  } satisfies Record<InvestigationStep, number>,
  /**
   * Conway's law at the incident: when the responders span more than one team every step takes this
   * much longer (coordinating across the org chart); a named incident commander cuts the cost [CONWAY, WB-8].
   */
  crossTeamStepFactor: 1.5,
  crossTeamStepFactorCommanded: 1.2,
  /** Minutes a responder from outside the service's owning team spends getting the context before their first step. */
  contextMinutes: 10,
  /** Being asked mid-incident tires the expert a little, every time. */
  expertStepFatigue: 0.03,
  /** How much a tired responder's clues blur: quality × (1 − this × fatigue). */
  fatigueBlur: 0.4,
  /** A clue's chance of being sharp: floor + span × (observability, runbook or knowledge, as the step reads). */
  clueSharpFloor: 0.1,
  clueSharpSpan: 0.85,
  /** Of the looks that are not sharp, this share is blurred (two groups of classes); the rest show nothing. */
  clueBlurredShare: 0.5,
  /** Without a proper handoff within a team, this share of the leaving person's clues stays (none across teams). */
  handoffCluesKept: 0.5,
  /** Pager budget: at most this many incidents in a 12-hour shift [SRE-11]. */
  pagerBudgetPerShift: 2,
  followUpHours: 6,
  /** Each page beyond the shift's budget piles this much fatigue on the person who took it. */
  fatiguePerPageOverBudget: 0.06,
  /**
   * Interruptions per responder per month [PD]: 2 is healthy, 7 bad, 19 a burnout sign; the strain
   * they put on morale at each mark.
   */
  interruptionMarks: { healthy: 2, bad: 7, burnout: 19, badStrain: 0.1, burnoutStrain: 0.35 },
  /** One week off in four: more weeks on call in a row than this are over budget [SRE-11]. */
  onCallWeeksInRowBudget: 3,
  /** Hours on call in a week that make it a week on call (a day or more). */
  onCallHoursForAWeek: 24,
  strainPerWeekOver: 0.06,
  maxPagerStrain: 0.5,
  /**
   * Fatigue per hour of a night on call with no page: less rest than a night off (-0.03), but rest
   * [SLEEP]; each week over budget takes some of it away, up to a net cost.
   */
  onCallNight: { rest: -0.012, perWeekOver: 0.005, worst: 0.012 },
  baseToilShare: 0.2,
  toilPerServicePerPerson: 0.05,
  featureHoursPerDeploy: 40,
  deployConditionChance: 0.18,
  /**
   * You build it, you run it, as a feedback loop [GOLD, MAJ, ECK]: each page for a service handled
   * by its own team raises that service's owner feedback by this share of what is left to learn; it
   * fades with this half-life; at full feedback its deploys bring this much less new weakness.
   */
  ownerFeedbackPerPage: 0.3,
  ownerFeedbackHalfLifeDays: 28,
  ownerFeedbackMaxCut: 0.75,
  /**
   * Conway's Law: someone from another team needs this long to join an incident (finding the
   * channel, reading the context), longer when woken at night [CONWAY, WB-8].
   */
  joinMinutes: { day: 15, night: 30 },
  valuePerFeatureHour: 1,
  knowledgeDecayPerDay: 0.004,
  /**
   * Customer-minutes one fire costs per unit of its service's impact, on average (measured over 743 fires
   * of 4-week rounds on the three built-in scenarios, careful and never-learning responders alike: 16–18).
   * What a weakness's risk is counted in.
   */
  harmPerFire: 17,
  /**
   * Shadowing an on-call expert takes the shadow's time: this share of each working hour, owed by their
   * team before feature work; each shadowed hour closes this share of the gap to what the mentor knows.
   */
  shadowShare: 0.5,
  shadowLearnPerHour: 0.05,
  /**
   * The share of a fire's harm that knowledge reaching one unit further beyond the best expert saves (two
   * more people fully able make 1.2 units): sharper clues from people who know the service, no waiting on
   * the one who does. What knowledge spread on purpose is worth, against the harm still ahead.
   */
  knowledgeHarmShare: 0.25,
  burnoutFatigue: 0.8,
  burnoutMorale: 0.3,
  hireWeeks: 3,
  /**
   * Repeat failures: a condition that fired and was only restarted, rolled back or failed over
   * comes back more readily — this many times the hazard, fading over these days. Closing an
   * item on it ends the relapse. Repeats are a large share of real incidents [VOID, HOWIE].
   */
  relapseBoost: 10,
  relapseDays: 7,
  /** A status update helps customers' trust once per stretch of this many minutes [HEROKU]. */
  statusStretchMinutes: 30,
  /** Traffic grows through a round: load rises by this share of itself every week. */
  loadGrowthPerWeek: 0.05,
  /** The round is lost when customers' trust falls below this… */
  lossTrust: 0.25,
  /** …or when more than this share of the people who began it have left. */
  lossPeopleShare: 1 / 3,
  /** The weekly investments: how much better alerts and runbooks get, and what a feature push brings. */
  investObservability: 0.25,
  investRunbook: 0.3,
  featurePushValue: 80,
  featurePushConditions: 2,
};

export type Tuning = typeof tuning;
