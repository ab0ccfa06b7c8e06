import Phaser from 'phaser';
import type { GameStore } from '../../app/store';

/** Boot: nothing to load yet (all drawing is vector); hand over to the menu. */
export class BootScene extends Phaser.Scene {
  constructor(private readonly store: GameStore) {
    super('boot');
  }

  create(): void {
    this.scene.start(this.store.view.phase === 'menu' ? 'menu' : 'ops');
  }
}
