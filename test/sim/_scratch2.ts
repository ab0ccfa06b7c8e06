import { builtInScenarios, validateScenario, createSimulation, policies } from '../../src/sim';
for (const sid of ['platform', 'startup']) {
const v = validateScenario(builtInScenarios[sid]);
if (!v.ok) throw new Error();
let viol = 0, burn = 0, stuck = 0;
for (const pol of ['hero-on-call', 'nines-first', 'do-nothing', 'hero-everything']) for (const seed of [1,2,3,4,5,6]) {
  const sim = createSimulation(v.scenario, { seed, weeks: 8 });
  const p = policies[pol]!;
  while (sim.snapshot().now < 8*10080) {
    for (const c of p(sim.snapshot())) sim.dispatch(c);
    sim.advance(5);
    const s = sim.snapshot();
    for (const id of s.openIncidents) {
      const inc = s.incidents[id]!;
      for (const r of inc.responders) if (s.engineers[r]?.status !== 'active') { viol++; }
      if ((inc.phase === 'acknowledged' || inc.phase === 'investigating') && inc.responders.length === 0) stuck++;
    }
  }
  burn += sim.snapshot().totals.burnouts;
}
console.log(sid, { viol, burn, stuck });
}
