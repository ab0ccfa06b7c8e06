/** Simulated minutes per real second at 1×; slowed while an incident is live. */
export const MINUTES_PER_SECOND = 40;
export const INCIDENT_SLOWDOWN = 0.08;
/** The attract demo's speed. */
export const DEMO_SPEED = 8;

/**
 * Real time into simulated minutes: speed, the slow-down while an incident is live, and the
 * fractions carried from frame to frame. A long stall (a hidden tab) counts as a quarter second.
 */
export class RoundClock {
  private carry = 0;

  reset(): void {
    this.carry = 0;
  }

  /** Whole simulated minutes that this frame's real time is worth. */
  tick(realMs: number, speed: number, live: boolean): number {
    const ms = Number.isFinite(realMs) ? Math.min(Math.max(realMs, 0), 250) : 0;
    const rate = MINUTES_PER_SECOND * speed * (live ? INCIDENT_SLOWDOWN : 1);
    this.carry += (ms / 1000) * rate;
    const whole = Math.floor(this.carry);
    if (whole <= 0) return 0;
    this.carry -= whole;
    return whole;
  }
}
