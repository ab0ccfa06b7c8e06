import type { ProjectorScreen } from '../../app/roomsConsole';
import { leadText, pointsText } from '../../sim';
import { h, render } from '../kit/dom';
import { qrCode } from '../kit/qrCode';

/** What the projector page knows: the last screen, the gap between the server's clock and ours, and any notice. */
export interface ProjectorState {
  screen: ProjectorScreen | null;
  /** The server's clock minus this machine's, so countdowns end when the server closes the vote. */
  skew: number;
  notice: string | null;
}

const left = (endsAt: number, skew: number) => {
  const s = Math.max(0, Math.ceil((endsAt - (Date.now() + skew)) / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
/** "http://192.168.1.20:2567/" → "192.168.1.20:2567": what people type. */
const short = (address: string) => address.replace(/^https?:\/\//, '').replace(/\/$/, '');

function voteSection(s: ProjectorScreen, skew: number): HTMLElement | null {
  const v = s.vote;
  if (!v) return null;
  const total = v.counts ? v.counts.reduce((a, b) => a + b, 0) : v.votes;
  return h(
    'section',
    { class: 'vote', 'data-testid': 'projector-vote', 'aria-live': 'polite' },
    h('h2', { class: 'question' }, v.question),
    v.open
      ? h(
          'div',
          {},
          v.closesAt
            ? h('p', { class: 'countdown', 'data-testid': 'projector-countdown' }, left(v.closesAt, skew))
            : h('p', { class: 'countdown' }, 'Vote now'),
          h(
            'p',
            { class: 'counts', 'data-testid': 'projector-votes' },
            `${plural(s.phones, 'phone connected', 'phones connected')} · ${plural(v.votes, 'vote cast', 'votes cast')}`,
          ),
          h('ul', { class: 'answers' }, ...v.options.map((o) => h('li', {}, o))),
          h('p', { class: 'hidden-note' }, 'Results when the vote closes.'),
        )
      : h(
          'div',
          {},
          h('p', { class: 'winner', 'data-testid': 'projector-result' }, v.winner ?? ''),
          ...v.options.map((o, i) => {
            const n = v.counts?.[i] ?? 0;
            const pct = total ? Math.round((n / total) * 100) : 0;
            return h(
              'div',
              { class: `result-row${o === v.winner ? ' won' : ''}` },
              h('span', { class: 'label' }, o),
              h('span', { class: 'bar', style: `width:${pct * 0.6}%` }),
              h('span', { class: 'n' }, `${n} (${pct}%)`),
            );
          }),
          h('p', { class: 'counts' }, plural(total, 'vote cast', 'votes cast')),
        ),
  );
}

function tablesSection(s: ProjectorScreen): HTMLElement | null {
  // While the room votes, the vote has the screen; under a result the ranking is set smaller.
  if (s.tables.length === 0 || s.vote?.open) return null;
  return h(
    'section',
    { class: s.vote ? 'tables compact' : 'tables', 'data-testid': 'projector-tables' },
    h('h2', {}, s.ended ? 'Final ranking' : 'The tables now'),
    h(
      'ol',
      {},
      ...s.tables.map((t) =>
        h(
          'li',
          {},
          h('strong', {}, t.label),
          ` — ${pointsText(t.score)} (par ${pointsText(t.par)}, ${leadText(t.score - t.par)})`,
          // What else there is to say of it goes on a smaller line of its own: the score is never cut short.
          h(
            'span',
            { class: 'detail' },
            plural(t.silentSuccesses, 'silent success', 'silent successes'),
            s.ended ? '' : ` · ${t.clock}${t.phase === 'paused' ? ', paused' : t.phase === 'over' ? ', over' : ''}`,
          ),
        ),
      ),
    ),
  );
}

/** The projector: the phase timer, the vote or the ranking, and (always) where to vote or join. */
export function renderProjector(root: HTMLElement, state: ProjectorState): void {
  const s = state.screen;
  if (!s) {
    render(root, h('p', { class: 'notice', role: 'status' }, state.notice ?? 'Connecting…'));
    return;
  }
  const base = s.address ? s.address.replace(/\/$/, '') : window.location.origin;
  const voting = s.vote !== null;
  const target = voting ? `${base}/vote` : `${base}/`;
  render(
    root,
    state.notice ? h('p', { class: 'notice', role: 'status' }, state.notice) : null,
    s.timer
      ? h(
          'header',
          { class: 'timer', 'data-testid': 'projector-timer' },
          `${s.timer.label}: ${left(s.timer.endsAt, state.skew)}`,
        )
      : null,
    h(
      'div',
      { class: 'stage' },
      h('div', { class: 'main' }, voteSection(s, state.skew), tablesSection(s)),
      h(
        'aside',
        { class: 'join' },
        qrCode(target, 320, voting ? 'QR code to vote' : 'QR code to open the game'),
        h(
          'p',
          // One line however long the address: the longer it is, the smaller it is set.
          { class: 'address', 'data-testid': 'projector-address', style: `--chars:${short(target).length}` },
          short(target),
        ),
        h('p', { class: 'small' }, voting ? 'Scan or type it to vote' : 'Scan or type it to join'),
      ),
    ),
  );
}
