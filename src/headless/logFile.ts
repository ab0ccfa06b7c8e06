import { readFileSync, statSync, writeFileSync } from 'node:fs';
import type { InputLog } from '../sim';
import { clip, MAX_SAVE_CHARS, parseLogText, replayLog, type SimState, stateHash } from '../sim';
import { ArgError } from './args';

/** A file the runner reads: refused before reading when it is not a plain file or is too large. */
export function readPlainFile(ref: string, what: string, max: number, missing?: string): string {
  const shown = clip(ref);
  let size: number;
  try {
    const info = statSync(ref);
    if (!info.isFile()) throw new ArgError(`"${shown}" is not a regular file`);
    size = info.size;
  } catch (err) {
    if (err instanceof ArgError) throw err;
    throw new ArgError(missing ?? `no ${what} at "${shown}"`);
  }
  if (size > max) throw new ArgError(`the ${what} "${shown}" is larger than ${max / 1_000_000} MB`);
  try {
    return readFileSync(ref, 'utf8');
  } catch (err) {
    throw new ArgError(`the ${what} "${shown}" could not be read: ${clip((err as Error)?.message ?? '')}`);
  }
}

export function writeLog(path: string, log: InputLog): void {
  try {
    writeFileSync(path, `${JSON.stringify(log)}\n`);
  } catch (err) {
    throw new ArgError(`the log could not be written to "${clip(path)}": ${clip((err as Error)?.message ?? '')}`);
  }
}

/** Reads and replays a log file; a bad entry or a world that differs is a message, not a crash. */
export function replayLogFile(path: string): { log: InputLog; state: SimState } {
  const read = parseLogText(readPlainFile(path, 'log', MAX_SAVE_CHARS));
  if (!read.ok) throw new ArgError(`the log "${clip(path)}" is not valid: ${read.problem}`);
  const played = replayLog(read.log);
  if (!played.ok) throw new ArgError(`the log "${clip(path)}" does not replay: ${played.problem}`);
  const hash = stateHash(played.state);
  if (read.log.stateHash !== undefined && read.log.stateHash !== hash)
    throw new ArgError(
      `the log "${clip(path)}" replays to a different world (hash ${hash}, the log says ${read.log.stateHash})`,
    );
  return { log: read.log, state: played.state };
}
