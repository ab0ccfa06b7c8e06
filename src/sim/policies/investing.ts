import type { Command } from '../commands';
import type { InvestmentKind } from '../model/types';
import { weekNumber } from '../rules/investments';
import { serviceRisk } from '../rules/risk';
import type { Snap } from './helpers';

/** How much a careful organization values each kind of offer, before the service's risk. */
const LEARNER_PREFERENCE: Record<InvestmentKind, number> = {
  observability: 1,
  runbook: 1,
  drill: 0.6,
  hire: 0.5,
  'feature-push': 0,
};

/** A learner's weekly choice: better alerts or a runbook where the known risk is highest, else a drill or a hire. */
export function investLikeALearner(s: Snap): Command[] {
  if (s.offers.length === 0) return [];
  const week = weekNumber(s.now);
  let best = -1;
  let bestValue = 0;
  s.offers.forEach((o, i) => {
    const value = LEARNER_PREFERENCE[o.kind] * (1 + serviceRisk(s, o.service));
    if (value > bestValue) {
      best = i;
      bestValue = value;
    }
  });
  return best < 0 ? [] : [{ type: 'chooseInvestment', week, offer: best }];
}

/** Value now: the feature push whenever it is offered, nothing otherwise. */
export function investInFeatures(s: Snap): Command[] {
  const i = s.offers.findIndex((o) => o.kind === 'feature-push');
  return i < 0 ? [] : [{ type: 'chooseInvestment', week: weekNumber(s.now), offer: i }];
}
