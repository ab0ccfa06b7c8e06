import { type RoleSeat, tidySeats } from '../round/seats';
import { SETTINGS_KEY as KEY } from './settingsKey';

/** Player settings remembered between visits. A corrupt entry falls back to defaults. */
export interface Settings {
  speed: 1 | 2 | 4 | 8;
  autoPause: boolean;
  sound: boolean;
  /** Bigger text for a projector at the back of a room. */
  largePrint: boolean;
  /** The table's name on exported results, for workshops with several tables. */
  tableName: string;
  /** A, D, L, Y, N, B, X, R, F, U, G, T, H and ? act on a single key press; off for speech input or a stray keyboard. */
  singleKeyShortcuts: boolean;
  /** The players at this table and the incident roles they hold; empty when nobody is named. */
  /** The players at this screen and the incident role each holds. */
  seats: RoleSeat[];
}

export const DEFAULT_SETTINGS: Settings = {
  speed: 1,
  autoPause: true,
  sound: false,
  largePrint: false,
  tableName: '',
  singleKeyShortcuts: true,
  seats: [],
};

export function parseSettings(text: string | null): Settings {
  if (!text) return { ...DEFAULT_SETTINGS };
  try {
    const raw = JSON.parse(text) as Partial<Settings>;
    return {
      speed: [1, 2, 4, 8].includes(raw.speed as number) ? (raw.speed as Settings['speed']) : DEFAULT_SETTINGS.speed,
      autoPause: typeof raw.autoPause === 'boolean' ? raw.autoPause : DEFAULT_SETTINGS.autoPause,
      sound: typeof raw.sound === 'boolean' ? raw.sound : DEFAULT_SETTINGS.sound,
      largePrint: typeof raw.largePrint === 'boolean' ? raw.largePrint : DEFAULT_SETTINGS.largePrint,
      tableName: typeof raw.tableName === 'string' ? raw.tableName.slice(0, 60) : DEFAULT_SETTINGS.tableName,
      singleKeyShortcuts:
        typeof raw.singleKeyShortcuts === 'boolean' ? raw.singleKeyShortcuts : DEFAULT_SETTINGS.singleKeyShortcuts,
      seats: tidySeats(raw.seats),
    };
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

export function loadSettings(): Settings {
  try {
    return parseSettings(globalThis.localStorage?.getItem(KEY) ?? null);
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

export function saveSettings(settings: Settings): void {
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify(settings));
  } catch {
    // storage may be full or blocked; settings then last for this visit only
  }
}
