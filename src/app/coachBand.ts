/**
 * The coach's tip sits over the top of the map, under the map's own clock. In a guided round (where a tip is
 * almost always showing) the map keeps that band free of services, so a tip never hides the service it is
 * about; the panels place the tip in it and the map lays its services out below it.
 */

/** How far under the top of the map the tip starts (under the clock). */
export function coachBandTop(largePrint: boolean): number {
  return largePrint ? 64 : 48;
}

/** How tall a band the map keeps free for the tip: two lines of it, with its padding. */
export function coachBandHeight(largePrint: boolean): number {
  return largePrint ? 76 : 62;
}
