/**
 * The bytes one server instance may hold for request bodies that are still arriving, across all
 * connections. Each body is capped at 1 MiB on its own, but a thousand clients each sending
 * 1 MiB − 1 bytes and stalling would otherwise hold a gigabyte; past this budget a new body is
 * refused (503 ServiceUnavailable, which every AWS SDK retries with backoff) instead.
 */

/** Default budget: 64 bodies of the 1 MiB maximum at once, far above what real clients send. */
export const DEFAULT_BODY_BUFFER_LIMIT = 64 * 1024 * 1024;

export class BodyBudget {
  private used = 0;

  constructor(readonly limit: number) {}

  /** Bytes currently reserved (for tests and health). */
  get reserved(): number {
    return this.used;
  }

  /** A reservation that can grow (chunked bodies) and is released exactly once. */
  open(): BodyReservation {
    return new BodyReservation(this);
  }

  /** @internal Takes `bytes` if they fit in what is left. */
  take(bytes: number): boolean {
    if (bytes > this.limit - this.used) return false;
    this.used += bytes;
    return true;
  }

  /** @internal */
  give(bytes: number): void {
    this.used -= bytes;
  }
}

export class BodyReservation {
  private held = 0;
  private released = false;

  constructor(private readonly budget: BodyBudget) {}

  /** Grows the reservation to `total` bytes; false (nothing taken) when that does not fit. */
  growTo(total: number): boolean {
    if (this.released) return false;
    if (total <= this.held) return true;
    if (!this.budget.take(total - this.held)) return false;
    this.held = total;
    return true;
  }

  /** Gives every byte back; later calls do nothing. */
  release(): void {
    if (this.released) return;
    this.released = true;
    this.budget.give(this.held);
    this.held = 0;
  }
}
