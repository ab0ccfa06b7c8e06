import {
  type FacilitatorMessage,
  type FireOrigin,
  facilitatorHref,
  facilitatorMessage,
  openChannel,
  pairingSecret,
  type TableMessage,
} from '../protocol/facilitatorWindow';
import { formatClock, isCommandEntry, type Snapshot, scheduledFires, scoreCard, tuning, weaknessKinds } from '../sim';
import type { GameStore } from './store';

/** A facilitator's window says hello at least this often while it is open. */
const LISTENING_MS = 10_000;

const PAIRING_KEY = 'firepants-facilitator-pairing';

/**
 * This table's pairing secret: made once per browser tab and kept for that tab alone (session storage), so a
 * reload keeps its facilitator's window and no other tab ever learns it.
 */
export function tablePairing(): string {
  let kept: string | null = null;
  try {
    kept = sessionStorage.getItem(PAIRING_KEY);
  } catch {
    kept = null;
  }
  if (kept && /^[A-Za-z0-9_-]{22,64}$/.test(kept)) return kept;
  const secret = pairingSecret(crypto.getRandomValues(new Uint8Array(16)));
  try {
    sessionStorage.setItem(PAIRING_KEY, secret);
  } catch {
    // Without storage the pairing lasts as long as the page.
  }
  return secret;
}

let secret: string | null = null;
/** The address of this table's facilitator window: the only way to reach its channel. */
export function facilitatorWindowHref(): string {
  secret ??= tablePairing();
  return facilitatorHref(secret);
}

/** Where each outside fire of the round came from, by the minute and service it started on. */
function fireOrigins(store: GameStore): Map<string, FireOrigin> {
  const origins = new Map<string, FireOrigin>();
  for (const e of store.round()?.entries ?? [])
    if (isCommandEntry(e) && e.command.type === 'injectIncident') {
      const origin: FireOrigin = e.by === 'scenario' ? 'scheduled' : e.by === 'guided' ? 'guided' : 'facilitator';
      origins.set(`${e.at}:${e.command.service}`, origin);
    }
  return origins;
}

/** The scenario's scripted fires, each with its minute and whether it has started. */
function scheduledList(store: GameStore, s: Snapshot | null): TableMessage['scheduled'] {
  const name = (id: string) => s?.services[id]?.name ?? id;
  return scheduledFires(store.scenario)
    .slice(0, 200)
    .flatMap((f) =>
      f.command.type === 'injectIncident'
        ? [
            {
              service: name(f.command.service),
              kind: f.command.kind,
              minute: f.at,
              clock: formatClock(f.at),
              started: !!s && s.now >= f.at,
            },
          ]
        : [],
    );
}

/** What the facilitator's window sees of this table, including what the players do not. */
export function tableStatus(store: GameStore): TableMessage {
  const view = store.view;
  const s = view.snapshot;
  const name = (id: string) => s?.services[id]?.name ?? id;
  const origins = fireOrigins(store);
  const incidents = (s?.openIncidents ?? []).flatMap((id) => {
    const inc = s?.incidents[id];
    if (!inc) return [];
    const kind = s?.conditions[inc.conditionId]?.kind ?? '?';
    const origin: FireOrigin = inc.injected
      ? (origins.get(`${inc.startedAt}:${inc.service}`) ?? 'facilitator')
      : 'chance';
    return [{ service: name(inc.affected[0] ?? ''), kind, phase: inc.phase, origin }];
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
    services: (s?.serviceOrder ?? []).slice(0, 64).map((id) => ({
      id,
      name: name(id),
      kinds: s ? weaknessKinds(s, id).slice(0, 16) : [],
    })),
    incidents: incidents.slice(0, 64),
    ghostBurning: (view.ghost?.burning ?? []).slice(0, 64).map(name),
    weaknesses,
    scheduled: scheduledList(store, s),
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
  secret ??= tablePairing();
  const channel = openChannel<TableMessage, FacilitatorMessage>(facilitatorMessage, secret);
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
