/** The path of a redis-server, or null; with `install: false` it never installs one, it only looks. */
export function findRedis(options?: { install?: boolean }): string | null;
