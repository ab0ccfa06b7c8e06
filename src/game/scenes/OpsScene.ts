import Phaser from 'phaser';
import { coachBandHeight, coachBandTop } from '../../app/coachBand';
import type { GameStore, StoreView } from '../../app/store';
import { busFactor, formatClock, isNight, type Snapshot } from '../../sim';
import { fitText, keepInside } from '../fit';
import { hexToNumber, nodeScale, type Point, peopleBand, serviceLayout, teamMarks } from '../layout';
import { installMapProbe, type MapProbe } from '../mapProbe';
import { drawPeople } from './peopleDrawing';

const FONT = 'system-ui, sans-serif';
const REDRAW_EVERY_MS = 100;

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
  /** Service nodes shrink when a column of the map is crowded; 1 is full size. */
  private nodeScale = 1;
  private labelsBeside = false;
  private lastRedraw = 0;
  /** The world changed since the map was last drawn. */
  private dirty = false;
  private peopleDiscs: { key: string; x: number; y: number; r: number }[] = [];
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
    installMapProbe(() => this.probe());
    const onResize = () => this.redraw();
    this.scale.on('resize', onResize);
    this.events.once('shutdown', () => {
      this.scale.off('resize', onResize);
      this.unsubscribe?.();
      this.labels.clear();
    });
  }

  private probe(): MapProbe | null {
    if (!this.scene.isActive()) return null;
    const labels = [...this.labels.entries()]
      .filter(([, t]) => t.visible && t.text !== '')
      .map(([key, t]) => {
        const b = t.getBounds();
        return { key, text: t.text, x: b.x, y: b.y, width: b.width, height: b.height };
      });
    const r = 30 * this.nodeScale;
    const discs = Object.entries(this.positions).map(([id, p]) => ({ key: `svc:${id}`, x: p.x, y: p.y, r }));
    return { width: this.scale.width, height: this.scale.height, labels, discs: [...discs, ...this.peopleDiscs] };
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
    // At top speed the world changes every frame; the map follows at most ten times a second, and at once on a new fire.
    if (!changed) return;
    const fresh = view.fresh.some((e) => e.type === 'paged' || e.type === 'incident-resolved');
    if (fresh || performance.now() - this.lastRedraw >= REDRAW_EVERY_MS) this.redraw();
    else this.dirty = true;
  }

  label(key: string, style: Phaser.Types.GameObjects.Text.TextStyle): Phaser.GameObjects.Text {
    const size = `${Math.round(Number.parseFloat(String(style.fontSize ?? 13)) * this.textScale)}px`;
    let t = this.labels.get(key);
    if (!t) {
      t = this.add.text(0, 0, '', { fontFamily: FONT, ...style, fontSize: size }).setOrigin(0.5, 0);
      t.setData('size', size);
      this.labels.set(key, t);
    } else if (t.getData('size') !== size) {
      // The size asked for; fitting may have made the label a little smaller, which stands until this changes.
      t.setData('size', size).setFontSize(size);
    }
    if (style.color && t.style.color !== style.color) t.setColor(String(style.color));
    return t.setVisible(true);
  }

  private redraw(): void {
    this.lastRedraw = performance.now();
    this.dirty = false;
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
    const band = peopleBand(s, width);
    // In a guided round the coach's tip has a band of its own at the top of the map.
    const large = this.textScale > 1;
    const keepClear = this.store.guided() ? coachBandTop(large) + coachBandHeight(large) : 0;
    this.positions = serviceLayout(s, width, height - band.height, keepClear);
    const fit = nodeScale(this.positions, this.textScale);
    this.burning.clear();
    for (const id of s.openIncidents) {
      const inc = s.incidents[id];
      if (!inc || inc.phase === 'mitigated') continue;
      for (const svc of inc.affected) this.burning.set(svc, Math.max(this.burning.get(svc) ?? 0, 5 - inc.sev));
    }
    const cut = this.drawServiceMap(s, fit.k, fit.beside);
    // Columns too close for names beside their nodes (large print on a small screen): smaller nodes, names under.
    if (cut > 0 && fit.under !== null) this.drawServiceMap(s, fit.under, false);
    this.peopleDiscs = drawPeople(this, this.people, s, band, width, height);
  }

  /** The services, their links and the other timeline's rings at one scale; how many labels had to be cut. */
  private drawServiceMap(s: Snapshot, k: number, beside: boolean): number {
    this.nodeScale = k;
    this.labelsBeside = beside;
    this.edges.clear();
    this.nodes.clear();
    this.drawEdges(s);
    this.drawGhosts();
    return this.drawServices(s);
  }

  /** The other timeline on the map: a ghostly ring where it burns and this one does not; a green ring where it was prevented. */
  private drawGhosts(): void {
    this.ghostFire.clear();
    const r = 42 * this.nodeScale;
    for (const id of this.ghostBurning) {
      const p = this.positions[id];
      if (!p || this.burning.has(id)) continue;
      this.ghostFire.lineStyle(3, 0x9fb6da, 0.8);
      for (let i = 0; i < 12; i += 2)
        this.ghostFire
          .beginPath()
          .arc(p.x, p.y, r, (i * Math.PI) / 6, ((i + 1) * Math.PI) / 6)
          .strokePath();
    }
    for (const id of this.saved) {
      const p = this.positions[id];
      if (!p) continue;
      this.ghostFire.lineStyle(4, 0x5fd38d, 0.95);
      this.ghostFire.strokeCircle(p.x, p.y, r - 2);
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
        const tip = { x: to.x - Math.cos(a) * 36 * this.nodeScale, y: to.y - Math.sin(a) * 36 * this.nodeScale };
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

  private drawServices(s: Snapshot): number {
    const marks = teamMarks(s);
    const recovering = new Set<string>();
    for (const id of s.openIncidents) {
      const inc = s.incidents[id];
      if (inc?.phase === 'mitigated') for (const svc of inc.affected) recovering.add(svc);
    }
    const k = this.nodeScale;
    const r = 30 * k;
    const width = this.scale.width;
    const xs = [...new Set(Object.values(this.positions).map((p) => Math.round(p.x)))].sort((a, b) => a - b);
    const spacing = xs.length > 1 ? Math.min(...xs.slice(1).map((x, i) => x - (xs[i] ?? 0))) : width;
    // A label may take the room between its column and the next, less a little air (and the ring, when beside it).
    const room = this.labelsBeside ? spacing - 2 * r - 24 : spacing - 10;
    const lastX = xs[xs.length - 1] ?? 0;
    const beforeLastX = xs[xs.length - 2] ?? Number.NaN;
    // The last column's labels sit left of it, sharing the gap with the labels of the column before.
    const roomAt = (p: Point) =>
      this.labelsBeside && [lastX, beforeLastX].includes(Math.round(p.x)) && xs.length > 1 ? room / 2 - 4 : room;
    /** Under the node, centred; or beside it, right of it (left of it in the last column). */
    const place = (t: Phaser.GameObjects.Text, p: Point, y: number) => {
      if (!this.labelsBeside) return keepInside(t, p.x, y, width);
      const left = Math.round(p.x) === lastX && xs.length > 1;
      return keepInside(t, left ? p.x - r - 8 - t.width / 2 : p.x + r + 8 + t.width / 2, y, width);
    };
    const ghost = new Set(this.ghostBurning);
    const saved = new Set(this.saved);
    let cut = 0;
    for (const id of s.serviceOrder) {
      const p = this.positions[id];
      const svc = s.services[id];
      if (!p || !svc) continue;
      const team = s.teams[svc.team];
      const heat = this.burning.get(id) ?? 0;
      this.nodes.fillStyle(heat > 0 ? 0x3a1a12 : 0x1d2738, 1);
      this.nodes.fillCircle(p.x, p.y, r);
      this.nodes.lineStyle(5 * k, hexToNumber(team?.color ?? '#888888'), 1);
      this.nodes.strokeCircle(p.x, p.y, r);
      const status = heat > 0 ? 0xff5a1f : recovering.has(id) ? 0x5cc8ff : 0x5fd38d;
      this.nodes.fillStyle(status, 1);
      this.nodes.fillCircle(p.x + 22 * k, p.y - 22 * k, 7 * k);
      // The owning team's initial inside the ring: a cue beside its colour.
      const owner = this.label(`svc-team:${id}`, {
        fontSize: `${18 * k}px`,
        color: team?.color ?? '#c9d3e3',
        fontStyle: 'bold',
      });
      owner.setText(marks[svc.team] ?? '?').setPosition(p.x, p.y - owner.height / 2);
      const name = this.label(`svc:${id}`, {
        fontSize: `${Math.max(11, 16 * k)}px`,
        color: '#f1f5fb',
        fontStyle: 'bold',
      });
      fitText(name, [svc.name], roomAt(p), 0.75);
      place(name, p, this.labelsBeside ? p.y - name.height : p.y + r + 3);
      // One line under the name tells its state; the other timeline's words take the place of the team's.
      const here = heat > 0 ? `ON FIRE · SEV${5 - heat}` : recovering.has(id) ? 'recovering' : null;
      const there = saved.has(id) ? '✓ didn’t happen here' : ghost.has(id) ? 'burning in the other timeline' : null;
      const color =
        here && heat > 0 ? '#ffb38a' : saved.has(id) && !here ? '#8ff0b4' : there && !here ? '#c8d6ee' : '#9fb0c9';
      const sub = this.label(`svc-sub:${id}`, { fontSize: `${Math.max(10, 13 * k)}px`, color });
      const words = here ?? there ?? `${team?.name ?? ''} · bus ${busFactor(s, id)}`;
      const options = here || there ? [words] : [words, `bus ${busFactor(s, id)}`];
      place(fitText(sub, options, roomAt(p)), p, name.y + name.height);
      if (name.text !== svc.name) cut += 1;
      if (!options.includes(sub.text)) cut += 1;
    }
    return cut;
  }

  override update(clock: number): void {
    if (this.dirty && performance.now() - this.lastRedraw >= REDRAW_EVERY_MS) this.redraw();
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
