import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings } from '../../src/app/settings';
import { storyMarkdown, tellStory } from '../../src/round/story';
import { policies, Replay, runRound, silentSuccesses } from '../../src/sim';
import { scenario } from '../sim/fixtures';

describe('the story of the round', () => {
  const platform = scenario('platform');
  const state = runRound(platform, { seed: 3, weeks: 4, policy: policies['learning-first']! });
  const silent = silentSuccesses(platform, state);
  const replay = new Replay(platform, state).advanceTo(state.now);
  const starts = replay.incidentOrder
    .filter((id) => !replay.incidents[id]?.prior)
    .map((id) => replay.incidents[id]?.startedAt ?? 0);
  const story = tellStory(state, silent, starts);

  it('counts incidents per week here and in the replay from the real logs', () => {
    expect(story.incidentsByWeek.reduce((a, b) => a + b, 0)).toBe(state.totals.incidents);
    expect(story.replayByWeek.reduce((a, b) => a + b, 0)).toBe(replay.totals.incidents);
  });

  it('tells what was learned and what changed from published retros and closed items', () => {
    const published = Object.values(state.retros).filter((r) => r.phase === 'published').length;
    expect(published).toBeGreaterThan(0);
    expect(story.learned.length).toBeGreaterThan(0);
    expect(story.changed.length).toBe(Object.values(state.actionItems).filter((a) => a.status === 'closed').length);
  });

  it('headlines the silent successes when there are any', () => {
    if (silent.net > 0) expect(story.headline).toContain("didn't happen");
    else expect(story.headline).not.toContain("didn't happen");
    expect(story.headline).toContain('incident');
  });

  it('never claims a success when incidents rose, and keeps luck apart', () => {
    const rose = { ...silent, net: 0, incidents: silent.replayIncidents + 2 };
    const told = tellStory(state, rose, starts);
    expect(told.headline).not.toContain("didn't happen");
    expect(told.headline).toContain('more incident');
    expect(told.didNotReturn).toEqual([]);
    const lucky = tellStory(state, { ...silent, luck: 3 }, starts);
    expect(lucky.paragraphs.join(' ')).toContain('luck and timing');
  });

  it('exports Markdown with the story, the weekly table and both columns', () => {
    const md = storyMarkdown(state, story);
    expect(md).toContain(`# Firepants — ${state.scenarioName}, seed 3`);
    expect(md).toContain('| week | this round | never-learning replay |');
    expect(md.split('\n').filter((l) => /^\| \d+ \|/.test(l))).toHaveLength(4);
    expect(md).toContain('What the dashboard says (not scored)');
    expect(md).toContain('**score**');
  });
});

describe('remembered settings', () => {
  it('fall back to defaults when the stored text is corrupt', () => {
    expect(parseSettings('{not json')).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('{"speed": 3, "sound": "yes", "autoPause": false}')).toEqual({
      ...DEFAULT_SETTINGS,
      autoPause: false,
    });
  });

  it('keep valid choices', () => {
    expect(parseSettings('{"speed": 8, "sound": true, "autoPause": true, "largePrint": true}')).toEqual({
      speed: 8,
      sound: true,
      autoPause: true,
      largePrint: true,
      tableName: '',
      singleKeyShortcuts: true,
      seats: [],
    });
  });

  it('remember single-key shortcuts switched off, and ignore a value that is not a yes or no', () => {
    expect(parseSettings('{"singleKeyShortcuts": false}').singleKeyShortcuts).toBe(false);
    expect(parseSettings('{"singleKeyShortcuts": "off"}').singleKeyShortcuts).toBe(true);
  });
});
