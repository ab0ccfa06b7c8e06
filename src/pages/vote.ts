import { defaultServer } from '../app/remoteTable';
import { browserDeviceToken, joinAudience, type Tally, type VoteResult } from '../app/roomsConsole';
import { msUntil, serverSkew } from '../protocol/audience';
import { button, h, render } from '../ui/kit/dom';
import '../ui/workshop/vote.css';

/** A phone in the audience: the open question, one button per answer, and the result when it closes. */
const root = document.getElementById('vote');
let tally: Tally | null = null;
let result: VoteResult | null = null;
let mine: number | null = null;
let problem: string | null = 'Connecting…';
let cast: ((option: number) => void) | null = null;
/** The server's clock minus this phone's, from the last tally: the countdown runs on the server's time. */
let skew = 0;
/** Time left on the countdown that closes the vote, by the server's clock (a phone's own may be off). */
const left = (closesAt: number) => {
  const s = Math.ceil(msUntil(closesAt, skew, Date.now()) / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

function draw(): void {
  if (!root) return;
  const t = result ?? tally;
  render(
    root,
    h('h1', {}, 'Firepants — your vote'),
    problem ? h('p', { class: 'problem', role: 'alert' }, problem) : null,
    // Until the phone is in, the problem above is all there is to say: it is not waiting for a question yet.
    !t && problem
      ? null
      : !t
        ? h('p', { 'data-testid': 'vote-waiting' }, 'Waiting for the presenter to ask a question…')
        : h(
            'section',
            { 'aria-live': 'polite' },
            h('h2', { 'data-testid': 'vote-question' }, t.question),
            ...t.options.map((o, i) =>
              button(`${o}${mine === i ? ' ✓' : ''}`, `vote-${i}`, () => cast?.(i), {
                class: mine === i ? 'primary chosen' : 'choice',
                disabled: !t.open,
                'aria-pressed': mine === i ? 'true' : 'false',
              }),
            ),
            h(
              'p',
              { class: 'small', 'data-testid': 'vote-state' },
              result
                ? `The audience chose: ${result.winner}.`
                : t.open
                  ? `${t.closesAt ? `Closes in ${left(t.closesAt)}. ` : ''}${
                      mine === null
                        ? 'Tap an answer. You can change it until the vote closes.'
                        : 'Counted. You can still change it.'
                    }`
                  : 'The vote is closed.',
            ),
          ),
  );
}

joinAudience(defaultServer(), browserDeviceToken(), {
  tally: (t) => {
    skew = serverSkew(t, Date.now());
    if (t.open && (tally === null || !tally.open || tally.question !== t.question)) {
      result = null;
      if (!tally?.open) mine = null;
    }
    tally = t;
    draw();
  },
  result: (r) => {
    result = r;
    tally = r;
    draw();
  },
  counted: (option) => {
    mine = option;
    draw();
  },
  refused: (reason) => {
    problem = reason;
    draw();
  },
  notice: (text) => {
    problem = text;
    draw();
  },
})
  .then((line) => {
    cast = line.vote;
    problem = null;
    draw();
  })
  .catch(() => {
    problem = 'No room server answered at this address. Ask the presenter for the right one.';
    draw();
  });
// A countdown moves on between the server's messages.
setInterval(() => {
  if (tally?.open && tally.closesAt && !result) draw();
}, 500);
draw();
