import { stripIsTrueOver } from './ghostStripCheck';

// One half of the ghost strip's property; the other is ghostStrip.unguided.slow.test.ts (155 rounds each).
stripIsTrueOver(
  [
    ['platform', 43],
    ['platform', 2],
    ['startup', 1],
    ['startup', 3],
    ['scaleup', 2],
  ],
  true,
  150,
);
