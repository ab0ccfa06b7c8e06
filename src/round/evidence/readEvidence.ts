import { clip, type InputLog, readLog } from '../../sim';
import { parseCheck } from './check';
import { type EvidenceFile, evidenceJson, sessionFromLogs } from './export';

/** The largest evidence file read (a session of a dozen long rounds stays far below). */
export const MAX_EVIDENCE_CHARS = 16_000_000;

export type EvidenceRead = { ok: true; file: EvidenceFile } | { ok: false; problem: string };

/**
 * Reads a session's evidence file and checks it against its own logs: every round is replayed and the evidence
 * read again, and the file must come out byte for byte. An edited file, or one whose logs do not replay, is
 * refused with the reason. Never throws.
 */
export function readEvidenceFile(name: string, text: string): EvidenceRead {
  const at = clip(name, 60);
  if (text.length > MAX_EVIDENCE_CHARS) return { ok: false, problem: `${at}: larger than 16 MB` };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, problem: `${at}: not valid JSON` };
  }
  const r = raw as Partial<EvidenceFile> | null;
  if (r?.kind !== 'firepants-evidence' || r.version !== 1)
    return { ok: false, problem: `${at}: not a Firepants evidence file` };
  if (typeof r.table !== 'string' || !Array.isArray(r.rounds))
    return { ok: false, problem: `${at}: table or rounds missing` };
  const rounds: { label: string; log: InputLog }[] = [];
  for (const [i, round] of r.rounds.entries()) {
    const log = readLog((round as { log?: unknown })?.log);
    if (!log.ok) return { ok: false, problem: `${at}: round ${i + 1}: ${log.problem}` };
    rounds.push({ label: String((round as { label?: unknown }).label ?? ''), log: log.log });
  }
  const again = sessionFromLogs(r.table, rounds, r.check ? parseCheck(r.check.answers) : null);
  if (!again.ok) return { ok: false, problem: `${at}: ${again.problem}` };
  if (evidenceJson(again.session) !== text)
    return {
      ok: false,
      problem: `${at}: its numbers do not follow from its logs (edited, or made by another version)`,
    };
  return { ok: true, file: raw as EvidenceFile };
}
