import type { Immutable } from 'immer';
import type { SimState } from './types';

/**
 * The world as views, bots and read-only rules see it: read-only all the way down, so the compiler
 * refuses a write anywhere in it (and the frozen world refuses one at run time).
 */
export type Snapshot = Immutable<SimState>;

/** The people of a world, as the world and a player's view both show them. */
export type People = Pick<Snapshot, 'engineers' | 'engineerOrder'>;
/** The organization's shape: its services, teams, people, pager model and rotation (the world and a player's view alike). */
export type Organization = Pick<
  Snapshot,
  | 'services'
  | 'serviceOrder'
  | 'teams'
  | 'teamOrder'
  | 'engineers'
  | 'engineerOrder'
  | 'ownership'
  | 'rotation'
  | 'siteOffsets'
>;

/** A person as the world holding them gives them: writable in a draft, read-only in a snapshot. */
export type EngineerIn<S extends People> = S['engineers'][string];
/** An incident as the world holding it gives it. */
export type IncidentIn<S extends Snapshot> = S['incidents'][string];
