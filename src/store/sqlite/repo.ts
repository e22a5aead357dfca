/** One table of the SQLite backend behind the Repo interface (store/store.ts). */
import type Database from "better-sqlite3";
import type { EntityKind, EntityKinds, Scope } from "../../domain/entities.js";
import type { Filter, FilterValue, PageRequest, Repo } from "../store.js";
import { DuplicateKeyError } from "../store.js";
import { NO_BOUND, columnsOf, countedBy, entityToRow, filterColumn, measureColumn, toSqlValue, type DueBound, type SqlValue, type TableSpec } from "../tables.js";
import { KeyedEntities, decodeOwn, decodeShared, keptEntity, keptList, type ReadCaches, type ReadMark } from "../decoded.js";
import type { Db } from "./open.js";

type Bound = string | number | null;

/** SQLite has no boolean type: 1/0, as the schema stores them. */
function bind(v: SqlValue | undefined): Bound {
  return typeof v === "boolean" ? (v ? 1 : 0) : (v ?? null);
}

/*
 * A LIMIT and a boolean filter are written into the statement's text, not bound. SQLite's planner
 * looks at the value bound to a LIMIT, and at a value compared where a partial index's WHERE holds
 * a constant (`vpcs_one_default … WHERE is_default = 1`); a statement planned so is marked to be
 * prepared again whenever that parameter is bound, which better-sqlite3 does on every run: about
 * 7 µs of parsing and planning a run, several times the lookup itself. As literals, each distinct
 * text is prepared once (limits are page sizes, a bounded set; a boolean has two).
 */

/** A LIMIT as SQL text: a non-negative integer, never anything else. */
function limitSql(limit: number): string {
  if (!Number.isSafeInteger(limit) || limit < 0) throw new RangeError(`invalid LIMIT ${limit}`);
  return ` LIMIT ${limit}`;
}

/**
 * What may have changed the store's rows behind its write repos, counted by the store (write
 * repos only): a write rolled back (its rows are as they were, whatever it wrote or read), another
 * connection's commit (SQLite's `PRAGMA data_version`, read when a write transaction begins), a
 * reset. Entities write transactions kept are reused only under the same value.
 */
export interface WriteEpoch {
  value: number;
}

export class SqliteRepo<K extends EntityKind> implements Repo<EntityKinds[K], string, string> {
  readonly #db: Db;
  readonly #spec: TableSpec<K>;
  readonly #statements = new Map<string, Database.Statement>();
  readonly #bodyStatements = new Map<string, Database.Statement>();
  /** WHERE clauses by filter shape, and `find`'s statements by query shape (#where). */
  readonly #clauses = new Map<string, string>();
  readonly #finds = new Map<string, { readonly sql: string; readonly key: string }>();
  readonly #insertColumns: readonly string[];
  readonly #due: DueBound;
  readonly #decode: <E>(body: string) => E;
  /** Read repos only: the store's read mark and what reads of this kind kept (store/decoded.ts). */
  readonly #read: ReadCaches<EntityKinds[K]> | undefined;
  #byKey: Database.Statement | undefined;
  /** The insert, update and kept-count statements, prepared on first use. */
  #insert: Database.Statement | undefined;
  #update: Database.Statement | undefined;
  #counted: Database.Statement | undefined;
  /** Before a read runs a statement (the store's snapshot, opened on first need). */
  readonly #open: () => void;
  /**
   * Write repos only: the frozen entities getForUpdateShared found, by key, kept as reads keep theirs
   * (store/decoded.ts keptEntity) under a mark of their own — this kind's inserts, updates and
   * removals so far (each counted before it runs), and the store's epoch. A hot write locks the same
   * cluster request after request while nothing writes it (AuthorizeEndpointAccess,
   * CreateEndpointAccess); kept, it costs no statement, no text and no hash of the text.
   */
  readonly #epoch: WriteEpoch | undefined;
  readonly #writeKept: ReadCaches<EntityKinds[K]> = { mark: { writes: 0, version: 0 }, keyed: new KeyedEntities(), found: new KeyedEntities() };

  /**
   * `due` is the store's knowledge of this table's earliest due time, which hears every due time
   * this repo writes.
   * `readMark`: this repo serves read-only transactions, which share frozen entities
   * (store/decoded.ts) and, while the mark is unchanged, get an entity by key without a statement.
   * `epoch`: this repo serves write transactions, and keeps what getForUpdateShared found (WriteEpoch).
   */
  constructor(db: Db, spec: TableSpec<K>, due: DueBound = NO_BOUND, readMark?: ReadMark, epoch?: WriteEpoch) {
    this.#db = db;
    this.#epoch = epoch;
    this.#spec = spec;
    this.#due = due;
    this.#decode = readMark ? decodeShared : decodeOwn;
    this.#read = readMark ? { mark: readMark, keyed: new KeyedEntities(), found: new KeyedEntities() } : undefined;
    this.#open = readMark?.open ?? (() => undefined);
    this.#insertColumns = columnsOf(spec as unknown as TableSpec<EntityKind>);
  }

