import { type CheckAnswers, emptyCheck, parseCheck } from '../round/evidence/check';
import type { SessionRound } from '../round/evidence/export';
import { readLog } from '../sim';
import { readText, removeText, storeText } from './storage';

/** Where this browser keeps the session: the rounds played since it began, and the session check. */
export const SESSION_KEY = 'firepants.session.v1';
/** The most rounds a session keeps (the oldest go first). */
export const SESSION_ROUNDS = 12;

export interface KeptSession {
  rounds: SessionRound[];
  check: CheckAnswers;
}

export const emptySession = (): KeptSession => ({ rounds: [], check: emptyCheck() });

/** A kept round whose log still reads as a log and whose evidence has its parts; anything else is dropped. */
function keptRound(raw: unknown): SessionRound | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  const log = readLog(r.log);
  const e = r.evidence as Record<string, unknown> | undefined;
  if (!log.ok || !e || typeof e.stateHash !== 'string' || !Array.isArray(e.incidents) || !Array.isArray(e.replay))
    return null;
  return { label: typeof r.label === 'string' ? r.label.slice(0, 80) : 'Round', log: log.log, evidence: e as never };
}

/** Reads the kept session; a damaged one starts afresh, never throws. */
export function loadSession(): KeptSession {
  try {
    const raw = JSON.parse(readText(SESSION_KEY) ?? 'null') as Record<string, unknown> | null;
    if (!raw || typeof raw !== 'object') return emptySession();
    const rounds = (Array.isArray(raw.rounds) ? raw.rounds : []).map(keptRound).filter((r) => r !== null);
    return {
      rounds: rounds.slice(-SESSION_ROUNDS),
      check: parseCheck(raw.check),
    };
  } catch {
    return emptySession();
  }
}

/** Keeps the session; when storage is full, the oldest rounds are let go until it fits. Returns whether it did. */
export function keepSession(session: KeptSession): boolean {
  for (let from = 0; from <= session.rounds.length; from++) {
    const text = JSON.stringify({ ...session, rounds: session.rounds.slice(from) });
    if (storeText(SESSION_KEY, text)) return true;
  }
  return false;
}

export const forgetSession = () => removeText(SESSION_KEY);
