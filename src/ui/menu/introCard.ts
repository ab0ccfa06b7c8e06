import type { Level } from '../../round/campaign/levels';
import { h } from '../kit/dom';

/** A level's intro card: the real incident's facts and its write-up, what the level teaches, this week, the goal. */
export function introCard(level: Level, of: number): HTMLElement {
  const { story } = level;
  return h(
    'article',
    { class: 'intro-card', 'data-testid': 'intro-card', 'aria-labelledby': 'level-title' },
    h('p', { class: 'kicker' }, `Level ${level.number} of ${of} · ${story.incident}`),
    h('h2', { id: 'level-title' }, level.scenario.name.replace(/^\d+ · /, '')),
    h(
      'section',
      {},
      h('h3', {}, 'What happened'),
      h('ul', {}, ...story.facts.map((f) => h('li', {}, f))),
      h(
        'p',
        { class: 'small source' },
        story.sources.length > 1 ? 'Read: ' : 'Read the write-up: ',
        ...story.sources.flatMap((s, i) => [
          i > 0 ? ' · ' : null,
          h('a', { href: s.url, target: '_blank', rel: 'noopener noreferrer' }, s.title),
        ]),
      ),
    ),
    h('section', {}, h('h3', {}, 'What it teaches'), h('p', {}, story.objective)),
    h('section', {}, h('h3', {}, 'This week'), h('p', {}, story.here)),
    h(
      'section',
      { class: 'goal' },
      h('h3', {}, 'Your goal'),
      h('ul', { 'data-testid': 'level-goal' }, ...level.asks.map((a) => h('li', {}, a))),
    ),
  );
}
