/**
 * The SQLite store's knowledge of when something falls due, so that the question every request
 * asks first ("is any transition due?", Tx.anyDue) usually runs no statement, and settling reads
 * only the tables where something is due.
 *
 * Per due table (DUE_TABLES order) it keeps a lower bound of the table's earliest due time (null:
 * nothing in it is due), read by one statement from the partial due indexes. The bounds are valid
 * while `PRAGMA data_version` is the one they were read under (another connection's commit changes
 * it); this connection's own writes keep them lower bounds (`note`, whether or not the write
 * commits); a write that is undone forgets them.
 */
import type Database from "better-sqlite3";
import type { EntityKind } from "../../domain/entities.js";
import { DUE_TABLES, dueTableIndex, type DueBound } from "../tables.js";

export class DueBounds {
  readonly #query: Database.Statement;
  /** The write in progress (`ReadMark.writes`, which changes when each write starts and ends). */
  readonly #write: () => number;
  #bounds: (number | null)[] | undefined;
  #version: number | string = -1;
  /** The write whose `anyDue` last confirmed the bounds: for the rest of it (it holds the lock) they need no other check. */
  #checkedIn = -1;
  /** The earliest due time the write `#notedIn` has written since its last `anyDue` (Infinity: none). */
  #notedMin = Infinity;
  #notedIn = -1;

  constructor(db: Database.Database, write: () => number) {
    this.#query = db.prepare(`SELECT ${DUE_TABLES.map((t) => `(SELECT min(due_at) FROM ${t} WHERE due_at IS NOT NULL)`).join(", ")}`).raw();
    this.#write = write;
  }

  /** After a write is undone: what it noted may be gone, and what it read may have been its own. */
  forget(): void {
    this.#bounds = undefined;
  }

  /**
   * Whether anything is due at `now`, for the database at `version` (its `PRAGMA data_version`; 0
   * in memory). Reads the bounds only when they are unknown, from another version, or one of them
   * is not after `now`; `beforeRead` runs first then (a file read opens its snapshot, and answers
   * the version it sees). `inWrite`: asked by a write, whose settling then skips the tables whose
   * bound is after `now`.
   */
  anyDue(now: number, version: number | string, inWrite: boolean, beforeRead?: () => number | string): boolean {
    let next = earliest(this.#bounds);
    if (next === undefined || version !== this.#version || (next !== null && next <= now)) {
      const at = beforeRead?.() ?? version;
      const bounds = this.#query.get() as (number | null)[];
      this.#bounds = bounds;
      this.#version = at;
      next = earliest(bounds) ?? null;
    }
    if (inWrite) {
      this.#checkedIn = this.#write();
      this.#notedIn = this.#checkedIn;
      this.#notedMin = Infinity;
    }
    return next !== null && next <= now;
  }

  /** Tx.wroteDueBy: whether the write in progress wrote a row due by `now` since its last `anyDue`. */
  wroteDueBy(now: number): boolean {
    return this.#notedIn === this.#write() && this.#notedMin <= now;
  }

  #noteWritten(dueAt: number): void {
    const write = this.#write();
    if (this.#notedIn !== write) {
      this.#notedIn = write;
      this.#notedMin = dueAt;
    } else if (dueAt < this.#notedMin) this.#notedMin = dueAt;
  }

  /** The bound a due table's write repo notes its due times in and asks before `due`; undefined for the other kinds. */
  of(kind: EntityKind): DueBound | undefined {
    const i = dueTableIndex(kind);
    if (i < 0) return undefined;
    return {
      note: (dueAt) => {
        this.#noteWritten(dueAt);
        const bounds = this.#bounds;
        if (bounds !== undefined && (bounds[i] === null || dueAt < bounds[i]!)) bounds[i] = dueAt;
      },
      // Settling asks anyDue first, in the same write.
      mayBeDue: (now) => {
        const bounds = this.#bounds;
        return bounds === undefined || this.#checkedIn !== this.#write() || (bounds[i] !== null && bounds[i]! <= now);
      },
    };
  }
}

/** The earliest of the bounds (null: nothing is due; undefined: not known). */
function earliest(bounds: readonly (number | null)[] | undefined): number | null | undefined {
  if (bounds === undefined) return undefined;
  let min: number | null = null;
  for (const b of bounds) if (b !== null && (min === null || b < min)) min = b;
  return min;
}
