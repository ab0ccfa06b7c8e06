import {
  type FacilitatorMessage,
  facilitatorMessage,
  openChannel,
  type TableMessage,
} from '../protocol/facilitatorWindow';
import { formatClock, scoreCard, tuning } from '../sim';
import type { GameStore } from './store';

/** A facilitator's window says hello at least this often while it is open. */
const LISTENING_MS = 10_000;

/** What the facilitator's window sees of this table, including what the players do not. */
export function tableStatus(store: GameStore): TableMessage {
  const view = store.view;
  const s = view.snapshot;
  const name = (id: string) => s?.services[id]?.name ?? id;
  const incidents = (s?.openIncidents ?? []).flatMap((id) => {
    const inc = s?.incidents[id];
    if (!inc) return [];
    const kind = s?.conditions[inc.conditionId]?.kind ?? '?';
    return [{ service: name(inc.affected[0] ?? ''), kind, phase: inc.phase, injected: inc.injected }];
  });
  const weaknesses = Object.values(s?.conditions ?? {})
    .filter((c) => c.strength > 0 && c.origin !== 'injected')
    .map((c) => ({
      service: name(c.service),
      kind: c.kind,
      weeklyHazard: tuning.weeklyHazard[c.kind] * c.strength,
      strength: c.strength,
    }))
    .sort((a, b) => b.weeklyHazard - a.weeklyHazard)
    .slice(0, 200);
  return {
    kind: 'status',
    phase: view.phase,
    scenario: store.scenario.name,
    clock: s ? formatClock(s.now) : '',
    minute: s?.now ?? 0,
    score: s ? Math.round(scoreCard(s).score) : 0,
    par: Math.round(view.ghost?.par ?? 0),
    silentSuccesses: view.silent?.net ?? 0,
    services: (s?.serviceOrder ?? []).slice(0, 64).map((id) => ({ id, name: name(id) })),
    incidents: incidents.slice(0, 64),
    ghostBurning: (view.ghost?.burning ?? []).slice(0, 64).map(name),
    weaknesses,
    timer: view.tableTimer,
    revealed: view.revealed,
  };
}

/**
 * The table's end of the facilitator's channel: it obeys the facilitator (a fire, pause, resume, a
 * phase timer, revealing the hidden state) and, while a facilitator's window is open, reports its status a
 * few times a second.
 */
export function linkToFacilitator(store: GameStore, clock: () => number = () => Date.now()): () => void {
  const channel = openChannel<TableMessage, FacilitatorMessage>(facilitatorMessage);
  if (!channel) return () => {};
  const send = () => channel.send(tableStatus(store));
  const obey: { [K in FacilitatorMessage['kind']]: (m: Extract<FacilitatorMessage, { kind: K }>) => void } = {
    hello: () => {},
    inject: (m) => {
      store.dispatch({ type: 'injectIncident', service: m.service, kind: m.condition }, 'facilitator');
    },
    pause: () => store.pause(),
    resume: () => store.resume(),
    timer: (m) =>
      store.setTableTimer(m.minutes === 0 ? null : { label: m.label, endsAt: clock() + m.minutes * 60_000 }),
    reveal: (m) => store.setRevealed(m.on),
  };
  // The status costs a score card and a sort: it is only sent while a facilitator's window is there.
  let heardAt = Number.NEGATIVE_INFINITY;
  channel.onMessage = (m) => {
    heardAt = clock();
    (obey[m.kind] as (x: FacilitatorMessage) => void)(m);
    send();
  };
  let last = 0;
  let queued: ReturnType<typeof setTimeout> | null = null;
  const unsubscribe = store.subscribe(() => {
    if (clock() - heardAt > LISTENING_MS) return;
    const wait = 250 - (clock() - last);
    if (wait <= 0) {
      last = clock();
      send();
    } else
      queued ??= setTimeout(() => {
        queued = null;
        last = clock();
        send();
      }, wait);
  });
  return () => {
    unsubscribe();
    if (queued) clearTimeout(queued);
    channel.close();
  };
}
