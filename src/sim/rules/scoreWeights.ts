/**
 * Score weights: data, documented in the README. Every point traces to an effect on the world;
 * activity with no effect earns nothing. Only "what actually matters" is scored; the dashboard
 * column is shown for contrast [VOID, DAV].
 *
 * One scale: a point is what customers lose in `1 / -customers.customerMinute` customer-minutes.
 * Risk and response are counted in that harm directly (expected customer-minutes averted before the
 * round ends); the other terms say in their comment what they weigh in customer-minutes.
 */
export const scoreWeights = {
  learning: {
    /**
     * Per point of harm removed: what the weakness could still have cost customers before the round ends,
     * net of weaknesses the organization bought itself.
     */
    riskRemoved: 1,
    /** Per point of harm that better runbooks and alerts keep live weaknesses from causing before the round ends. */
    responseImproved: 1,
    /**
     * Per point of harm that knowledge spread on purpose can save before the round ends (see
     * tuning.knowledgeHarmShare): a second person who can fully handle a service saves 15% of its harm ahead.
     */
    knowledgeSpread: 1,
    /** Times the change in people's trust in blamelessness (0..1), which near-miss reports follow [ALLSPAW12]. */
    trust: 60,
  },
  sustainability: {
    /** Each person who burned out and left [GOLD]. */
    burnout: -20,
    /** Each page a person took beyond two in one 12-hour shift [SRE-11]. */
    pageOverBudget: -2,
    /** Each team shift over the pager budget. */
    shiftOverBudget: -1,
    /** Per team-hour worked while that team's toil was above one half [SRE-5]. */
    toilOverHalfHour: -0.05,
  },
  customers: {
    /** Per customer-minute lost: the scale every other term is stated in. */
    customerMinute: -0.15,
    /** Times the change in customer trust (0..1). */
    trust: 100,
    /** Per 100 engineer-hours of feature value shipped. */
    valuePer100: 1.5,
  },
} as const;
