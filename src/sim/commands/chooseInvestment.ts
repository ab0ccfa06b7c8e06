import { z } from 'zod';
import { chosenIn, invest, investmentTitle, OFFERS_PER_WEEK, offersFor, weekNumber } from '../rules/investments';
import { defineCommand, no, OK } from './command';
import { payload } from './shape';

/** Between weeks, the player takes one of the week's offers: scarce, so it has to be the right one. */
export const chooseInvestment = defineCommand({
  type: 'chooseInvestment',
  schema: payload('chooseInvestment', {
    week: z.number().int().min(1).max(26),
    offer: z
      .number()
      .int()
      .min(0)
      .max(OFFERS_PER_WEEK - 1),
  }),
  label: 'Invest',
  check(state, cmd) {
    if (state.lost) return no('the round is lost');
    const now = weekNumber(state.now);
    if (cmd.week === 1) return no('the first week has no offers: they come between weeks, from week 2');
    if (cmd.week > state.weeks) return no(`the round has only ${state.weeks} weeks`);
    if (cmd.week !== now) return no(`it is week ${now}: week ${cmd.week}'s offers are not on the table`);
    const taken = chosenIn(state, cmd.week);
    if (taken) return no(`week ${cmd.week}'s investment is already chosen: ${investmentTitle(state, taken)}`);
    return OK;
  },
  perform(state, cmd) {
    const offer = offersFor(state, cmd.week)[cmd.offer];
    if (offer) invest(state, cmd.week, cmd.offer, offer);
  },
});
