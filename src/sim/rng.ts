import { xoroshiro128plus, xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';

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
 * Draw a number in [0, 1) from a stream and store the advanced state back.
 * Each source of chance owns its stream, so two runs with the same seed face
 * the same luck no matter what the players decided elsewhere.
 */
export function draw(streams: Record<string, StreamState>, name: string, seed: number): number {
  let state = streams[name];
  if (state === undefined) {
    state = createStream(seed, name);
  }
  const gen = xoroshiro128plusFromState(state.split(',').map(Number));
  const value = (gen.next() >>> 0) / 4294967296;
  streams[name] = gen.getState().join(',');
  return value;
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
