import Phaser from 'phaser';
import type { GameStore, StoreView } from '../../app/store';
import { busFactor, formatClock, isNight, localTime, onCall, pagerTeams, type Snapshot, teamSites } from '../../sim';
import { AWAKE_INITIAL_COLOR, PEOPLE_BAND_COLOR, SLEEPER_ALPHA, SLEEPER_Z_COLOR } from '../contrast';
import { fatigueColor, hexToNumber, type Point, serviceLayout, teamMarks } from '../layout';

const FONT = 'system-ui, sans-serif';
const PEOPLE_BAND = 138;

/** The ops floor: the service map on fire or calm, and the people who carry the pagers. */
export class OpsScene extends Phaser.Scene {
  private unsubscribe: (() => void) | null = null;
  private edges!: Phaser.GameObjects.Graphics;
  private fire!: Phaser.GameObjects.Graphics;
  private nodes!: Phaser.GameObjects.Graphics;
  private people!: Phaser.GameObjects.Graphics;
  private clock!: Phaser.GameObjects.Text;
  private labels = new Map<string, Phaser.GameObjects.Text>();
  private snapshot: Snapshot | null = null;
  private positions: Record<string, Point> = {};
  private burning = new Map<string, number>();
  private ghostFire!: Phaser.GameObjects.Graphics;
  /** Services burning in the never-learning timeline right now, and those whose fire did not happen here lately. */
  private ghostBurning: string[] = [];
  private saved: string[] = [];
  /** Large print reaches the map's labels too. */
  private textScale = 1;
  private readonly calm = window.matchMedia('(prefers-reduced-motion: reduce)');

  constructor(private readonly store: GameStore) {
    super('ops');
  }

  create(): void {
    this.edges = this.add.graphics();
    this.ghostFire = this.add.graphics();
    this.fire = this.add.graphics();
    this.nodes = this.add.graphics();
    this.people = this.add.graphics();
    this.clock = this.add.text(16, 12, '', { fontFamily: FONT, fontSize: '22px', color: '#e8eef8', fontStyle: 'bold' });
    this.unsubscribe = this.store.subscribe((view) => this.onView(view));
    const onResize = () => this.redraw();
    this.scale.on('resize', onResize);
    this.events.once('shutdown', () => {
      this.scale.off('resize', onResize);
      this.unsubscribe?.();
      this.labels.clear();
    });
  }

  private onView(view: StoreView): void {
    if (view.phase === 'menu') {
      this.scene.start('menu');
      return;
    }
    const scale = view.settings.largePrint ? 1.2 : 1;
    const changed = view.snapshot !== this.snapshot || scale !== this.textScale;
    this.textScale = scale;
    this.snapshot = view.snapshot;
    this.ghostBurning = view.ghost?.burning ?? [];
    const now = view.snapshot?.now ?? 0;
    this.saved = (view.silent?.prevented ?? [])
      .filter((p) => now - p.incident.startedAt < 8 * 60)
      .map((p) => p.incident.service);
    if (changed) this.redraw();
  }

  private label(key: string, style: Phaser.Types.GameObjects.Text.TextStyle): Phaser.GameObjects.Text {
    const size = `${Math.round(Number.parseFloat(String(style.fontSize ?? 13)) * this.textScale)}px`;
    let t = this.labels.get(key);
    if (!t) {
      t = this.add.text(0, 0, '', { fontFamily: FONT, ...style, fontSize: size }).setOrigin(0.5, 0);
      this.labels.set(key, t);
    } else if (t.style.fontSize !== size) t.setFontSize(size);
    if (style.color && t.style.color !== style.color) t.setColor(String(style.color));
    return t.setVisible(true);
  }

  private redraw(): void {
    const s = this.snapshot;
    for (const t of this.labels.values()) t.setVisible(false);
    this.edges.clear();
    this.nodes.clear();
    this.people.clear();
    if (!s) {
      this.clock.setText('');
      return;
    }
    const { width, height } = this.scale;
    const night = isNight(s.now);
    this.cameras.main.setBackgroundColor(night ? '#0a0d16' : '#121826');
    this.clock.setFontSize(`${Math.round(22 * this.textScale)}px`);
    this.clock.setText(`${formatClock(s.now)}  ${night ? '☾ night' : '☀ day'}`);
    this.positions = serviceLayout(s, width, height - PEOPLE_BAND);
    this.burning.clear();
    for (const id of s.openIncidents) {
      const inc = s.incidents[id];
      if (!inc || inc.phase === 'mitigated') continue;
      for (const svc of inc.affected) this.burning.set(svc, Math.max(this.burning.get(svc) ?? 0, 5 - inc.sev));
    }
    this.drawEdges(s);
    this.drawGhosts();
    this.drawServices(s);
    this.drawPeople(s, width, height);
  }

