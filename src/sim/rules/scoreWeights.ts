/**
 * Score weights: data, documented in the README. Only "what actually matters"
 * is scored; the dashboard column is shown for contrast [VOID, DAV].
 */
export const scoreWeights = {
  learning: {
    /** Each distinct contributing factor surfaced by a published retro or near-miss review. */
    factorSurfaced: 1.5,
    /** Each action item closed (writing one scores nothing) [WB-10]. */
    actionItemClosed: 4,
    nearMissReported: 1,
    nearMissReviewed: 2,
    retroShared: 1.5,
    /** Each service that two or more people can handle. */
    serviceWithBusFactor2: 3,
    /** Each closed item whose failure did not come back. */
    behaviourStuck: 2,
  },
  sustainability: {
    /** Times the share of shifts within the pager budget. */
    shiftsWithinBudget: 25,
    /** Earned in full while toil stays under one half. */
    toilUnderHalf: 10,
    burnout: -15,
  },
  customers: {
    /** Times customer trust, 0..1. */
    trust: 40,
    /** Per 100 engineer-hours of feature value shipped. */
    valuePer100: 2,
  },
} as const;
