import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEVEL_SCENARIOS } from '../../src/content/campaign';
import { levelOfScenario } from '../../src/round/campaign/levels';
import { isCommandEntry } from '../../src/sim';
import { serverTable, sit } from './screens';
import { type Console, openConsole, type Stage, stage } from './stage';
import { until } from './waiting';

let s: Stage;
let desk: Console;
beforeAll(async () => {
  s = await stage();
  desk = await openConsole(s.sdk);
});
afterAll(async () => {
  await s.stop();
});

describe('a campaign level at a room table', () => {
  it('is set up from the console as a scenario file of its own, and plays with its scripted fire', async () => {
    const [code] = await desk.setUp([
      { scenarioText: JSON.stringify(LEVEL_SCENARIOS['blast-radius']), seed: 1, weeks: 1, autoPause: false },
    ]);
    if (!code) throw new Error('no table was set up');
    const table = serverTable(code);
    expect(levelOfScenario(table.session.snapshot().scenarioId)?.number).toBe(2);
    const p = await sit(s.sdk, code, { player: 'Ada', role: 'commander' });
    p.send.control({ control: 'speed', value: 8 });
    p.send.control({ control: 'resume' });
    // Tuesday 09:37, the mistyped command: the level's own fire, on the table's log as the scenario's.
    await until(() => p.seen.minute > 2100, 30_000, 'Tuesday 10:00');
    const fired = table.session
      .log()
      .entries.filter(isCommandEntry)
      .find((e) => e.by === 'scenario' && e.command.type === 'injectIncident');
    expect(fired?.at).toBe(24 * 60 + 9 * 60 + 37);
    p.send.control({ control: 'pause' });
    p.send.hash({});
    await until(() => p.seen.hash !== null);
    const server = p.seen.hash as { minute: number; stateHash: string };
    await until(() => p.seen.minute === server.minute);
    expect(p.replayed()).toBe(server.stateHash);
  });
});
