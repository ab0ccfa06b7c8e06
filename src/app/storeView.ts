import type { DebriefMark } from '../round/debrief';
import type { GhostView } from '../round/ghost';
import type { HistoryPoint } from '../round/history';
import type { SilentReport, SilentSuccess, SimEvent, Snapshot } from '../sim';
import type { ScreenPhase } from './screenFlow';
import type { Settings } from './settings';

/** Everything the panels draw from: one immutable view, replaced on every change. */
export interface StoreView {
  phase: ScreenPhase;
  snapshot: Snapshot | null;
  settings: Settings;
  silent: SilentReport | null;
  /** The never-learning organization on the same luck, drawn live beside the player's. */
  ghost: GhostView | null;
  /** Silent successes whose minute just passed, for the feed and the map. */
  justPrevented: SilentSuccess[];
  history: HistoryPoint[];
  /** Events since the last notification, for feeds and effects. */
  fresh: SimEvent[];
  pagedIncident: string | null;
  openRetro: string | null;
  message: string | null;
  /** A bot is playing by itself (attract mode). */
  demo: boolean;
  /** The debrief after the round: both timelines at a chosen minute (null when closed). */
  debrief: DebriefView | null;
  /** A phase timer the facilitator set for the table, ending at a real time (ms since 1970). */
  tableTimer: { label: string; endsAt: number } | null;
  /** The facilitator has revealed the hidden state (latent weaknesses) to the table. */
  revealed: boolean;
  /** The code of the table on a room server this screen sits at, if any. */
  table: string | null;
  /** The seat this screen took at that table: its role's view of an incident is the one it sees. */
  tableSeat?: 'commander' | 'ops' | 'comms' | 'spectator';
  /** The week whose investment offers wait for the player's choice (the round is paused), else null. */
  weekChoice: number | null;
  /** This screen's round could not be kept in the browser (its storage is full): only an export keeps it. */
  unsaved?: boolean;
}

export interface DebriefView {
  minute: number;
  end: number;
  ours: Snapshot;
  ghost: Snapshot;
  marks: DebriefMark[];
}
