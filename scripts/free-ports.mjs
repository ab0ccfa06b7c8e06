// Finds ports nobody listens on, so that two test runs on one machine (two checkouts, or the same one twice)
// never meet each other's servers. Node built-ins only.
import { createServer } from 'node:net';

/** True when nothing listens on `port` on any address of this machine. */
function free(port) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ port, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

/**
 * The first `base` from a random start in [from, to) such that base + i × step is free for every i < count.
 * A random start keeps two runs that look at the same moment from choosing the same ports.
 */
export async function freePorts(from, to, count = 1, step = 1) {
  const span = to - from - (count - 1) * step;
  const start = Math.floor(Math.random() * span);
  for (let k = 0; k < span; k++) {
    const base = from + ((start + k) % span);
    let all = true;
    for (let i = 0; i < count && all; i++) all = await free(base + i * step);
    if (all) return base;
  }
  throw new Error(`no free ports between ${from} and ${to}`);
}
