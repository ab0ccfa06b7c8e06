import type { Immutable } from 'immer';
import type { SimState } from './types';

/**
 * The world as views, bots and read-only rules see it: read-only all the way down, so the compiler
 * refuses a write anywhere in it (and the frozen world refuses one at run time).
 */
export type Snapshot = Immutable<SimState>;

/** A person as the world holding them gives them: writable in a draft, read-only in a snapshot. */
export type EngineerIn<S extends Snapshot> = S['engineers'][string];
/** An incident as the world holding it gives it. */
export type IncidentIn<S extends Snapshot> = S['incidents'][string];
