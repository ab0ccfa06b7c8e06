import type { StoreView } from '../../app/store';
import { demoLesson } from '../../round/demoLesson';
import { scoreCard } from '../../sim';
import { h, render } from '../kit/dom';

/**
 * The demo's end at a booth: its lesson in words large enough to read from two metres, derived from both
 * timelines, then an invitation. The demo starts again after a while; any key hands the screen to a visitor.
 */
export function renderDemoLesson(el: HTMLElement, view: StoreView): void {
  const s = view.snapshot;
  if (!s) {
    render(el);
    return;
  }
  const lesson = demoLesson(s, view.silent);
  const score = Math.round(scoreCard(s).score);
  const par = Math.round(view.ghost?.par ?? 0);
  render(
    el,
    h(
      'dialog',
      {
        class: 'panel demo-lesson',
        'aria-label': 'What the demo showed',
        'data-testid': 'demo-lesson',
        'data-keep': 'demo-lesson',
      },
      h('p', { class: 'kicker' }, 'The demo is over. What it showed:'),
      h('h1', { 'data-testid': 'lesson-headline' }, lesson.headline),
      lesson.lesson ? h('p', { class: 'lesson', 'data-testid': 'lesson' }, lesson.lesson) : null,
      h('p', { class: 'facts' }, lesson.facts),
      h('p', { class: 'facts' }, `Score ${score}, against ${par} for the team that never learns.`),
      h('p', { class: 'invite' }, 'Press any key to play a round of your own.'),
    ),
  );
}
