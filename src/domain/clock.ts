/**
 * Time, injected. Domain code never reads `Date.now()` or sets timers: it asks the clock, and
 * lifecycles store due times that any later request compares with `clock.now()`.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock tests move by hand: `clock.advance(60_000)` instead of sleeping. */
export class ManualClock implements Clock {
  #now: number;

  constructor(start: number | Date = Date.now()) {
    this.#now = typeof start === "number" ? start : start.getTime();
  }

  now(): number {
    return this.#now;
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError("ManualClock.advance takes a non-negative number of milliseconds");
    this.#now += ms;
  }

  set(to: number | Date): void {
    this.#now = typeof to === "number" ? to : to.getTime();
  }
}