  /** The other timeline on the map: a ghostly ring where it burns and this one does not; a check where it was prevented. */
  private drawGhosts(): void {
    this.ghostFire.clear();
    for (const id of this.ghostBurning) {
      const p = this.positions[id];
      if (!p || this.burning.has(id)) continue;
      this.ghostFire.lineStyle(3, 0x9fb6da, 0.8);
      for (let i = 0; i < 12; i += 2)
        this.ghostFire
          .beginPath()
          .arc(p.x, p.y, 42, (i * Math.PI) / 6, ((i + 1) * Math.PI) / 6)
          .strokePath();
      const tag = this.label(`ghost:${id}`, { fontSize: '12px', color: '#c8d6ee', fontStyle: 'italic' });
      tag.setPosition(p.x, p.y - 62).setText('burning in the other timeline');
    }
    for (const id of this.saved) {
      const p = this.positions[id];
      if (!p) continue;
      this.ghostFire.lineStyle(4, 0x5fd38d, 0.95);
      this.ghostFire.strokeCircle(p.x, p.y, 40);
      const tag = this.label(`saved:${id}`, { fontSize: '12px', color: '#8ff0b4', fontStyle: 'bold' });
      tag.setPosition(p.x, p.y - 62).setText('✓ didn’t happen here');
    }
  }

  private drawEdges(s: Snapshot): void {
    for (const id of s.serviceOrder) {
      const from = this.positions[id];
      const svc = s.services[id];
      if (!from || !svc) continue;
      for (const dep of svc.dependsOn) {
        const to = this.positions[dep];
        if (!to) continue;
        const hot = this.burning.has(id) && this.burning.has(dep);
        this.edges.lineStyle(hot ? 4 : 2, hot ? 0xff5a1f : 0x52627d, hot ? 0.95 : 0.8);
        this.edges.lineBetween(from.x, from.y, to.x, to.y);
        const a = Math.atan2(to.y - from.y, to.x - from.x);
        const tip = { x: to.x - Math.cos(a) * 36, y: to.y - Math.sin(a) * 36 };
        this.edges.fillStyle(hot ? 0xff5a1f : 0x52627d, 1);
        this.edges.fillTriangle(
          tip.x,
          tip.y,
          tip.x - Math.cos(a - 0.4) * 12,
          tip.y - Math.sin(a - 0.4) * 12,
          tip.x - Math.cos(a + 0.4) * 12,
          tip.y - Math.sin(a + 0.4) * 12,
        );
      }
    }
  }

  private drawServices(s: Snapshot): void {
    const marks = teamMarks(s);
    const recovering = new Set<string>();
    for (const id of s.openIncidents) {
      const inc = s.incidents[id];
      if (inc?.phase === 'mitigated') for (const svc of inc.affected) recovering.add(svc);
    }
    for (const id of s.serviceOrder) {
      const p = this.positions[id];
      const svc = s.services[id];
      if (!p || !svc) continue;
      const team = s.teams[svc.team];
      const heat = this.burning.get(id) ?? 0;
      this.nodes.fillStyle(heat > 0 ? 0x3a1a12 : 0x1d2738, 1);
      this.nodes.fillCircle(p.x, p.y, 30);
      this.nodes.lineStyle(5, hexToNumber(team?.color ?? '#888888'), 1);
      this.nodes.strokeCircle(p.x, p.y, 30);
      const status = heat > 0 ? 0xff5a1f : recovering.has(id) ? 0x5cc8ff : 0x5fd38d;
      this.nodes.fillStyle(status, 1);
      this.nodes.fillCircle(p.x + 22, p.y - 22, 7);
      // The owning team's initial inside the ring: a cue beside its colour.
      const owner = this.label(`svc-team:${id}`, {
        fontSize: '18px',
        color: team?.color ?? '#c9d3e3',
        fontStyle: 'bold',
      });
      owner.setPosition(p.x, p.y - owner.height / 2).setText(marks[svc.team] ?? '?');
      const name = this.label(`svc:${id}`, { fontSize: '16px', color: '#f1f5fb', fontStyle: 'bold' });
      name.setPosition(p.x, p.y + 33).setText(svc.name);
      const bus = busFactor(s, id);
      const state =
        heat > 0 ? `ON FIRE · SEV${5 - heat}` : recovering.has(id) ? 'recovering' : `${team?.name ?? ''} · bus ${bus}`;
      const sub = this.label(`svc-sub:${id}`, { fontSize: '13px', color: heat > 0 ? '#ffb38a' : '#9fb0c9' });
      sub.setPosition(p.x, p.y + 52).setText(state);
    }
  }

