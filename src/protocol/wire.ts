import '../sim/zodConfig';
import type { z } from 'zod';

/**
 * The typed wire: each channel names its messages once, in both directions, and both ends send and
 * listen through these helpers, so a message name or a payload shape lives in one place. Nothing here
 * knows the room library: a room, a client or a browser's room only has to send and listen by name.
 */

/** Anything a message can be posted to: a client, a room's broadcast, a browser's room. */
export interface Post {
  send(type: string, payload: unknown): void;
}

/** A browser's side of a room: it hears messages by name. */
export interface Hear {
  onMessage<T>(type: string, handler: (payload: T) => void): unknown;
}

/** A server's side of a room: it hears each client's messages by name ("*" for any other). */
export interface HearFrom<C> {
  onMessage(type: string, handler: (client: C, payload: unknown) => void): unknown;
}

/** One function per message, each taking that message's payload. */
export type Senders<M> = { readonly [K in keyof M]: (payload: M[K]) => void };
/** One handler per message: a listener must say what it does with every message its channel carries. */
export type Handlers<M> = { readonly [K in keyof M]: (payload: M[K]) => void };

/** The messages a server sends down to screens: their names (checked against the map) and typed helpers. */
export interface Down<M> {
  readonly names: readonly (keyof M & string)[];
  to(post: Post): Senders<M>;
  listen(room: Hear, handlers: Handlers<M>): void;
}

export function down<M>(names: { readonly [K in keyof M]: true }): Down<M> {
  const list = Object.keys(names) as (keyof M & string)[];
  return {
    names: list,
    to(post) {
      const out = {} as Record<string, (payload: unknown) => void>;
      for (const name of list) out[name] = (payload) => post.send(name, payload);
      return out as unknown as Senders<M>;
    },
    listen(room, handlers) {
      for (const name of list) {
        room.onMessage(name, handlers[name] as (payload: unknown) => void);
      }
    },
  };
}

/** What an upward message map looks like: a schema per message name. */
export type Schemas = Record<string, z.ZodType>;
/** The parsed payload of each upward message. */
export type Parsed<S extends Schemas> = { [K in keyof S]: z.output<S[K]> };
/** The server's handler per message: it receives the client and the schema's parsed payload, never the raw one. */
export type Serve<S extends Schemas, C> = { readonly [K in keyof S]: (client: C, payload: z.output<S[K]>) => void };

/** The messages screens send up to a server: each checked by its schema on arrival. */
export interface Up<S extends Schemas> {
  readonly names: readonly (keyof S & string)[];
  readonly schemas: S;
  /** A screen's senders (payloads typed as the schema's input). */
  to(post: Post): { readonly [K in keyof S]: (payload: z.input<S[K]>) => void };
  /**
   * Registers a handler per message on a server's room. A payload its schema refuses, or a message the
   * channel does not carry, goes to `refuse` with the first problem in words; the handler never runs.
   */
  serve<C>(room: HearFrom<C>, handlers: Serve<S, C>, refuse: (client: C, reason: string, type: string) => void): void;
}

export function up<S extends Schemas>(schemas: S): Up<S> {
  const list = Object.keys(schemas) as (keyof S & string)[];
  return {
    names: list,
    schemas,
    to(post) {
      const out = {} as Record<string, (payload: unknown) => void>;
      for (const name of list) out[name] = (payload) => post.send(name, payload ?? {});
      return out as never;
    },
    serve(room, handlers, refuse) {
      for (const name of list) {
        const schema = schemas[name] as z.ZodType;
        const handle = handlers[name] as (client: unknown, payload: unknown) => void;
        room.onMessage(name, (client, raw) => {
          const parsed = schema.safeParse(raw ?? {});
          if (parsed.success) handle(client, parsed.data);
          else refuse(client, problemOf(parsed.error), name);
        });
      }
      room.onMessage('*', (client, type) =>
        refuse(client, `no such message "${String(type).slice(0, 40)}"`, String(type).slice(0, 40)),
      );
    },
  };
}

/** The first problem of a message, in words, for a refusal. */
export function problemOf(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || 'message'}: ${issue.message}` : 'not a valid message';
}
