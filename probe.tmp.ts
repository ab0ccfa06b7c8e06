import { builtInScenarios, policies, scoreCard, validateScenario } from './src/sim';
import { playRound } from './src/sim/runRound';

const [id, wk, seeds, names] = process.argv.slice(2);
const sc = (validateScenario(builtInScenarios[id!]) as any).scenario;
for (const seed of (seeds ?? '1,2,3').split(',').map(Number)) {
  const row: string[] = [];
  for (const p of (names ?? 'learning-first,steady-learner,refix-same,farm-cheap-items,worsen-for-factors').split(
    ',',
  )) {
    const c = scoreCard(playRound(sc, { seed, weeks: Number(wk), policy: policies[p]! }).state);
    row.push(
      `${p.slice(0, 10)} ${Math.round(c.score)} (rm ${Math.round(c.learning.riskRemoved)} kn ${c.learning.knowledgeGained} tr ${Math.round(c.learning.trustChange * 60)} C ${Math.round(c.customers.points)})`,
    );
  }
  console.log(id, wk, seed, row.join(' | '));
}
