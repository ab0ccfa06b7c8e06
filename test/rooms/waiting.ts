export const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until a check holds, or fails after a while. */
export async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await wait(20);
  }
}
