/**
 * Score weights: data, documented in the README. Every point traces to an effect on the world;
 * activity with no effect earns nothing. Only "what actually matters" is scored; the dashboard
 * column is shown for contrast [VOID, DAV].
 */
export const scoreWeights = {
  learning: {
    /** Per point of risk removed: a condition's weekly hazard × customer impact, reduced when an item closes. */
    riskRemoved: 1,
    /** Per point of risk the organization came to know about (retros, near-miss reviews, shared write-ups). */
    riskRevealed: 0.05,
    /** Per point of better runbooks and alerts, weighted by the live risk of the service they serve. */
    responseImproved: 0.5,
    /** Per unit of knowledge reaching beyond each service's best expert (second and third person, up to 0.6 each). */
    knowledgeSpread: 25,
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
    /** Per customer-minute lost. */
    customerMinute: -0.15,
    /** Times the change in customer trust (0..1). */
    trust: 100,
    /** Per 100 engineer-hours of feature value shipped. */
    valuePer100: 1.5,
  },
} as const;
