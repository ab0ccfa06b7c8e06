import { boot, type ColyseusTestServer } from '@colyseus/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roomServer } from '../../server/roomServer';
import { until, wait } from './waiting';

let colyseus: ColyseusTestServer;
beforeAll(async () => {
  colyseus = await boot(roomServer('stage'), 2300 + (process.pid % 300));
});
afterAll(async () => {
  await colyseus.shutdown();
});

describe('the audience room', () => {
  it('takes one vote per phone, lets a phone change its mind, and names the winner when the vote closes', async () => {
    const presenter = await colyseus.sdk.joinOrCreate('audience', { code: 'guess' });
    let result: { winner: string; counts: number[] } | null = null;
    const refusals: string[] = [];
    presenter.onMessage('vote', () => {});
    presenter.onMessage('result', (r) => {
      result = r;
    });
    presenter.onMessage('refused', (m: { reason: string }) => refusals.push(m.reason));
    // A guessed code opens nothing, even for whoever created the room.
    presenter.send('open', { code: 'guess', question: 'Blame or blameless?', options: ['blame', 'blameless'] });
    await until(() => refusals.length === 1);
    expect(refusals[0]).toMatch(/wrong facilitator code/);

    const phones = await Promise.all(Array.from({ length: 40 }, () => colyseus.sdk.joinById(presenter.roomId)));
    let seen = 0;
    for (const p of phones) {
      p.onMessage('vote', () => {
        seen++;
      });
      p.onMessage('result', () => {});
      p.onMessage('counted', () => {});
      p.onMessage('refused', () => {});
    }
    presenter.send('open', { code: 'stage', question: 'Blame or blameless?', options: ['blame', 'blameless'] });
    await until(() => seen >= 40);
    phones.forEach((p, i) => {
      p.send('vote', { option: i < 10 ? 0 : 1 });
    });
    // Five phones change their minds; a vote for an option that does not exist is refused.
    for (const p of phones.slice(10, 15)) p.send('vote', { option: 0 });
    phones[0]?.send('vote', { option: 5 });
    await wait(400);
    presenter.send('close', { code: 'stage' });
    await until(() => result !== null);
    expect(result).toMatchObject({ winner: 'blameless', counts: [15, 25] });
  });
});
