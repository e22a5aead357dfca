/**
 * Group commit for the SQLite file store. A commit in WAL mode appends every page the transaction
 * changed to the WAL, header and page each its own `pwrite`: with a table and four indexes a
 * one-row write costs about a dozen system calls, most of a small write's CPU. Writes that run back
 * to back (those asked for in one turn of the event loop, or while the queue was busy) therefore
 * share one transaction: the first opens it (`BEGIN IMMEDIATE`), each later one runs inside its own
 * `SAVEPOINT`, and one `COMMIT` on the next turn of the loop (or when the group is full, or before
 * a read) ends it. Consecutive writes touch the same index pages, so the group writes each page once.
 *
 * Nothing changes for the callers:
 * - an operation is acknowledged only after the COMMIT that holds it (durability: an acknowledged
 *   write survives `kill -9`);
 * - one that fails rolls back to its savepoint, alone (the first of a group rolls back the whole
 *   transaction, which then holds nothing else);
 * - the operations of a group run one after the other and each sees those before it, exactly as
 *   if each had committed alone;
 * - no read runs inside an open group (the store commits it first), so none sees a write that is
 *   not committed;
 * - if the COMMIT fails, or SQLite rolls the transaction back by itself (disk full, I/O error),
 *   every member gets the error and none is acknowledged.
 */

/** Writes per group at most: past it the group commits at once (a bound on what one failure undoes). */
export const MAX_GROUP = 64;

export class CommitGroup {
  /** Operations that completed inside the group, waiting for its COMMIT. */
  members = 0;
  /** The COMMIT is asked for (on the next turn of the event loop). */
  scheduled = false;
  /** Resolves when the group is committed; rejects with the error that undid it. */
  readonly committed: Promise<void>;
  #resolve!: () => void;
  #reject!: (error: unknown) => void;

  constructor() {
    this.committed = new Promise<void>((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
    // Every member awaits it; a group whose first operation failed has none.
    this.committed.catch(() => undefined);
  }

  succeed(): void {
    this.#resolve();
  }

  fail(error: unknown): void {
    this.#reject(error);
  }
}
