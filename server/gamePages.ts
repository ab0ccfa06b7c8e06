import { existsSync, readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import type { NextFunction, Request, Response } from 'express';
import { socketOrigins } from './doorman';

/**
 * The game's pages as the room server serves them. With several processes a page talks to the others'
 * addresses, so the policy each page carries in its <meta> is widened to them (the header says the same);
 * with one process the pages go out as they were built.
 */
export function gamePages(dist: string, origins: readonly string[]) {
  const cache = new Map<string, string>();
  const extra = socketOrigins(origins).join(' ');
  return (req: Request, res: Response, next: NextFunction) => {
    if (origins.length === 0 || req.method !== 'GET') return next();
    const path = req.path === '/' ? '/index.html' : req.path;
    if (!path.endsWith('.html')) return next();
    const file = normalize(join(dist, path));
    if (!file.startsWith(dist) || !existsSync(file)) return next();
    let page = cache.get(file);
    if (page === undefined) {
      // The built page writes its policy's quotes as &#39; (or plainly); either way the other processes join it.
      page = readFileSync(file, 'utf8').replace(/connect-src (&#39;|')self\1/, (found) => `${found} ${extra}`);
      cache.set(file, page);
    }
    res.type('html').send(page);
  };
}
