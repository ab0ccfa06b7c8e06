import type { Incident, OwnershipModel, Role, RotationWeek, Scenario, Snapshot } from '../sim';
import type { ShareOut } from './shareLink';

/** What the menu hands to staffing: a scenario, a seed and a length (and, from a shared round, the rest). */
export interface RoundChoice {
  scenario: Scenario;
  seed: number;
  weeks: number;
  guided: boolean;
  /** A shared round also fixes who carries the pager and the rotation. */
  ownership?: OwnershipModel;
  rotation?: Record<string, RotationWeek[]>;
  /** What a shared link or code loaded, to show on the staffing screen. */
  shared?: string;
}

/** The staffing screen's set-up while the players edit it. */
export interface SetupDraft {
  choice: RoundChoice;
  ownership: OwnershipModel;
  rotation: Record<string, RotationWeek[]>;
}

/** A notice the menu and staffing show about the last shared link or code. */
export interface SharedNotice {
  kind: 'ok' | 'problem';
  text: string;
}

/**
 * The players' own view state, apart from the world: what they selected, picked, typed and opened, and the
 * problems the menu holds up. The panels read and write it here, never in variables of their own, so any
 * panel (and a keyboard shortcut) sees the same selection.
 */
export class ViewState {
  /** The incident the incident panel shows (and the one shortcuts act on). */
  selectedIncident: string | null = null;
  /** The responder picked under "Who looks", per incident; until then whoever is free looks. */
  readonly picked = new Map<string, string>();
  /** The role tab in front at a table with named players. */
  roleTab: Role = 'commander';
  /** The round the menu handed on (and a booth's or a shared link's preset). */
  choice: RoundChoice | null = null;
  /** The players' own scenario loaded in the menu (a shared link may also bring one). */
  customScenario: Scenario | null = null;
  /** What was wrong with the last scenario file loaded. */
  scenarioProblems: string[] = [];
  /** Why the saved round could not be offered. */
  saveProblem: string | null = null;
  /** Why the last imported round could not be played. */
  importProblem: string | null = null;
  sharedNotice: SharedNotice | null = null;
  /** A link that waits for its scenario file to be loaded in the menu. */
  linkWaiting: { hash: string; id: string } | null = null;
  /** The staffing screen's set-up being edited. */
  setupDraft: SetupDraft | null = null;
  /** The players being named on the staffing screen (a blank name stays while the form is open). */
  seatRows: { player: string; role: Role }[] | null = null;
  /** The link and code made for the set-up on screen, and whether it reached the clipboard. */
  shared: { key: string; out: ShareOut; copied: boolean } | null = null;
  /** The control to give the focus back to when the week's choice closes. */
  weekChoiceOpener: HTMLElement | null = null;

  /** The incident in front: the one selected while it is known and open, else the first known one. */
  selectedIn(s: Snapshot): Incident | null {
    const known = s.openIncidents
      .map((id) => s.incidents[id])
      .filter((i): i is Incident => !!i && i.phase !== 'undetected');
    if (!known.some((i) => i.id === this.selectedIncident)) this.selectedIncident = known[0]?.id ?? null;
    return known.find((i) => i.id === this.selectedIncident) ?? null;
  }

  /** A new round: nothing of the last round's selection carries over. */
  forRound(): void {
    this.selectedIncident = null;
    this.picked.clear();
  }
}
