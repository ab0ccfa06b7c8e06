import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GameStore } from '../../src/app/store';
import { RoundSession } from '../../src/round/roundSession';
import { parseSave } from '../../src/round/save/save';
import { createWorld, playerView, policies, stateHash } from '../../src/sim';
import { replayLog } from '../../src/sim/logReplay';
import { must, scenario } from '../sim/fixtures';

const platform = scenario('platform');

function startedStore(guided = true): GameStore {
  const store = new GameStore();
  const world = createWorld(platform, { seed: 43, weeks: 2 });
  store.newGame();
  store.startRound({
    scenario: platform,
    seed: 43,
    weeks: 2,
    ownership: 'hybrid',
    rotation: world.rotation.byTeam,
    guided,
  });
  return store;
}

/** A table that answers every page it sees and posts one status update. */
function playSome(store: GameStore, minutes: number): void {
  for (let t = 0; t < minutes; t += 30) {
    store.advanceMinutes(30);
    const snap = store.snapshot();
    for (const id of snap?.openIncidents ?? []) {
      if (snap?.incidents[id]?.phase === 'paged') store.dispatch({ type: 'acknowledge', incident: id });
      store.dispatch({ type: 'postStatus', incident: id });
    }
  }
}

describe('a round session', () => {
  it('logs every input — set-up, the guided fire, the table’s decisions, pause and speed — and the log replays to the same world', () => {
    const store = startedStore();
    store.pause();
    store.resume();
    store.setSettings({ speed: 4 });
    playSome(store, 2 * 1440);
    const session = store.round();
    if (!session) throw new Error('no round');
    const log = session.log();
    const by = new Set(log.entries.map((e) => e.by));
    for (const who of ['setup', 'guided', 'player']) expect(by.has(who as never)).toBe(true);
    expect(log.entries.some((e) => 'control' in e && e.control === 'speed' && e.value === 4)).toBe(true);
    expect(log.entries.some((e) => 'command' in e && e.command.type === 'acknowledge')).toBe(true);
    const again = replayLog(log);
    if (!again.ok) throw new Error(again.problem);
    expect(stateHash(again.state)).toBe(stateHash(store.snapshot() as never));
  });

  it('saves the log and the fires still to come, and a resumed round goes on exactly as an unbroken one', () => {
    const unbroken = startedStore();
    const cut = startedStore();
    cut.advanceMinutes(120); // before the guided fire at 09:30
    const save = cut.round()?.save([], 'now');
    if (!save) throw new Error('no save');
    expect(save.scheduled).toHaveLength(1);
    const loaded = parseSave(JSON.stringify(save));
    if (!loaded.ok) throw new Error(loaded.reason);
    const resumed = RoundSession.resume(loaded.save);
    unbroken.advanceMinutes(120);
    unbroken.round()?.advance(1440, false);
    resumed.advance(1440, false);
    expect(stateHash(resumed.snapshot() as never)).toBe(stateHash(unbroken.snapshot() as never));
    expect(resumed.log().entries).toEqual(unbroken.round()?.log().entries);
  });

  it('keeps demo fires coming after a visitor takes over, on both timelines', () => {
    const store = new GameStore();
    store.attract.start();
    store.advanceMinutes(600);
    store.attract.takeOver();
    expect(store.view.demo).toBe(false);
    const before = store
      .round()
      ?.log()
      .entries.filter((e) => e.by === 'demo' && 'command' in e && e.command.type !== 'injectIncident').length;
    // The visitor answers the fires as a careful player would (or the round would be lost to them).
    const careful = must(policies.careful);
    for (let t = 0; t < 6 * 1440; t += 5) {
      for (const cmd of careful(playerView(must(store.snapshot())))) store.dispatch(cmd);
      store.round()?.advance(5, false);
    }
    expect(store.snapshot()?.lost ?? null).toBeNull();
    // The bot no longer decides; the scripted fires still come.
    expect(
      store
        .round()
        ?.log()
        .entries.filter((e) => e.by === 'demo' && 'command' in e && e.command.type !== 'injectIncident').length,
    ).toBe(before);
    const log = store.round()?.log();
    expect(
      log?.entries.filter((e) => e.by === 'demo' && 'command' in e && e.command.type === 'injectIncident'),
    ).toHaveLength(2);
  });
});

describe('saves from earlier versions', () => {
  it('load a version 1 save from the middle of a round, with its outside fire as a partial log', () => {
    const r = parseSave(readFileSync('test/fixtures/save-v1-round.json', 'utf8'));
    if (!r.ok) throw new Error(r.reason);
    expect(r.save.saveVersion).toBe(2);
    expect(r.save.log.complete).toBe(false);
    expect(r.save.log.entries).toHaveLength(1);
    expect(r.save.log.entries[0]).toMatchObject({ at: 4320, by: 'facilitator', command: { type: 'injectIncident' } });
    const session = RoundSession.resume(r.save);
    const before = session.snapshot().now;
    session.advance(2 * 1440, false);
    expect(session.snapshot().now).toBe(before + 2 * 1440);
  });

  it('refuse a save whose log is damaged, naming the entry', () => {
    const store = startedStore();
    playSome(store, 600);
    const save = store.round()?.save([], 'now');
    if (!save) throw new Error('no save');
    const raw = JSON.parse(JSON.stringify(save));
    raw.log.entries[1].command.type = 'meltdown';
    const r = parseSave(JSON.stringify(raw));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/log is damaged at log\.entries\[1\]\.command: unknown command "meltdown"/);
  });
});
