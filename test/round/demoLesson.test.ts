import { describe, expect, it } from 'vitest';
import { DEMO, demoSetup } from '../../src/round/demo';
import { demoLesson } from '../../src/round/demoLesson';
import { RoundSession } from '../../src/round/roundSession';
import { roundOver, type SilentReport, type Snapshot } from '../../src/sim';

/** The attract demo played to its end, as the page plays it: the bot decides, both timelines face the same fires. */
function playDemo(): { ours: Snapshot; silent: SilentReport } {
  const setup = demoSetup();
  if (!setup) throw new Error('the demo needs its scenario and its bot');
  const session = RoundSession.start(setup);
  while (!roundOver(session.snapshot())) session.advance(60, false);
  const ours = session.snapshot();
  return { ours, silent: session.ghost.follow(ours).view.report };
}

describe('the demo’s lesson', () => {
  const { ours, silent } = playDemo();

  it('the demo plays to the end of its round', () => {
    expect(ours.now).toBe(DEMO.weeks * 7 * 24 * 60);
  });

  it('names a fire of the other timeline that did not happen here, and the item that stopped it', () => {
    const lesson = demoLesson(ours, silent);
    const shown = silent.prevented.find((p) => lesson.headline.includes(p.serviceName));
    expect(shown, lesson.headline).toBeDefined();
    if (!shown) return;
    expect(lesson.headline).toBe(`In the other timeline ${shown.serviceName} burned. Here it did not:`);
    expect(lesson.lesson).toBe(shown.preventedBy.title);
    // True of the world: the item closed (or the retro was shared) before that fire's minute, and the service was
    // quiet here around it.
    expect(shown.preventedBy.at).toBeLessThan(shown.incident.startedAt);
    const burnedHere = Object.values(ours.incidents).filter(
      (i) => !i.prior && i.service === shown.incident.service && Math.abs(i.startedAt - shown.incident.startedAt) < 360,
    );
    expect(burnedHere).toEqual([]);
    expect(silent.net).toBeGreaterThan(0);
  });

  it('says only what is true when nothing was prevented', () => {
    const none: SilentReport = { ...silent, prevented: [], net: 0, incidents: 4, replayIncidents: 4, extraHere: 0 };
    const even = demoLesson(ours, none);
    expect(even.headline).toBe('Both timelines had 4 incidents.');
    expect(even.lesson).toBeNull();
    const worse = demoLesson(ours, { ...none, incidents: 6 });
    expect(worse.headline).toBe('This time the team that never learns had 2 incidents fewer.');
    const lucky = demoLesson(ours, { ...none, incidents: 3 });
    expect(lucky.headline).toMatch(/^1 incident fewer here .* luck, this time\.$/);
    // A prevented fire that the rest of the round cancelled out is not claimed as a lesson.
    const cancelled = demoLesson(ours, { ...silent, incidents: 8, replayIncidents: 8, net: 0 });
    expect(cancelled.lesson).toBeNull();
    expect(cancelled.headline).toContain('matched by one the other team did not have');
  });

  it('counts what the team did, as the world has it', () => {
    const closed = Object.values(ours.actionItems).filter((a) => a.status === 'closed').length;
    expect(demoLesson(ours, silent).facts).toContain(`${closed} action item`);
  });
});
