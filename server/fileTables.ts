import {
  appendFileSync,
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { foldTable, type KeptTable, parseLines, type TableLine, type TableSetup, type TableStore } from './tableStore';

/**
 * Tables kept as files, one per table in `<data>/tables/CODE.jsonl`: the setup on the first line, then each
 * line as the table kept it. Writes are synchronous, so a line is in the file before its screens hear of it;
 * with `fsync` each write also reaches the disk itself. A closed table's file is renamed `CODE.closed.jsonl`.
 */
export class FileTables implements TableStore {
  private readonly dir: string;
  private readonly claimed = new Set<string>();

  constructor(
    dataDir: string,
    private readonly fsync = false,
  ) {
    this.dir = join(dataDir, 'tables');
    mkdirSync(this.dir, { recursive: true });
  }

  private path(code: string, closed = false): string {
    return join(this.dir, `${code}${closed ? '.closed' : ''}.jsonl`);
  }

  async create(setup: TableSetup): Promise<void> {
    this.write(this.path(setup.code), `${JSON.stringify({ setup })}\n`);
  }

  keep(code: string, lines: TableLine[]): undefined {
    if (lines.length === 0) return;
    this.write(this.path(code), `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
  }

  private write(path: string, text: string): void {
    if (!this.fsync) {
      appendFileSync(path, text);
      return;
    }
    const fd = openSync(path, 'a');
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  async read(code: string): Promise<KeptTable | null> {
    for (const closed of [false, true]) {
      const path = this.path(code, closed);
      if (!existsSync(path)) continue;
      const { setup, lines } = parseLines(readFileSync(path, 'utf8').split('\n'));
      return setup ? foldTable(setup, lines) : null;
    }
    return null;
  }

  async open(): Promise<string[]> {
    return readdirSync(this.dir)
      .filter((f) => /^[0-9A-Z]+\.jsonl$/.test(f))
      .map((f) => f.slice(0, -'.jsonl'.length));
  }

  async close(code: string, reason: string): Promise<void> {
    const path = this.path(code);
    if (!existsSync(path)) return;
    this.keep(code, [{ closed: reason }]);
    renameSync(path, this.path(code, true));
  }

  async claim(code: string): Promise<boolean> {
    if (this.claimed.has(code)) return false;
    this.claimed.add(code);
    return true;
  }

  async running(code: string): Promise<boolean> {
    return this.claimed.has(code);
  }

  async release(code: string): Promise<void> {
    this.claimed.delete(code);
  }

  async shutdown(): Promise<void> {}
}
