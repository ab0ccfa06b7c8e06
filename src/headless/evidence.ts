/**
 * npm run evidence -- session.json [--csv | --summary]
 *
 * Rebuilds a session file's evidence from nothing but the rounds' logs inside it (every round replayed, the
 * never-learning organization played beside it) and prints it: the JSON (by default), the CSV or the sponsor's
 * summary in Markdown. With the JSON, exit code 0 means the file came out byte for byte; 1 that its numbers do
 * not follow from its logs; 2 that it could not be read.
 */
import { type CheckAnswers, parseCheck } from '../round/evidence/check';
import { evidenceCsv, evidenceJson, sessionFromLogs } from '../round/evidence/export';
import { MAX_EVIDENCE_CHARS } from '../round/evidence/readEvidence';
import { sponsorSummary, summaryMarkdown } from '../round/evidence/summary';
import { type InputLog, readLog } from '../sim';
import { ArgError } from './args';
import { readPlainFile } from './logFile';

const USAGE = 'usage: npm run evidence -- <session.json> [--csv | --summary]';

function main(argv: string[]): number {
  try {
    const file = argv.find((a) => !a.startsWith('--'));
    const mode = argv.includes('--csv') ? 'csv' : argv.includes('--summary') ? 'summary' : 'json';
    if (!file || argv.some((a) => a.startsWith('--') && a !== '--csv' && a !== '--summary')) throw new ArgError(USAGE);
    const text = readPlainFile(file, 'session file', MAX_EVIDENCE_CHARS);
    let raw: { table?: unknown; rounds?: { label?: unknown; log?: unknown }[]; check?: { answers?: unknown } | null };
    try {
      raw = JSON.parse(text);
    } catch {
      throw new ArgError(`"${file}" is not valid JSON`);
    }
    if (typeof raw?.table !== 'string' || !Array.isArray(raw.rounds))
      throw new ArgError(`"${file}" is not a session file`);
    const rounds: { label: string; log: InputLog }[] = raw.rounds.map((r, i) => {
      const log = readLog(r?.log);
      if (!log.ok) throw new ArgError(`round ${i + 1}: ${log.problem}`);
      return { label: String(r.label ?? ''), log: log.log };
    });
    const check: CheckAnswers | null = raw.check ? parseCheck(raw.check.answers) : null;
    const again = sessionFromLogs(raw.table, rounds, check);
    if (!again.ok) throw new ArgError(again.problem);
    const s = again.session;
    if (mode === 'csv') process.stdout.write(evidenceCsv(s));
    else if (mode === 'summary')
      process.stdout.write(
        summaryMarkdown(
          sponsorSummary(
            s.table,
            s.rounds.map((r) => r.evidence),
            s.check,
          ),
        ),
      );
    else {
      const json = evidenceJson(s);
      process.stdout.write(json);
      if (json !== text) {
        process.stderr.write('the file does not follow from its logs (edited, or made by another version)\n');
        return 1;
      }
    }
    return 0;
  } catch (err) {
    process.stderr.write(`${err instanceof ArgError ? err.message : String(err)}\n`);
    return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
