import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { CORRUPT_SLOTS, setAsideCorrupt } from '../../src/app/corruptSaves';
import { startLoop } from '../../src/app/loop';
import { SAVE_KEY } from '../../src/app/storage';
import { makeSave, parseSave } from '../../src/round/save/save';
import { policies, runRound, stateHash } from '../../src/sim';
import { scenario } from '../sim/fixtures';

const platform = scenario('platform');
const state = runRound(platform, { seed: 4, weeks: 2, policy: policies['learning-first']!, until: 4 * 1440 });
const good = JSON.stringify(makeSave(platform, state, [], '2026-11-23T00:00:00.000Z'));

/** A save edited by hand, with its check recomputed so only the structural checks can catch it. */
function edited(edit: (world: Record<string, unknown>) => void): string {
  const raw = JSON.parse(good);
  edit(raw.state);
  raw.stateHash = stateHash(raw.state);
  return JSON.stringify(raw);
}

function reasonFor(text: string): string {
  const r = parseSave(text);
  if (r.ok) throw new Error('expected the save to be refused');
  expect(r.reason.length).toBeLessThan(300);
  return r.reason;
}

describe('saves that are well-formed JSON but not a world', () => {
  it('refuse missing or mistyped records, naming the place, even with a matching check', () => {
    expect(reasonFor(edited((w) => Object.assign(w, { engineers: null })))).toMatch(/world is damaged at engineers:/);
    expect(reasonFor(edited((w) => Object.assign(w, { log: {} })))).toMatch(/damaged at log:/);
    expect(reasonFor(edited((w) => Object.assign(w, { now: 1e308 })))).toMatch(
      /now: minute 1e\+308 is past the end of a 2-week round/,
    );
    expect(reasonFor(edited((w) => Object.assign(w, { now: 5 * 7 * 1440 })))).toMatch(/now: minute .* past the end/);
    expect(reasonFor(edited((w) => Object.assign(w, { customerTrust: 'high' })))).toMatch(/customerTrust/);
    expect(reasonFor(edited((w) => Object.assign(w, { teamOrder: ['web', 'constructor'] })))).toMatch(/teamOrder/);
  });

  it('refuse ids that point at nothing', () => {
    const r = edited((w) => {
      const incidents = w.incidents as Record<string, { responders: string[] }>;
      const first = Object.values(incidents)[0];
      if (!first) throw new Error('the round needs an incident');
      first.responders.push('ghost');
    });
    expect(reasonFor(r)).toMatch(/responders: names something that is not in the world/);
  });

  it('refuse deep nesting and huge files with a reason, never an exception', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(reasonFor(`{"saveVersion":${deep}}`)).toContain('nested more than 64');
    expect(reasonFor(`{"saveVersion":"${'v'.repeat(5000)}"}`)).toContain('…');
    expect(reasonFor(`"${'x'.repeat(33_000_000)}"`)).toContain('larger than');
  });

  it('still read real rounds and the version 1 fixture', () => {
    expect(parseSave(good).ok).toBe(true);
    expect(parseSave(`\uFEFF${good}`).ok).toBe(true);
    expect(parseSave(readFileSync('test/fixtures/save-v1.json', 'utf8')).ok).toBe(true);
  });
});

/** Browser storage with a size limit, as a full disk or a private window behaves. */
class SmallStorage {
  items = new Map<string, string>();
  constructor(private quota: number) {}
  getItem(k: string) {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    const used = [...this.items].reduce((n, [key, val]) => n + (key === k ? 0 : val.length), 0);
    if (used + v.length > this.quota) throw new Error('QuotaExceededError');
    this.items.set(k, v);
  }
  removeItem(k: string) {
    this.items.delete(k);
  }
}

describe('damaged saves are set aside, never lost', () => {
  const g = globalThis as { localStorage?: unknown };
  afterEach(() => {
    delete g.localStorage;
  });

  it('keep up to three, oldest dropped, a second never over the first', () => {
    const storage = new SmallStorage(10_000);
    g.localStorage = storage;
    for (const n of [1, 2, 3, 4]) {
      storage.setItem(SAVE_KEY, `broken ${n}`);
      expect(setAsideCorrupt(`broken ${n}`)).toBe(CORRUPT_SLOTS[Math.min(n, 3) - 1]);
      expect(storage.getItem(SAVE_KEY)).toBeNull();
    }
    expect(CORRUPT_SLOTS.map((k) => storage.getItem(k))).toEqual(['broken 2', 'broken 3', 'broken 4']);
    storage.setItem(SAVE_KEY, 'broken 4');
    expect(setAsideCorrupt('broken 4')).toBe(CORRUPT_SLOTS[2]);
    expect(CORRUPT_SLOTS.map((k) => storage.getItem(k))).toEqual(['broken 2', 'broken 3', 'broken 4']);
  });

  it('leave the original where it was when there is no room for the copy', () => {
    const storage = new SmallStorage(100);
    g.localStorage = storage;
    storage.setItem(CORRUPT_SLOTS[0] as string, 'older');
    const big = 'x'.repeat(60);
    storage.setItem(SAVE_KEY, big);
    expect(setAsideCorrupt(big)).toBeNull();
    expect(storage.getItem(SAVE_KEY)).toBe(big);
    expect(storage.getItem(CORRUPT_SLOTS[0] as string)).toBe('older');
  });
});

describe('the frame loop', () => {
  it('survives a frame that throws, reports it once and keeps requesting frames', () => {
    const queue: ((now: number) => void)[] = [];
    const clock = { request: (cb: (now: number) => void) => queue.push(cb), cancel: () => {}, now: () => 0 };
    const reports: unknown[] = [];
    const elapsed: number[] = [];
    startLoop(
      {
        frame: (ms) => {
          elapsed.push(ms);
          if (elapsed.length % 2 === 0) throw new Error(`bad frame ${elapsed.length}`);
        },
      },
      (err) => reports.push(err),
      clock,
    );
    for (let t = 1; t <= 6; t++) (queue.shift() as (now: number) => void)(t * 16);
    expect(elapsed).toEqual([16, 16, 16, 16, 16, 16]);
    expect(reports).toHaveLength(1);
    expect(String(reports[0])).toContain('bad frame 2');
    expect(queue).toHaveLength(1);
  });
});
