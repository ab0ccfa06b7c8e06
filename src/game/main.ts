import Phaser from 'phaser';
import type { GameStore } from '../app/store';
import { BootScene } from './scenes/BootScene';
import { MenuScene } from './scenes/MenuScene';
import { OpsScene } from './scenes/OpsScene';

/**
 * The test build draws the map with Phaser's canvas renderer: in a headless browser without a GPU, WebGL runs in
 * software and costs over a core per page, the canvas about a third of one, and browser tests read the page and the
 * map's probe, not its pixels. A page of the test build that sets `__FIREPANTS_WEBGL__` before it loads draws as
 * players' browsers do (the Content-Security-Policy play-through does).
 */
const canvasOnly = () =>
  import.meta.env.MODE === 'test' && !(globalThis as { __FIREPANTS_WEBGL__?: boolean }).__FIREPANTS_WEBGL__;

/** Starts Phaser in the given element; the host owns the returned game. */
export function startGame(parent: HTMLElement, store: GameStore): Phaser.Game {
  const game = new Phaser.Game({
    type: canvasOnly() ? Phaser.CANVAS : Phaser.AUTO,
    parent,
    backgroundColor: '#10141c',
    scale: { mode: Phaser.Scale.RESIZE, width: parent.clientWidth || 900, height: parent.clientHeight || 660 },
    scene: [new BootScene(store), new MenuScene(store), new OpsScene(store)],
    banner: false,
    // The map makes no sound (the pager makes its own beep when sound is on): no audio context runs for it.
    audio: { noAudio: true },
    // The test build draws the map at 8 frames a second: browser tests read the page and the map's probe, not its
    // pixels, and a page drawing 20 cost a quarter more of a core. The round's clock still runs on every animation
    // frame (src/app/loop.ts).
    ...(import.meta.env.MODE === 'test' ? { fps: { limit: 8 } } : {}),
  });
  // The map's box changes when panels come and go, not only when the window does: follow it at once.
  new ResizeObserver(() => {
    if (game.scale.getParentBounds()) game.scale.refresh();
  }).observe(parent);
  return game;
}
