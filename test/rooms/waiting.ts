export const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until a check holds, or fails after a while (naming what it waited for). */
export async function until(check: () => boolean, ms = 5000, what = 'a condition'): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await wait(20);
  }
}
