/**
 * One measurement of the simulator's speed, in its own process: `tsx bench/simSpeed.ts [simDir]`
 * prints one JSON line. `simDir` is a checkout's `src/sim` (this one by default), so two versions
 * of the simulator can be timed the same way on the same machine.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

interface SimModule {
  builtInScenarios: Record<string, unknown>;
  validateScenario(raw: unknown): { ok: true; scenario: unknown } | { ok: false };
  createSimulation(
    scenario: unknown,
    options: { seed: number; weeks: number; canLose?: boolean },
  ): { advance(n: number): unknown };
  runRound(
    scenario: unknown,
    options: { seed: number; weeks: number; policy: unknown; canLose?: boolean },
  ): {
    now: number;
  };
  policies: Record<string, unknown>;
}

const WEEKS = 13;
const MINUTES = WEEKS * 7 * 1440;

export interface SpeedFigures {
  bareMs: number;
  baselineMs: number;
  learningFirstMs: number;
}

export async function measureSpeed(simDir: string, seed = 1): Promise<SpeedFigures> {
  const sim = (await import(pathToFileURL(resolve(simDir, 'index.ts')).href)) as SimModule;
  const checked = sim.validateScenario(sim.builtInScenarios.platform);
  if (!checked.ok) throw new Error(`the platform scenario in ${simDir} is invalid`);
  const scenario = checked.scenario;
  const time = (play: () => void) => {
    const started = performance.now();
    play();
    return performance.now() - started;
  };
  return {
    // The rules alone for one week, nobody answering and the round not lost (older versions ignore canLose).
    bareMs: time(() => sim.createSimulation(scenario, { seed, weeks: 1, canLose: false }).advance(MINUTES / WEEKS)),
    // Whole rounds in both versions: a round that is lost ends early, and older versions had no losing.
    baselineMs: time(() =>
      sim.runRound(scenario, { seed, weeks: WEEKS, policy: sim.policies.baseline, canLose: false }),
    ),
    learningFirstMs: time(() =>
      sim.runRound(scenario, { seed, weeks: WEEKS, policy: sim.policies['learning-first'], canLose: false }),
    ),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await measureSpeed(process.argv[2] ?? resolve(import.meta.dirname, '../src/sim'));
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}
