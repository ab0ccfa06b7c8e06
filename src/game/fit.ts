import type Phaser from 'phaser';

const fitted = new WeakMap<Phaser.GameObjects.Text, string>();

/**
 * Sets the first of `options` that fits in `maxWidth`; then, with `shrinkTo` below 1, the first option at a font
 * down to that share of its size (a name a little smaller before it is cut); failing all, the last one shortened
 * with "…". Labels on the map never run into each other or off its edge. The size to start from is the label's
 * `size` data when it has one (what its scene asked for), else its font size.
 */
export function fitText(
  t: Phaser.GameObjects.Text,
  options: string[],
  maxWidth: number,
  shrinkTo = 1,
): Phaser.GameObjects.Text {
  const size = String(t.getData('size') ?? t.style.fontSize);
  // Setting a text redraws its texture: the same words in the same room and size keep the last answer.
  const key = `${options.join('\n')}\n${Math.floor(maxWidth)}\n${size}\n${shrinkTo}`;
  if (fitted.get(t) === key) return t;
  fitted.set(t, key);
  if (t.style.fontSize !== size) t.setFontSize(size);
  for (const option of options) {
    t.setText(option);
    if (t.width <= maxWidth) return t;
  }
  const px = Number.parseFloat(size);
  if (shrinkTo < 1 && Number.isFinite(px)) {
    t.setText(options[0] ?? '');
    for (let p = Math.floor(px) - 1; p >= Math.ceil(px * shrinkTo); p--) {
      t.setFontSize(`${p}px`);
      if (t.width <= maxWidth) return t;
    }
    t.setFontSize(size);
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
