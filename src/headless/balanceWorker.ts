/**
 * One of the balance table's workers: plays whole seeds (every bot and the never-learning replay) as the
 * table asks for them, and sends each result back.
 */
import { parentPort } from 'node:worker_threads';
import { builtInScenarios } from '../content/scenarios';
import { type Scenario, validateScenario } from '../sim';
import { playSeed } from './balanceSeed';

export interface SeedJob {
  scenario: string;
  weeks: number;
  seed: number;
  bots: string[];
}

const scenarios = new Map<string, Scenario>();

function scenarioNamed(id: string): Scenario {
  const known = scenarios.get(id);
  if (known) return known;
  const checked = validateScenario(Object.hasOwn(builtInScenarios, id) ? builtInScenarios[id] : undefined);
  if (!checked.ok) throw new Error(`no built-in scenario "${id}"`);
  scenarios.set(id, checked.scenario);
  return checked.scenario;
}

parentPort?.on('message', (job: SeedJob) => {
  parentPort?.postMessage(playSeed(scenarioNamed(job.scenario), job.weeks, job.seed, job.bots));
});
