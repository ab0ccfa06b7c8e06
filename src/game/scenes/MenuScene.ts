import Phaser from 'phaser';
import type { GameStore } from '../../app/store';

/** Behind the menu (its title and panel are the page's own): a quiet map of embers. */
export class MenuScene extends Phaser.Scene {
  private unsubscribe: (() => void) | null = null;
  private embers: { x: number; y: number; r: number; speed: number }[] = [];
  private gfx!: Phaser.GameObjects.Graphics;
  private readonly calm = window.matchMedia('(prefers-reduced-motion: reduce)');

  constructor(private readonly store: GameStore) {
    super('menu');
  }

  create(): void {
    this.gfx = this.add.graphics();
    const { width, height } = this.scale;
    for (let i = 0; i < 40; i++) {
      const u = (i * 7919) % 97;
      this.embers.push({
        x: (u / 97) * width,
        y: ((i * 31) % 53) * (height / 53),
        r: 2 + (i % 4),
        speed: 10 + (i % 7) * 6,
      });
    }
    this.unsubscribe = this.store.subscribe((view) => {
      if (view.phase !== 'menu') this.scene.start('ops');
    });
    this.events.once('shutdown', () => this.unsubscribe?.());
  }

  override update(_time: number, delta: number): void {
    const { width, height } = this.scale;
    this.gfx.clear();
    // With reduced motion the embers glow where they are instead of rising.
    const rise = this.calm.matches ? 0 : delta;
    for (const e of this.embers) {
      e.y -= (e.speed * rise) / 1000;
      if (e.y < -10) e.y = height + 10;
      this.gfx.fillStyle(0xff6a2b, 0.25 + (e.r % 3) * 0.1);
      this.gfx.fillCircle(e.x % width, e.y, e.r);
    }
  }
}
