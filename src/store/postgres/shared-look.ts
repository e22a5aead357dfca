/**
 * One statement answers many reads: the first look of every lazy read (postgres-store.ts
 * `#lazyRead`) is the same question — the server's current snapshot and the earliest due time —
 * so reads share it, as a database shares one log flush among the commits that wait for it.
 *
 * A look is sent once the event loop has run every request that arrived with its first asker (in
 * `setImmediate`), and only when no other look is on its way; the reads that ask meanwhile all
 * share the next one, sent as soon as the one on its way returns. So a look is always sent after
 * every read that shares it asked: each sees at least every write acknowledged before it arrived,
 * as with a statement of its own — never an answer taken before it asked. Under load the database
 * answers one look per round trip, however many reads wait for it.
 *
 * While the instance holds the sole-writer lease (sole-lease.ts) no one else writes, so a look
 * stays true until the instance itself commits a write: it is reused (no statement at all) until
 * `invalidate` — called when a write commits, before it is answered, and when the lease changes
 * hands — or until it is `reuseMs` old (what a session of your own writes is seen after). A look
 * that was on its way when `invalidate` was called is answered to the reads that asked for it, but
 * not reused.
 */
export interface Look {
  /** `txid_current_snapshot()` as text: equal text, equal visible data. */
  readonly mark: string;
  /** The earliest `due_at` of any row, or null when nothing is pending. */
  readonly nextDue: number | null;
}

interface Waiting {
  readonly promise: Promise<Look>;
  readonly resolve: (look: Look) => void;
  readonly reject: (err: unknown) => void;
}

export interface Reuse {
  /** Whether a look may be reused now (the instance holds the lease). */
  readonly allowed: () => boolean;
  /** How long a look is reused at most, in ms of `now`. */
  readonly maxAgeMs: number;
  readonly now: () => number;
}

export class SharedLook {
  readonly #ask: () => Promise<Look>;
  readonly #reuse: Reuse | undefined;
  /** The look not yet sent, which a read asking now joins. */
  #next: Waiting | undefined;
  #onItsWay = false;
  /** The look being reused, and when it was sent. */
  #kept: { readonly look: Promise<Look>; readonly sentAt: number } | undefined;
  /** Counts `invalidate` calls: a look sent before the latest is not kept. */
  #generation = 0;

  constructor(ask: () => Promise<Look>, reuse?: Reuse) {
    this.#ask = ask;
    this.#reuse = reuse;
  }

  /** Ends the reuse of the current look: the next read's look is sent after this call. */
  invalidate(): void {
    this.#generation++;
    this.#kept = undefined;
  }

  take(): Promise<Look> {
    const kept = this.#kept;
    if (kept !== undefined) {
      if (this.#reuse!.allowed() && this.#reuse!.now() - kept.sentAt < this.#reuse!.maxAgeMs) return kept.look;
      this.#kept = undefined;
    }
    if (this.#next === undefined) {
      let resolve!: (look: Look) => void;
      let reject!: (err: unknown) => void;
      const promise = new Promise<Look>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      this.#next = { promise, resolve, reject };
      if (!this.#onItsWay) setImmediate(this.#send);
    }
    return this.#next.promise;
  }

  readonly #send = (): void => {
    const waiting = this.#next;
    if (waiting === undefined || this.#onItsWay) return;
    this.#next = undefined;
    this.#onItsWay = true;
    const generation = this.#generation;
    const sentAt = this.#reuse?.now() ?? 0;
    this.#ask()
      .then((look) => {
        if (this.#reuse?.allowed() === true && generation === this.#generation) this.#kept = { look: Promise.resolve(look), sentAt };
        waiting.resolve(look);
      }, waiting.reject)
      .finally(() => {
        this.#onItsWay = false;
        if (this.#next !== undefined) setImmediate(this.#send);
      });
  };
}
