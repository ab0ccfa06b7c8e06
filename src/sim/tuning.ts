import type { ConditionKind, Mitigation } from './model/types';

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
  baseDiagnosisPerMinute: 0.03,
  /** Pager budget: at most this many incidents in a 12-hour shift [SRE-11]. */
  pagerBudgetPerShift: 2,
  followUpHours: 6,
  baseToilShare: 0.2,
  toilPerServicePerPerson: 0.05,
  featureHoursPerDeploy: 40,
  deployConditionChance: 0.18,
  /** You build it, you run it: owners learn what breaks, so deploys add fewer conditions [GOLD]. */
  ownerDeployFactor: 0.6,
  valuePerFeatureHour: 1,
  knowledgeDecayPerDay: 0.004,
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
