import type { GameStore, StoreView } from '../../app/store';
import { commandRegistry } from '../../sim';
import { button, h, render } from '../kit/dom';
import { commandKey } from './keymap';

/** The pager's sound: a short two-tone beep made on the spot, once per page, only when the player turned sound on. */
export class PagerSound {
  private audio: AudioContext | null = null;
  private lastBeeped: string | null = null;

  /** Beeps for a page not beeped for yet. */
  page(incident: string, on: boolean): void {
    if (on && this.lastBeeped !== incident) this.beep();
    this.lastBeeped = incident;
  }

  private beep(): void {
    try {
      this.audio = this.audio ?? new AudioContext();
      const audio = this.audio;
      const now = audio.currentTime;
      for (const [i, freq] of [880, 660].entries()) {
        const osc = audio.createOscillator();
        const gain = audio.createGain();
        osc.frequency.value = freq;
        gain.gain.setValueAtTime(0.15, now + i * 0.18);
        gain.gain.exponentialRampToValueAtTime(0.001, now + i * 0.18 + 0.16);
        osc.connect(gain).connect(audio.destination);
        osc.start(now + i * 0.18);
        osc.stop(now + i * 0.18 + 0.17);
      }
    } catch {
      // no audio device: the visual pager is enough
    }
  }
}

/** The pager: a banner that cannot be missed, with acknowledge right there. */
export function renderPager(el: HTMLElement, view: StoreView, store: GameStore, sound: PagerSound): void {
  const s = view.snapshot;
  const inc = s && view.pagedIncident ? s.incidents[view.pagedIncident] : undefined;
  if (!s || !inc || inc.phase !== 'paged') {
    render(el);
    el.hidden = true;
    return;
  }
  el.hidden = false;
  sound.page(inc.id, view.settings.sound);
  const who = s.engineers[inc.pagedTo ?? '']?.name ?? 'on-call';
  render(
    el,
    h(
      'div',
      { class: 'pager', role: 'alert', 'data-testid': 'pager' },
      h('strong', { class: 'page-tag' }, 'PAGE'),
      `${s.services[inc.service]?.name} is failing (SEV${inc.sev}). ${who} is being paged.`,
      button(
        `${commandRegistry.acknowledge.label} (${commandKey('acknowledge')})`,
        'pager-ack',
        () => store.dispatch({ type: 'acknowledge', incident: inc.id }),
        {
          class: 'primary',
        },
      ),
      button('Dismiss', 'pager-dismiss', () => store.dismissPage()),
    ),
  );
}
