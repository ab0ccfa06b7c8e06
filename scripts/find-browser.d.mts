/** Returns the path of a Chromium executable; with `install: false` it never installs one, it only looks. */
export function findChromium(options?: { install?: boolean }): Promise<string>;
