import { stripIsTrueOver } from './ghostStripCheck';

// One half of the ghost strip's property; the other is ghostStrip.guided.slow.test.ts (155 rounds each).
stripIsTrueOver(
  [
    ['platform', 1],
    ['platform', 3],
    ['startup', 2],
    ['scaleup', 1],
    ['scaleup', 3],
  ],
  false,
  150,
);
