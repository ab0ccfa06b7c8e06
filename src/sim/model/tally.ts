/** What the round counts as it goes: per week, in all, and the effects the score is made of. */

export interface WeekStats {
  incidents: number;
  pages: number;
  customerMinutes: number;
  downMinutes: number;
  learning: number;
}

export interface Totals {
  incidents: number;
  pages: number;
  nightPages: number;
  customerMinutes: number;
  /** Service-minutes down, weighted by customer weight, for availability. */
  downMinutes: number;
  businessValue: number;
  burnouts: number;
  toilHours: number;
  workHours: number;
  nearMisses: number;
  nearMissesReported: number;
  nearMissesReviewed: number;
  retros: number;
  retrosShared: number;
  actionItemsClosed: number;
  drills: number;
  hires: number;
  shiftsWithinBudget: number;
  shiftsCounted: number;
  factorsSurfaced: string[];
  /** The score's ledger: effects on the world, each added at the moment it happened. */
  effects?: EffectLedger;
}

/** Every scored effect, accrued from zero as it happens. */
export interface EffectLedger {
  /**
   * Harm removed from latent conditions (items, shared retros), in points: what each could still have
   * caused before the round ends, net of what the organization bought itself (a feature push).
   */
  riskRemoved: number;
  /** Weekly risk of conditions the organization came to know about: for the story, not scored. */
  riskRevealed: number;
  /** Harm that better runbooks and alerts keep the service's live weaknesses from causing before the round ends. */
  responseImproved: number;
  /**
   * Harm that knowledge spread on purpose (drills, shadowing, pairing, near-miss reviews) can save before the
   * round ends, in points: how much further it reached beyond each service's best expert when it was taught,
   * times the share of a fire's harm that saves, times the harm still ahead on that service. Incidents
   * teach their responders too, but are not counted here: having more of them never raises it.
   */
  knowledgeSpread: number;
  /** Pages a person took beyond the budget of two per 12-hour shift. */
  pagesOverBudget: number;
  /** Team-hours worked while the team's toil was above one half. */
  toilOverHalfHours: number;
  /** Status updates that reached customers (at most one per half-hour stretch of an incident). */
  statusUpdatesHeard: number;
}

/** The world as the round began, for scoring change rather than level. */
export interface RoundStart {
  meanTrust: number;
  customerTrust: number;
  /** Per service, how many people could handle it. */
  busFactor: Record<string, number>;
  /** Per service, how far knowledge reached beyond the best expert. */
  reach?: Record<string, number>;
}
