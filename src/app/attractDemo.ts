import { demoSetup } from '../round/demo';
import type { GameStore } from './store';

/** Attract mode: a learning-first bot plays a short round by itself, on a loop, until someone takes over. */
export class AttractDemo {
  constructor(private readonly store: GameStore) {}

  start(): void {
    const store = this.store;
    // A screen sitting at a room table keeps its seat: the demo never takes it over.
    if (store.view.table) return;
    const setup = demoSetup();
    if (!setup) return;
    if (store.view.phase === 'report') store.flow.send({ type: 'MENU' });
    if (store.view.phase === 'menu') store.flow.send({ type: 'NEW_GAME' });
    store.startRound(setup);
  }

  /** Any key or click hands the round to the human. */
  takeOver(): void {
    if (!this.store.view.demo) return;
    this.store.takeOverRound();
    this.store.patch({ demo: false });
  }
}
