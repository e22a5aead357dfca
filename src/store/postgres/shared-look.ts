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

export class SharedLook {
  readonly #ask: () => Promise<Look>;
  /** The look not yet sent, which a read asking now joins. */
  #next: Waiting | undefined;
  #onItsWay = false;

  constructor(ask: () => Promise<Look>) {
    this.#ask = ask;
  }

  take(): Promise<Look> {
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
    this.#ask()
      .then(waiting.resolve, waiting.reject)
      .finally(() => {
        this.#onItsWay = false;
        if (this.#next !== undefined) setImmediate(this.#send);
      });
  };
}
