import { makeShareLink, type SharedRound } from '../../app/shareLink';
import type { ViewState } from '../../app/viewState';
import { button, h } from '../kit/dom';
import '../kit/workshop.css';

const keyOf = (r: SharedRound) =>
  JSON.stringify([r.scenario.id, r.scenario.name, r.seed, r.weeks, r.ownership, r.rotation]);

const pageAddress = () => window.location.href.split('#')[0] ?? '';

/** "Copy link" for the staffing screen: the link to this exact setup, and a short code to read aloud. */
export function shareBox(round: SharedRound, ui: ViewState, redraw: () => void): HTMLElement {
  const key = keyOf(round);
  const current = ui.shared?.key === key ? ui.shared : null;
  const copy = async () => {
    const out = await makeShareLink(round, pageAddress());
    let copied = false;
    try {
      await navigator.clipboard.writeText(out.link);
      copied = true;
    } catch {
      // the clipboard may be blocked; the link stays on screen to select and copy by hand
    }
    ui.shared = { key, out, copied };
    redraw();
  };
  const out = current?.out;
  return h(
    'div',
    { class: 'share-box', 'data-key': 'share-box' },
    button('Copy link', 'copy-link', () => void copy()),
    out
      ? h(
          'div',
          { class: 'share-out' },
          h('input', {
            'data-testid': 'share-link',
            'aria-label': 'Link to this round',
            readonly: true,
            value: out.link,
            onclick: (e: Event) => (e.target as HTMLInputElement).select(),
          }),
          h(
            'span',
            { class: 'small' },
            current?.copied ? 'Copied. ' : 'Select the link to copy it. ',
            out.code
              ? ['Or read out the code ', h('strong', { class: 'share-code', 'data-testid': 'share-code' }, out.code)]
              : out.scenarioTravels === 'in-link'
                ? 'Your scenario travels inside the link (custom scenarios have no short code).'
                : 'Your scenario is too large for a link: the other tables must load its file first.',
          ),
        )
      : null,
  );
}
