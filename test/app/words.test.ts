import { describe, expect, it } from 'vitest';
import { plural } from '../../src/app/words';
import type { Factor, Snapshot } from '../../src/sim';
import { fileActionItem } from '../../src/sim/rules/actionItems';
import { factorsOf } from '../../src/sim/rules/retro';
import { offersFor } from '../../src/ui/retro/offers';
import { fireOn, must, world } from '../sim/fixtures';

const factor = (id: string, key: Factor['key'], service = 'queue'): Factor => ({
  id,
  key,
  service,
  conditionId: null,
  text: key,
  depth: 1,
  hidden: false,
});

describe('words the player reads', () => {
  it('count nouns in the right number', () => {
    expect(plural(1, 'near miss', 'near misses')).toBe('1 near miss');
    expect(plural(2, 'near miss', 'near misses')).toBe('2 near misses');
    expect(plural(1, 'hour')).toBe('1 hour');
    expect(plural(0, 'hour')).toBe('0 hours');
  });

  it('put "an" before a vowel sound in contributing factors', () => {
    const s = world();
    const deploy = factorsOf(s, fireOn(s, 'storefront', 'deploy')).map((f) => f.text);
    expect(deploy[0]).toMatch(/^An unsafe deploy path in /);
    const certificate = factorsOf(s, fireOn(s, 'gateway', 'certificate')).map((f) => f.text);
    expect(certificate[0]).toMatch(/^An expiring certificate in /);
    expect(certificate.join(' ')).toContain('also hides a capacity limit');
    const storm = factorsOf(s, fireOn(s, 'checkout', 'retry-storm')).map((f) => f.text);
    expect(storm[0]).toMatch(/^A retry storm in /);
    expect(storm.join(' ')).toContain('also hides an unsafe deploy path');
    expect([...deploy, ...certificate, ...storm].join(' ')).not.toMatch(/\ba [aeiou]/i);
  });
});

describe('action items a retro offers', () => {
  it('offer the same work for the same service once, even from two factors', () => {
    const s = world();
    const offers = offersFor(s as Snapshot, [factor('f1', 'runbook-stale'), factor('f2', 'wrong-mitigation')]);
    const titles = [...offers.values()].flat().map((o) => o.title);
    expect(titles.length).toBeGreaterThan(0);
    expect(new Set(titles).size).toBe(titles.length);
    expect(offers.get('f2')).toEqual([]);
  });

  it('show an item already filed for the same service instead of offering it again', () => {
    const s = world();
    const item = must(
      fileActionItem(s, {
        retroId: null,
        factorId: null,
        factorKey: 'runbook-stale',
        conditionId: null,
        service: 'queue',
        type: 'repair',
      }),
    );
    const [offer] = offersFor(s as Snapshot, [factor('f3', 'runbook-stale')]).get('f3') ?? [];
    expect(offer?.already?.id).toBe(item.id);
    const elsewhere = offersFor(s as Snapshot, [factor('f4', 'runbook-stale', 'gateway')]).get('f4') ?? [];
    expect(elsewhere[0]?.already ?? null).toBeNull();
  });
});
