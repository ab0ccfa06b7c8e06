import type { Down, Handlers, Hear } from '../../src/protocol/wire';

/** Listens to some of a channel's messages and quietly takes the rest, as a test screen does. */
export function hear<M>(channel: Down<M>, room: Hear, some: Partial<Handlers<M>>): void {
  const all = {} as Record<string, (payload: unknown) => void>;
  for (const name of channel.names) all[name] = (some[name] as ((payload: unknown) => void) | undefined) ?? (() => {});
  channel.listen(room, all as unknown as Handlers<M>);
}
