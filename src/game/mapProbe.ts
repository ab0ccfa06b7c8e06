/** What browser tests may read of the map in development and test builds: where its labels and nodes are drawn. */
export interface MapBox {
  key: string;
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface MapProbe {
  width: number;
  height: number;
  labels: MapBox[];
  /** Service nodes and people's discs, as circles. */
  discs: { key: string; x: number; y: number; r: number }[];
}

declare global {
  interface Window {
    __firepantsMap?: () => MapProbe | null;
  }
}

export function installMapProbe(read: () => MapProbe | null): void {
  if (import.meta.env.MODE === 'production') return;
  window.__firepantsMap = read;
}
