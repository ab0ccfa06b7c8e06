import type { LevelId } from '../content/campaign';
import { levelOfScenario } from '../round/campaign/levels';
import type { GoalVerdict } from '../round/campaign/played';
import { recordLevel } from '../round/campaign/progress';
import type { CheckAnswers } from '../round/evidence/check';
import { evidenceCsv, evidenceJson, type Session } from '../round/evidence/export';
import { roundEvidence } from '../round/evidence/roundEvidence';
import { type SponsorSummary, sponsorSummary } from '../round/evidence/summary';
import { keepProgress, loadProgress } from './campaignKeep';
import { emptySession, forgetSession, type KeptSession, keepSession, loadSession } from './sessionKeep';
import type { GameStore } from './store';

/**
 * What the table learned, kept across its rounds: each finished round's evidence (read from its world and its
 * log, beside the never-learning replay's), the session check, and the campaign's progress. The report, the
 * exports and the campaign's screens read it here.
 */
export class LearningDesk {
  private kept: KeptSession | null = null;

  constructor(private readonly store: GameStore) {}

  session(): KeptSession {
    this.kept ??= loadSession();
    return this.kept;
  }

  private keep(next: KeptSession): void {
    this.kept = next;
    keepSession(next);
  }

  /**
   * The round on screen ended: its evidence joins the session (once), and a campaign level's goal is judged and
   * its progress kept. The attract demo teaches nobody and is left out.
   */
  roundEnded(): void {
    const round = this.store.round();
    if (!round || this.store.view.demo || !round.complete) return;
    const world = round.snapshot();
    const evidence = roundEvidence(world, round.entries, round.ghost.world());
    const session = this.session();
    if (session.rounds.some((r) => r.evidence.stateHash === evidence.stateHash)) return;
    const played = levelOfScenario(world.scenarioId);
    const label = played
      ? `Level ${played.number}: ${played.story.incident}`
      : `${world.scenarioName}, seed ${world.seed}`;
    this.keep({ ...session, rounds: [...session.rounds, { label, log: round.log(), evidence }] });
    if (played) {
      const met = played.judge({ world, entries: round.entries }).met;
      keepProgress(recordLevel(loadProgress(), played.id, { goalMet: met, checkRight: 0 }));
    }
  }

  /** The goal's verdict for the level on screen, judged from its world and log. */
  verdict(): { id: LevelId; verdict: GoalVerdict } | null {
    const round = this.store.round();
    const world = round?.snapshot();
    const played = world ? levelOfScenario(world.scenarioId) : null;
    if (!round || !world || !played) return null;
    return { id: played.id, verdict: played.judge({ world, entries: round.entries }) };
  }

  /** The level's three questions were answered: the best score is kept. */
  levelChecked(id: LevelId, right: number): void {
    const progress = loadProgress();
    const was = progress.levels[id];
    if (!was) return;
    keepProgress({
      ...progress,
      levels: { ...progress.levels, [id]: { ...was, bestCheck: Math.max(was.bestCheck, right) } },
    });
  }

  setCheck(check: CheckAnswers): void {
    this.keep({ ...this.session(), check });
  }

  /** Starts a new session: the rounds and the check so far are let go (exported first, if anyone wants them). */
  newSession(): void {
    forgetSession();
    this.kept = emptySession();
  }

  private asSession(): Session {
    const s = this.session();
    return { table: this.store.view.settings.tableName.trim() || 'Table', rounds: s.rounds, check: s.check };
  }

  json(): string {
    return evidenceJson(this.asSession());
  }

  csv(): string {
    return evidenceCsv(this.asSession());
  }

  summary(): SponsorSummary {
    const s = this.asSession();
    return sponsorSummary(
      s.table,
      s.rounds.map((r) => r.evidence),
      s.check,
    );
  }
}
