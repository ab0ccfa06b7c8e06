import { reportIsTrueOver } from './reportClaimsCheck';

// One half of the report's property; the other is reportClaims.longer.slow.test.ts.
reportIsTrueOver(
  'one-week rounds',
  [
    ['platform', 1, 1],
    ['platform', 2, 1],
    ['platform', 3, 1],
    ['startup', 1, 1],
    ['startup', 2, 1],
    ['scaleup', 1, 1],
    ['scaleup', 2, 1],
  ],
  200,
);
