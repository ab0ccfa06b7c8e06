import type Phaser from 'phaser';
import { isNight, localTime, onCall, pagerTeams, type Snapshot, teamSites } from '../../sim';
import { AWAKE_INITIAL_COLOR, PEOPLE_BAND_COLOR, SLEEPER_ALPHA, SLEEPER_Z_COLOR } from '../contrast';
import { fitText, keepInside } from '../fit';
import { fatigueColor, hexToNumber, type peopleBand } from '../layout';

type Labeller = {
  label(key: string, style: Phaser.Types.GameObjects.Text.TextStyle): Phaser.GameObjects.Text;
};

/** The people band at the foot of the map: each team's people, their fatigue, who carries the pager, who sleeps. */
export function drawPeople(
  scene: Labeller,
  g: Phaser.GameObjects.Graphics,
  s: Snapshot,
  band: ReturnType<typeof peopleBand>,
  width: number,
  height: number,
): { key: string; x: number; y: number; r: number }[] {
  const discs: { key: string; x: number; y: number; r: number }[] = [];
  const top = height - band.height + 10;
  g.fillStyle(hexToNumber(PEOPLE_BAND_COLOR), 0.9);
  g.fillRect(0, top - 10, width, band.height);
  g.lineStyle(1, 0x2b3548, 1);
  g.lineBetween(0, top - 10, width, top - 10);
  const carriers = new Set(pagerTeams(s));
  const busy = new Set<string>();
  for (const id of s.openIncidents) for (const r of s.incidents[id]?.responders ?? []) busy.add(r);
  for (const col of band.columns) {
    const team = s.teams[col.team];
    if (!team) continue;
    const title = scene.label(`team:${col.team}`, { fontSize: '15px', color: team.color, fontStyle: 'bold' });
    const options = carriers.has(col.team)
      ? [`${team.name} · carries pagers`, `${team.name} · pagers`, `${team.name} ·P`]
      : [team.name];
    keepInside(fitText(title, options, col.width - 8), col.x0 + col.width / 2, top, width);
    if (title.x - title.width / 2 < col.x0) title.setX(col.x0 + title.width / 2 + 2);
    const crew = carriers.has(col.team) ? onCall(s, col.team, s.now) : {};
    const multiSite = teamSites(s, col.team).length > 1;
    const shown = Math.min(col.members.length, col.perRow);
    const left = col.x0 + (col.width - shown * col.step) / 2 + col.step / 2;
    col.members.forEach((id, i) => {
      const e = s.engineers[id];
      if (!e) return;
      const cx = left + (i % col.perRow) * col.step;
      const cy = top + 52 + Math.floor(i / col.perRow) * 74;
      discs.push({ key: `person:${e.id}`, x: cx, y: cy, r: 23 });
      const gone = e.status === 'left';
      const asleep = isNight(localTime(s, e.id, s.now)) && !busy.has(e.id) && !gone;
      g.fillStyle(gone ? 0x2a2f3a : hexToNumber(team.color), gone ? 0.6 : asleep ? SLEEPER_ALPHA : 1);
      g.fillCircle(cx, cy, 18);
      g.lineStyle(3, 0x2b3548, 1);
      g.strokeCircle(cx, cy, 23);
      if (!gone) {
        g.lineStyle(4, fatigueColor(e.fatigue), 1);
        g.beginPath();
        g.arc(cx, cy, 23, -Math.PI / 2, -Math.PI / 2 + Math.PI * 2 * Math.max(0.02, e.fatigue), false);
        g.strokePath();
      }
      const role = crew.primary?.id === e.id ? 'P1' : crew.secondary?.id === e.id ? 'P2' : '';
      if (role && !gone) {
        g.fillStyle(0xffd447, 1);
        g.fillRoundedRect(cx + 10, cy - 30, 24, 16, 4);
        const badge = scene.label(`pager:${e.id}`, { fontSize: '11px', color: '#1a1a1a', fontStyle: 'bold' });
        badge.setPosition(cx + 22, cy - 29).setText(role);
      }
      if (busy.has(e.id)) {
        g.lineStyle(2, 0xff5a1f, 1);
        g.strokeCircle(cx, cy, 28);
      }
      const initial = scene.label(`init:${e.id}`, {
        fontSize: '15px',
        color: asleep ? SLEEPER_Z_COLOR : AWAKE_INITIAL_COLOR,
        fontStyle: 'bold',
      });
      initial.setPosition(cx, cy - 10).setText(asleep ? 'z' : e.name.slice(0, 1));
      const nm = scene.label(`name:${e.id}`, { fontSize: '13px', color: gone ? '#6b7588' : '#dbe3ef' });
      const where = multiSite ? ` · ${e.site.slice(0, 3)}` : '';
      const full = gone ? `${e.name} (left)` : `${e.name}${where}`;
      keepInside(fitText(nm, [full, e.name], col.step - 4, 0.7), cx, cy + 27, width);
    });
  }
  return discs;
}
