import { peopleLossIsTrue, reportIsTrueOver } from './reportClaimsCheck';

// One half of the report's property; the other is reportClaims.oneWeek.slow.test.ts.
reportIsTrueOver(
  'two-week rounds, the menu’s seed, and a table that burns out in a quarter',
  [
    ['platform', 4, 2],
    ['startup', 3, 2],
    ['scaleup', 3, 2],
    ['platform', 43, 1],
  ],
  120,
  peopleLossIsTrue,
);