  private drawPeople(s: Snapshot, width: number, height: number): void {
    const top = height - PEOPLE_BAND + 10;
    this.people.fillStyle(hexToNumber(PEOPLE_BAND_COLOR), 0.9);
    this.people.fillRect(0, top - 10, width, PEOPLE_BAND);
    this.people.lineStyle(1, 0x2b3548, 1);
    this.people.lineBetween(0, top - 10, width, top - 10);
    const carriers = new Set(pagerTeams(s));
    const teams = s.teamOrder;
    // Each team gets width in proportion to its people, so everyone fits on one row.
    const sizes = teams.map((t) => Math.max(2, s.engineerOrder.filter((id) => s.engineers[id]?.team === t).length));
    const total = sizes.reduce((a, b) => a + b, 0);
    const starts = sizes.map((_, i) => (width * sizes.slice(0, i).reduce((a, b) => a + b, 0)) / total);
    const busy = new Set<string>();
    for (const id of s.openIncidents) for (const r of s.incidents[id]?.responders ?? []) busy.add(r);
    teams.forEach((teamId, ti) => {
      const team = s.teams[teamId];
      if (!team) return;
      const x0 = starts[ti] ?? 0;
      const colW = (width * (sizes[ti] ?? 2)) / total;
      const title = this.label(`team:${teamId}`, { fontSize: '15px', color: team.color, fontStyle: 'bold' });
      title.setPosition(x0 + colW / 2, top).setText(`${team.name}${carriers.has(teamId) ? ' · carries pagers' : ''}`);
      const crew = carriers.has(teamId) ? onCall(s, teamId, s.now) : {};
      const members = s.engineerOrder.map((id) => s.engineers[id]).filter((e) => e && e.team === teamId);
      const multiSite = teamSites(s, teamId).length > 1;
      const step = Math.min(64, (colW - 20) / Math.max(1, members.length));
      const perRow = Math.max(1, Math.floor((colW - 20) / step));
      members.forEach((e, i) => {
        if (!e) return;
        const cx = x0 + 10 + step / 2 + (i % perRow) * step + (colW - 20 - Math.min(members.length, perRow) * step) / 2;
        const cy = top + 52 + Math.floor(i / perRow) * 74;
        const gone = e.status === 'left';
        const asleep = isNight(localTime(s, e.id, s.now)) && !busy.has(e.id) && !gone;
        this.people.fillStyle(gone ? 0x2a2f3a : hexToNumber(team.color), gone ? 0.6 : asleep ? SLEEPER_ALPHA : 1);
        this.people.fillCircle(cx, cy, 18);
        this.people.lineStyle(3, 0x2b3548, 1);
        this.people.strokeCircle(cx, cy, 23);
        if (!gone) {
          this.people.lineStyle(4, fatigueColor(e.fatigue), 1);
          this.people.beginPath();
          this.people.arc(cx, cy, 23, -Math.PI / 2, -Math.PI / 2 + Math.PI * 2 * Math.max(0.02, e.fatigue), false);
          this.people.strokePath();
        }
        const role = crew.primary?.id === e.id ? 'P1' : crew.secondary?.id === e.id ? 'P2' : '';
        if (role && !gone) {
          this.people.fillStyle(0xffd447, 1);
          this.people.fillRoundedRect(cx + 10, cy - 30, 24, 16, 4);
          const badge = this.label(`pager:${e.id}`, { fontSize: '11px', color: '#1a1a1a', fontStyle: 'bold' });
          badge.setPosition(cx + 22, cy - 29).setText(role);
        }
        if (busy.has(e.id)) {
          this.people.lineStyle(2, 0xff5a1f, 1);
          this.people.strokeCircle(cx, cy, 28);
        }
        const initial = this.label(`init:${e.id}`, {
          fontSize: '15px',
          color: asleep ? SLEEPER_Z_COLOR : AWAKE_INITIAL_COLOR,
          fontStyle: 'bold',
        });
        initial.setPosition(cx, cy - 10).setText(asleep ? 'z' : e.name.slice(0, 1));
        const nm = this.label(`name:${e.id}`, { fontSize: '13px', color: gone ? '#6b7588' : '#dbe3ef' });
        const where = multiSite ? ` · ${e.site.slice(0, 3)}` : '';
        nm.setPosition(cx, cy + 27).setText(gone ? `${e.name} (left)` : `${e.name}${where}`);
      });
    });
  }

  override update(clock: number): void {
    this.fire.clear();
    // With reduced motion the flames stand still.
    const time = this.calm.matches ? 0 : clock;
    for (const [id, heat] of this.burning) {
      const p = this.positions[id];
      if (!p) continue;
      const flames = 4 + heat * 2;
      for (let i = 0; i < flames; i++) {
        const a = (i / flames) * Math.PI * 2 + time / 600;
        const flicker = 0.7 + 0.3 * Math.sin(time / 90 + i * 1.7);
        const r = 30 + (8 + heat * 5) * flicker;
        this.fire.fillStyle(i % 2 === 0 ? 0xff5a1f : 0xffb13b, 0.85);
        this.fire.fillTriangle(
          p.x + Math.cos(a - 0.25) * 28,
          p.y + Math.sin(a - 0.25) * 28,
          p.x + Math.cos(a + 0.25) * 28,
          p.y + Math.sin(a + 0.25) * 28,
          p.x + Math.cos(a) * r,
          p.y + Math.sin(a) * r,
        );
      }
    }
  }
}
