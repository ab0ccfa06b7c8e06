import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** A named random stream's generator state, stored inside the simulation state as plain text. */
export type StreamState = string;

/** FNV-1a over a string, mixed with the seed: a stable 32-bit seed per stream. */
export function streamSeed(seed: number, name: string): number {
  let h = 0x811c9dc5 ^ (seed | 0);
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h | 0;
}

export function createStream(seed: number, name: string): StreamState {
  return xoroshiro128plus(streamSeed(seed, name)).getState().join(',');
}

/**
 * The four words of each stream's state as last drawn, with the text they were written as. A stream's next
 * draw finds its own text there and need not read it again; any other text (another world's, a saved one)
 * is read afresh. The same text always means the same words, so this is a cache of values, not state.
 */
const lastDrawn = new Map<string, Stream>();

/** A named stream as last drawn: its name, the text it was written as, and that text's four words. */
export interface Stream {
  readonly name: string;
  text: string;
  readonly words: Int32Array;
}

/** The stream of that name (kept, so a caller drawing from it often can hold on to it). */
export function stream(name: string): Stream {
  let entry = lastDrawn.get(name);
  if (!entry) {
    if (lastDrawn.size >= 100_000) lastDrawn.clear();
    entry = { name, text: '', words: new Int32Array(4) };
    lastDrawn.set(name, entry);
  }
  return entry;
}

/** A stream's state read from its text ("a,b,c,d", each a 32-bit integer). */
function readWords(text: string, words: Int32Array): void {
  let w = 0;
  let n = 0;
  let sign = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 44) {
      words[w++] = sign * n;
      n = 0;
      sign = 1;
    } else if (c === 45) sign = -1;
    else n = n * 10 + (c - 48);
  }
  words[w] = sign * n;
}

/**
 * Draw a number in [0, 1) from a stream and store the advanced state back.
 * Each source of chance owns its stream, so two runs with the same seed face
 * the same luck no matter what the players decided elsewhere.
 *
 * xoroshiro128+ (pure-rand's generator, stepped here without making an object per draw): the same
 * numbers and the same stored text as pure-rand's own `next()` and `getState()`.
 */
export function draw(streams: Record<string, StreamState>, name: string, seed: number): number {
  return drawFrom(streams, stream(name), seed);
}

/** `draw`, from a stream already in hand. */
export function drawFrom(streams: Record<string, StreamState>, entry: Stream, seed: number): number {
  const name = entry.name;
  const text = streams[name] ?? createStream(seed, name);
  if (entry.text !== text) {
    readWords(text, entry.words);
    entry.text = text;
  }
  const words = entry.words;
  const s01 = words[0] as number;
  const s00 = words[1] as number;
  const s11 = words[2] as number;
  const s10 = words[3] as number;
  const out = (s00 + s10) | 0;
  const a0 = s10 ^ s00;
  const a1 = s11 ^ s01;
  const n01 = (s01 << 24) ^ (s00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
  const n00 = (s00 << 24) ^ (s01 >>> 8) ^ a0 ^ (a0 << 16);
  const n11 = (a0 << 5) ^ (a1 >>> 27);
  const n10 = (a1 << 5) ^ (a0 >>> 27);
  const next = `${n01},${n00},${n11},${n10}`;
  streams[name] = next;
  words[0] = n01;
  words[1] = n00;
  words[2] = n11;
  words[3] = n10;
  entry.text = next;
  return (out >>> 0) / 4294967296;
}

/** An integer in [min, max] inclusive. */
export function drawInt(
  streams: Record<string, StreamState>,
  name: string,
  seed: number,
  min: number,
  max: number,
): number {
  return min + Math.floor(draw(streams, name, seed) * (max - min + 1));
}