  /** A `SELECT body …` statement that yields the body text itself (no row object per record). */
  #bodies(sql: string): Database.Statement {
    let s = this.#bodyStatements.get(sql);
    if (!s) {
      s = this.#db.prepare(sql).pluck();
      this.#bodyStatements.set(sql, s);
    }
    return s;
  }

  #stmt(sql: string): Database.Statement {
    let s = this.#statements.get(sql);
    if (!s) {
      s = this.#db.prepare(sql);
      this.#statements.set(sql, s);
    }
    return s;
  }

  async get(scope: Scope, id: string): Promise<EntityKinds[K] | undefined> {
    return this.#read ? keptEntity(this.#read, scope, id, () => this.#load(scope, id)) : this.#load(scope, id);
  }

  /** A statement per id: in the process, a statement costs no round trip. */
  async getMany(scope: Scope, ids: readonly string[]): Promise<(EntityKinds[K] | undefined)[]> {
    const out: (EntityKinds[K] | undefined)[] = [];
    for (const id of ids) out.push(await this.get(scope, id));
    return out;
  }

  #load(scope: Scope, id: string, decode = this.#decode): EntityKinds[K] | undefined {
    this.#open();
    this.#byKey ??= this.#bodies(`SELECT body FROM ${this.#spec.table} WHERE account = ? AND region = ? AND id = ?`);
    const body = this.#byKey.get(scope.account, scope.region, id) as string | undefined;
    return body === undefined ? undefined : decode<EntityKinds[K]>(body);
  }

  /** The whole database is locked by BEGIN IMMEDIATE, so a plain read is already exclusive. */
  getForUpdate(scope: Scope, id: string): Promise<EntityKinds[K] | undefined> {
    return this.get(scope, id);
  }

  /** Frozen and shared; kept for the next write transactions while nothing can have changed it (#writeKept). */
  async getForUpdateShared(scope: Scope, id: string): Promise<EntityKinds[K] | undefined> {
    if (this.#epoch === undefined) return this.#load(scope, id, decodeShared);
    this.#writeKept.mark.version = this.#epoch.value;
    return keptEntity(this.#writeKept, scope, id, () => this.#load(scope, id, decodeShared));
  }

  async insert(entity: EntityKinds[K]): Promise<void> {
    this.#writeKept.mark.writes++;
    const row = entityToRow(this.#spec, entity);
    if (row.due_at !== null) this.#due.note(row.due_at);
    const cols = this.#insertColumns;
    this.#insert ??= this.#db.prepare(`INSERT INTO ${this.#spec.table} (${cols.join(", ")}) VALUES (${cols.map(() => "?").join(", ")})`);
    try {
      this.#insert.run(...cols.map((c) => bind(row[c])));
    } catch (err) {
      if (isUniqueViolation(err)) throw new DuplicateKeyError(`${this.#spec.kind} ${entity.id} already exists`);
      throw err;
    }
  }

  async update(entity: EntityKinds[K]): Promise<boolean> {
    this.#writeKept.mark.writes++;
    const row = entityToRow(this.#spec, entity);
    if (row.due_at !== null) this.#due.note(row.due_at);
    const cols = this.#insertColumns.slice(3);
    this.#update ??= this.#db.prepare(`UPDATE ${this.#spec.table} SET ${cols.map((c) => `${c} = ?`).join(", ")} WHERE account = ? AND region = ? AND id = ?`);
    const info = this.#update.run(...cols.map((c) => bind(row[c])), row.account, row.region, row.id);
    return info.changes > 0;
  }

  async remove(scope: Scope, id: string): Promise<boolean> {
    this.#writeKept.mark.writes++;
    const info = this.#stmt(`DELETE FROM ${this.#spec.table} WHERE account = ? AND region = ? AND id = ?`).run(scope.account, scope.region, id);
    return info.changes > 0;
  }

  /**
   * A filter's values to bind, and its shape: the properties it names (a boolean with its value, as
   * it is written into the text). Equal shapes have the same WHERE clause, built once (#whereSql).
   */
  #where(filter: Filter<string>): { shape: string; args: Bound[] } {
    let shape = "";
    const args: Bound[] = [];
    const values = filter as Readonly<Record<string, unknown>>;
    for (const prop in values) {
      const value = values[prop];
      if (value === undefined) continue;
      const sqlValue = toSqlValue(value);
      if (typeof sqlValue === "boolean") {
        shape += `${prop}=${sqlValue ? 1 : 0} `;
        continue;
      }
      shape += `${prop} `;
      args.push(bind(sqlValue));
    }
    return { shape, args };
  }

  /** The WHERE clause of a filter shape (#where). Shapes are few: the queries the code asks. */
  #whereSql(shape: string): string {
    let sql = this.#clauses.get(shape);
    if (sql === undefined) {
      const clauses = shape
        .split(" ")
        .filter((term) => term !== "")
        .map((term) => {
          const eq = term.indexOf("=");
          const column = filterColumn(this.#spec as unknown as TableSpec<EntityKind>, eq === -1 ? term : term.slice(0, eq));
          return eq === -1 ? `${column} = ?` : `${column} = ${term.slice(eq + 1)}`;
        });
      sql = clauses.length ? clauses.join(" AND ") : "1 = 1";
      this.#clauses.set(shape, sql);
    }
    return sql;
  }

  async find(filter: Filter<string>, page: PageRequest = {}): Promise<EntityKinds[K][]> {
    const { shape, args } = this.#where(filter);
    if (page.after) args.push(page.after.createdAt, page.after.account, page.after.id);
    const queryShape = `${shape}${page.after ? "after " : ""}${page.limit === undefined ? "" : limitSql(page.limit)}`;
    let query = this.#finds.get(queryShape);
    if (query === undefined) {
      let sql = `SELECT body FROM ${this.#spec.table} WHERE ${this.#whereSql(shape)}`;
      if (page.after) sql += " AND (created_at, account, id) > (?, ?, ?)";
      sql += " ORDER BY created_at, account, id";
      if (page.limit !== undefined) sql += limitSql(page.limit);
      // What reads keep a result under: short, so that looking it up hashes little.
      query = { sql, key: `${this.#finds.size}` };
      this.#finds.set(queryShape, query);
    }
    const { sql } = query;
    const load = () => {
      this.#open();
      return decodeAll<EntityKinds[K]>(this.#bodies(sql).all(...args) as string[], this.#decode);
    };
    // A read transaction: the same query under the same mark has the same answer.
    return this.#read ? keptList(this.#read, query.key, args, load) : load();
  }

  async count(filter: Filter<string>): Promise<number> {
    const counted = countedBy(this.#spec as unknown as TableSpec<EntityKind>, filter);
    if (counted !== undefined) {
      this.#open();
      this.#counted ??= this.#db.prepare(`SELECT coalesce(max(n), 0) FROM ${counted.table} WHERE account = ? AND region = ? AND ${counted.column} = ?`).pluck();
      return this.#counted.get(...counted.key.map(bind)) as number;
    }
    const where = this.#where(filter);
    this.#open();
    const row = this.#stmt(`SELECT count(*) AS n FROM ${this.#spec.table} WHERE ${this.#whereSql(where.shape)}`).get(...where.args) as { n: number };
    return row.n;
  }

  async sum(filter: Filter<string>, measure: string): Promise<number> {
    const column = measureColumn(this.#spec as unknown as TableSpec<EntityKind>, measure);
    const where = this.#where(filter);
    this.#open();
    const row = this.#stmt(`SELECT coalesce(sum(${column}), 0) AS n FROM ${this.#spec.table} WHERE ${this.#whereSql(where.shape)}`).get(...where.args) as { n: number };
    return row.n;
  }

  async values(filter: Filter<string>, prop: string): Promise<FilterValue[]> {
    const column = filterColumn(this.#spec as unknown as TableSpec<EntityKind>, prop);
    const where = this.#where(filter);
    this.#open();
    return this.#bodies(`SELECT ${column} FROM ${this.#spec.table} WHERE ${this.#whereSql(where.shape)}`).all(...where.args) as FilterValue[];
  }

  async due(now: number, limit: number): Promise<EntityKinds[K][]> {
    if (!this.#due.mayBeDue(now)) return [];
    this.#open();
    const bodies = this.#bodies(
      `SELECT body FROM ${this.#spec.table} WHERE due_at IS NOT NULL AND due_at <= ? ORDER BY due_at, created_at, id${limitSql(limit)}`,
    ).all(now) as string[];
    return decodeAll<EntityKinds[K]>(bodies, this.#decode);
  }
}

/** Each stored body decoded (or taken from the decoded cache, store/decoded.ts). */
function decodeAll<E>(bodies: string[], decode: (body: string) => E): E[] {
  const out = new Array<E>(bodies.length);
  for (let i = 0; i < bodies.length; i++) out[i] = decode(bodies[i]!);
  return out;
}

/**
 * Only a unique or primary-key violation is a duplicate; any other constraint (NOT NULL, CHECK) is a
 * bug and stays an internal error.
 */
function isUniqueViolation(err: unknown): boolean {
  if (typeof err !== "object" || err === null || !("code" in err)) return false;
  return err.code === "SQLITE_CONSTRAINT_UNIQUE" || err.code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}
