import { coachBandTop } from '../../app/coachBand';
import type { GameStore, StoreView } from '../../app/store';
import { coachTip, neglectBanner, neglectedFires } from '../../round/coach';
import { MINUTES_PER_DAY } from '../../sim';
import { h, render } from '../kit/dom';

/**
 * Over the map: a nudge when a live SEV1 has burned with nobody working it (in every round but the demo), and in a
 * guided round the next tip, read from the world as it is now. Words only: nothing here changes the round.
 */
export function renderCoach(el: HTMLElement, view: StoreView, store: GameStore): void {
  const s = view.snapshot;
  const onFloor = view.phase === 'playing' || view.phase === 'paused';
  const neglected = s && onFloor && !view.demo ? neglectedFires(s) : [];
  const first = neglected[0];
  const tip =
    s && onFloor && !view.demo && !first && store.guided()
      ? coachTip({
          snapshot: s,
          running: view.phase === 'playing',
          weekChoice: view.weekChoice,
          // A fire that did not happen here stays the tip for a simulated day after its minute.
          justPrevented: (view.silent?.prevented ?? []).filter(
            (p) => p.incident.startedAt <= s.now && s.now - p.incident.startedAt < MINUTES_PER_DAY,
          ),
        })
      : null;
  el.hidden = !first && !tip;
  if (!el.hidden) overTheMap(el, view.settings.largePrint);
  if (s && first)
    render(
      el,
      h(
        'p',
        { class: 'nudge', role: 'alert', 'data-testid': 'nudge' },
        neglectBanner(s, first.incident, first.idleFor, view.phase === 'paused'),
      ),
    );
  else if (tip) render(el, h('p', { class: 'coach', 'data-testid': 'coach' }, tip));
  else render(el);
}

/**
 * Nudge before harm: the first time a live SEV1 is found unworked (and again if it is left unworked after the table
 * turned to it), the clock stops, at this screen's own round only. A pause is a control on the round's log, so the
 * round still replays exactly.
 */
export function installNudge(store: GameStore): void {
  const nudged = new Set<string>();
  store.subscribe((view) => {
    const s = view.snapshot;
    if (!s || view.demo || view.table || view.phase !== 'playing') return;
    for (const { incident, idleFor } of neglectedFires(s)) {
      const spell = `${incident.id}@${s.now - idleFor}`;
      if (nudged.has(spell)) continue;
      nudged.add(spell);
      queueMicrotask(() => store.pause());
    }
  });
}

/**
 * Centred over the map, just under the map's own clock, so it covers neither the scores nor the other timeline.
 * In a guided round the map keeps that band free of services (`coachBandHeight`), so a tip never hides the service
 * it is about.
 */
function overTheMap(el: HTMLElement, largePrint: boolean): void {
  const map = document.getElementById('map')?.getBoundingClientRect();
  if (!map || map.width === 0) return;
  el.style.top = `${Math.max(0, map.top) + coachBandTop(largePrint)}px`;
  el.style.left = `${map.left + map.width / 2}px`;
  el.style.width = `${Math.min(largePrint ? 900 : 720, map.width - 32)}px`;
}
