/**
 * Turns at the write gate, within one instance: at most `limit` of its write transactions are at
 * the database at once (one holding the gate, one queued right behind it, so a turn passes with no
 * round trip in between); the others wait here, in arrival order, without a connection. Only the
 * database's gate serialises writers (across instances); this keeps writers waiting for it from
 * holding every connection of the pool, so that reads, which never take the gate, always find one.
 * A wait is bounded: past `timeoutMs` without a turn the caller is told so, and retries like any
 * other lost race.
 */
export class WriteTurns {
  #free: number;
  readonly #waiting: (() => void)[] = [];

  constructor(limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError("the write-turn limit must be a positive integer");
    this.#free = limit;
  }

  /** Writers waiting for a turn (not counting those at the database). */
  get waiting(): number {
    return this.#waiting.length;
  }

  /** Resolves with the function that ends the turn, or undefined when none came within `timeoutMs`. */
  take(timeoutMs: number): Promise<(() => void) | undefined> {
    if (this.#free > 0) {
      this.#free--;
      return Promise.resolve(this.#release());
    }
    return new Promise((resolve) => {
      const grant = (): void => {
        clearTimeout(timer);
        resolve(this.#release());
      };
      const timer = setTimeout(() => {
        const at = this.#waiting.indexOf(grant);
        if (at >= 0) this.#waiting.splice(at, 1);
        resolve(undefined);
      }, timeoutMs);
      this.#waiting.push(grant);
    });
  }

  /** Ends a turn once: the next waiter gets it, or it becomes free. */
  #release(): () => void {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const next = this.#waiting.shift();
      if (next !== undefined) next();
      else this.#free++;
    };
  }
}
