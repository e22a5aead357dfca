/**
 * What the PostgreSQL store sends to open, probe and end its transactions, and the repos a
 * transaction hands to an operation (postgres-store.ts describes the model).
 */
import type pgTypes from "pg";
import type { EntityBase, EntityKind } from "../../domain/entities.js";
import type { Repo } from "../store.js";
import { DUE_TABLES, ENTITY_KINDS } from "../tables.js";

/**
 * A transaction's repos, each made when the operation first uses it (most use two or three of the
 * kinds). The accessors are defined once, on the prototype: accessors defined on each transaction's
 * own object would give every transaction a hidden class of its own in V8, which kept every
 * request's objects alive until the next full collection.
 */
export class LazyRepos {
  readonly #make: (kind: EntityKind) => Repo<EntityBase, string, string>;
  readonly #made = new Map<EntityKind, Repo<EntityBase, string, string>>();
  readonly anyDue: (now: number) => Promise<boolean>;
  readonly wroteDueBy: (now: number) => boolean;

  constructor(make: (kind: EntityKind) => Repo<EntityBase, string, string>, anyDue: (now: number) => Promise<boolean>, wroteDueBy: (now: number) => boolean) {
    this.#make = make;
    this.anyDue = anyDue;
    this.wroteDueBy = wroteDueBy;
  }

  repo(kind: EntityKind): Repo<EntityBase, string, string> {
    let repo = this.#made.get(kind);
    if (repo === undefined) {
      repo = this.#make(kind);
      this.#made.set(kind, repo);
    }
    return repo;
  }
}
for (const kind of ENTITY_KINDS) {
  Object.defineProperty(LazyRepos.prototype, kind, {
    enumerable: true,
    get(this: LazyRepos) {
      return this.repo(kind);
    },
  });
}

/**
 * Whether a lifecycle transition or scheduled action is due at `now` (a parameter or a literal), per
 * due table: one row with one boolean per table of DUE_TABLES, `due0`, `due1`, … (`dueIn`).
 */
export function dueProbe(now: string): string {
  return `SELECT ${DUE_TABLES.map((t, i) => `EXISTS (SELECT 1 FROM ${t} WHERE due_at IS NOT NULL AND due_at <= ${now}) AS due${i}`).join(", ")}`;
}

/** A `dueProbe` row as one flag per due table. */
export function dueIn(row: Readonly<Record<string, unknown>>): boolean[] {
  return DUE_TABLES.map((_, i) => row[`due${i}`] === true);
}

/** The server's current snapshot, as the mark of a read (see `changeMarker`). */
export const SNAPSHOT_MARK = "txid_current_snapshot()::text AS mark";

/** The earliest due time of any lifecycle transition or scheduled action, with the server's snapshot. */
export const LOOK = `SELECT ${SNAPSHOT_MARK}, LEAST(${DUE_TABLES.map((t) => `(SELECT min(due_at) FROM ${t} WHERE due_at IS NOT NULL)`).join(", ")})::float8 AS next_due`;

export const BEGIN_READ = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";

/** COMMIT, refusing to report success for a transaction PostgreSQL rolled back. */
export async function commit(client: pgTypes.ClientBase): Promise<void> {
  const done = await client.query("COMMIT");
  // COMMIT of a transaction aborted by an error the function swallowed answers ROLLBACK.
  if (done.command !== "COMMIT") throw new Error("the transaction was aborted by an earlier error and rolled back");
}
