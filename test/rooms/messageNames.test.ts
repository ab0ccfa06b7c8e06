import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every .ts file under a folder. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Calls that name a message or a room by a string written on the spot. */
const BY_NAME =
  /\b(send|onMessage|broadcast|joinOrCreate|joinById|create|createRoom|define|remoteRoomCall)\(\s*(['"`])/;

describe('the wire contract', () => {
  it('is the only place a message or a room is named: the server, the browser and the room tests go through it', () => {
    const outside = [...sources('server'), ...sources('src'), ...sources('test/rooms')].filter(
      (f) => !f.startsWith(join('src', 'protocol')),
    );
    const found: string[] = [];
    for (const file of outside)
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (BY_NAME.test(line) && !line.includes('BY_NAME')) found.push(`${file}:${i + 1}: ${line.trim()}`);
        });
    expect(found).toEqual([]);
  });
});
