import { MINUTES_PER_DAY, type Snapshot, scoreCard } from '../sim';

/** One point per simulated day for the learning-vs-nines chart. */
export interface HistoryPoint {
  day: number;
  learning: number;
  nines: number;
  incidents: number;
  replayIncidents: number;
  score: number;
  par: number;
}

export function samplePoint(s: Snapshot, replayIncidents: number, par: number): HistoryPoint {
  const card = scoreCard(s);
  return {
    day: Math.floor(s.now / MINUTES_PER_DAY),
    learning: Math.round(card.learning.points * 10) / 10,
    nines: Math.round(card.dashboard.nines * 100) / 100,
    incidents: s.totals.incidents,
    replayIncidents,
    score: Math.round(card.score * 10) / 10,
    par: Math.round(par * 10) / 10,
  };
}
