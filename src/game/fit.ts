import type Phaser from 'phaser';

const fitted = new WeakMap<Phaser.GameObjects.Text, string>();

/**
 * Sets the first of `options` that fits in `maxWidth`; failing all, the last one shortened with "…". Labels on the
 * map never run into each other or off its edge.
 */
export function fitText(t: Phaser.GameObjects.Text, options: string[], maxWidth: number): Phaser.GameObjects.Text {
  // Setting a text redraws its texture: the same words in the same room and size keep the last answer.
  const key = `${options.join('\n')}\n${Math.floor(maxWidth)}\n${t.style.fontSize}`;
  if (fitted.get(t) === key) return t;
  fitted.set(t, key);
  for (const option of options) {
    t.setText(option);
    if (t.width <= maxWidth) return t;
  }
  const last = options[options.length - 1] ?? '';
  for (let n = last.length - 1; n > 0; n--) {
    t.setText(`${last.slice(0, n).trimEnd()}…`);
    if (t.width <= maxWidth) return t;
  }
  return t;
}

/** Keeps a centred label whole inside the map: its middle moves in from an edge as far as its width needs. */
export function keepInside(t: Phaser.GameObjects.Text, x: number, y: number, width: number): Phaser.GameObjects.Text {
  const half = t.width / 2;
  return t.setPosition(Math.max(half + 2, Math.min(width - half - 2, x)), y);
}
