import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { RefusalLog } from '../../server/refusals';

let clock = 0;
let writes: string[] = [];
const lines = () => writes.join('').split('\n').filter(Boolean);
beforeEach(() => {
  vi.useFakeTimers();
  clock = 1_000_000;
  writes = [];
});
afterEach(() => vi.useRealTimers());
const refusalLog = (perSecond = 50) =>
  new RefusalLog(
    (t) => writes.push(t),
    perSecond,
    () => clock,
    100,
  );

it('writes one line per refused attempt, with its address and reason, fifty at once in one write', () => {
  const log = refusalLog();
  for (let i = 0; i < 50; i++) log.add('10.66.6.6', 'audience device', 'too many new phones from this address');
  expect(writes).toEqual([]);
  vi.advanceTimersByTime(100);
  expect(writes).toHaveLength(1);
  expect(lines()).toHaveLength(50);
  expect(lines()[0]).toBe('refused 10.66.6.6 audience device: too many new phones from this address');
});

it('cuts lines short, keeps them on one line each, and carries no stack trace', () => {
  const log = refusalLog();
  log.add('10.0.0.1\nfake line', 'web socket', `${'x'.repeat(500)}\n    at Object.<anonymous> (evil.js:1:1)`);
  log.flush();
  expect(lines()).toHaveLength(1);
  const [line] = lines();
  expect(line).toMatch(/^refused 10\.0\.0\.1\?fake line web socket: x+…$/);
  expect(line?.length).toBeLessThan(300);
  expect(line).not.toContain(' at ');
});

it('sums up a flood beyond the lines a second, once its second is over, even if nothing comes after it', () => {
  const log = refusalLog(5);
  for (let i = 0; i < 12; i++) log.add('10.66.6.6', 'matchmaking', 'too many requests from this address');
  vi.advanceTimersByTime(100);
  expect(lines()).toHaveLength(5);
  clock += 1000;
  vi.advanceTimersByTime(1000);
  expect(lines()).toHaveLength(6);
  expect(lines()[5]).toBe('refused: 7 more attempts in the last second (not listed)');
  // A new second lists lines again.
  log.add('10.0.0.2', 'console', 'a wrong code');
  log.flush();
  expect(lines()[6]).toBe('refused 10.0.0.2 console: a wrong code');
});
