import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  name?: string;
  css?: string[];
  imports?: string[];
  dynamicImports?: string[];
}

/** Gzip bytes of everything the game's page loads (its scripts, lazy ones included, and styles), and of Phaser alone. */
export function bundleSizes(outDir: string): { game: number; phaser: number } {
  const manifest = JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const gz = (file: string) => gzipSync(readFileSync(join(outDir, file))).length;
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const next of [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])]) visit(next);
  };
  visit('index.html');
  const phaser = Object.values(manifest).find((c) => c.name === 'phaser');
  if (!phaser) throw new Error('the build has no chunk named "phaser"');
  return { game: [...files].reduce((sum, f) => sum + gz(f), 0), phaser: gz(phaser.file) };
}
