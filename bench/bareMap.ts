import Phaser from 'phaser';

/**
 * A bare Phaser scene drawing what the ops floor draws, with nothing else going on: the yardstick the benchmark holds
 * the game's frame times against. `?texts=…` labels, `shapes=…` circles and lines drawn once, and `flames=…`
 * triangles redrawn every frame, as the floor's flames are. `w` and `h` give the map's size.
 */
const params = new URLSearchParams(window.location.search);
const count = (name: string, fallback: number) => Number(params.get(name)) || fallback;
const map = document.getElementById('map') as HTMLElement;
if (params.get('w')) map.style.width = `${count('w', 900)}px`;
if (params.get('h')) map.style.height = `${count('h', 660)}px`;

class BareScene extends Phaser.Scene {
  private flames!: Phaser.GameObjects.Graphics;

  create(): void {
    const { width, height } = this.scale;
    const at = (i: number, a: number, b: number) => ({
      x: ((i * a) % (width - 60)) + 30,
      y: ((i * b) % (height - 60)) + 30,
    });
    const shapes = this.add.graphics();
    // One drawing call per shape, in the floor's mix: about three circles (filled discs, rings) to one line or arrowhead.
    for (let i = 0; i < count('shapes', 200); i++) {
      const p = at(i, 71, 37);
      if (i % 4 === 3 && i % 8 === 3) {
        shapes.lineStyle(2, 0x52627d, 0.8);
        shapes.lineBetween(p.x, p.y, p.x + 120, p.y + 40);
      } else if (i % 4 === 3) {
        shapes.fillStyle(0x52627d, 1);
        shapes.fillTriangle(p.x, p.y, p.x - 11, p.y - 5, p.x - 11, p.y + 5);
      } else if (i % 2 === 0) {
        shapes.fillStyle(0x4e9af1, 1);
        shapes.fillCircle(p.x, p.y, 18);
      } else {
        shapes.lineStyle(3, 0x2b3548, 1);
        shapes.strokeCircle(p.x, p.y, 23);
      }
    }
    for (let i = 0; i < count('texts', 100); i++) {
      const p = at(i, 97, 53);
      this.add
        .text(p.x, p.y, `Label ${i} · bus 2`, {
          fontFamily: 'system-ui, sans-serif',
          fontSize: '13px',
          color: '#dbe3ef',
        })
        .setOrigin(0.5, 0);
    }
    this.flames = this.add.graphics();
  }

  override update(clock: number): void {
    const { width, height } = this.scale;
    this.flames.clear();
    for (let i = 0; i < count('flames', 100); i++) {
      const x = ((i * 131) % (width - 60)) + 30;
      const y = ((i * 29) % (height - 60)) + 30;
      const r = 40 + 8 * Math.sin(clock / 90 + i * 1.7);
      this.flames.fillStyle(i % 2 === 0 ? 0xff5a1f : 0xffb13b, 0.85);
      this.flames.fillTriangle(x - 8, y, x + 8, y, x, y - r);
    }
  }
}

const game = new Phaser.Game({
  type: Phaser.AUTO,
  parent: map,
  backgroundColor: '#10141c',
  scale: { mode: Phaser.Scale.RESIZE, width: map.clientWidth, height: map.clientHeight },
  scene: [BareScene],
  banner: false,
});
(window as { bareRenderer?: () => string }).bareRenderer = () =>
  game.renderer?.type === Phaser.WEBGL ? 'webgl' : 'canvas';
