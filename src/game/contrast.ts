/** Colour arithmetic for legible labels on the map (WCAG relative luminance and contrast ratio). */
type Rgb = [number, number, number];

export function rgb(hex: string): Rgb {
  const n = Number.parseInt(hex.replace('#', '').slice(0, 6), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** A colour drawn with `alpha` over `under`, as the eye sees it. */
export function over(top: string, alpha: number, under: string): Rgb {
  const a = rgb(top);
  const b = rgb(under);
  return [0, 1, 2].map((i) => Math.round((a[i] ?? 0) * alpha + (b[i] ?? 0) * (1 - alpha))) as Rgb;
}

function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The people band behind everyone, the dimmed disc of a sleeper, and the "z" drawn on it. */
export const PEOPLE_BAND_COLOR = '#0c1019';
export const SLEEPER_ALPHA = 0.45;
export const SLEEPER_Z_COLOR = '#f1f5fb';
/** The letter on an awake person's disc: dark on the bright team colour. */
export const AWAKE_INITIAL_COLOR = '#0d1118';
