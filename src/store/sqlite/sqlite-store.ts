/**
 * The embedded default store: better-sqlite3 in WAL mode, one file in `--data-dir`
 * (`redshift-local.sqlite`), or `:memory:` for `--in-memory`.
 *
 * better-sqlite3 is synchronous and this process holds one connection, so transactions are
 * serialised by a promise queue and run as `BEGIN IMMEDIATE … COMMIT`; other processes sharing
 * the file wait on SQLite's own lock (busy_timeout). `synchronous=NORMAL` in WAL mode keeps every
 * committed transaction across a crash of the process (`kill -9`); only an OS crash may lose the
 * last ones.
 */
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import type { EntityBase, EntityKind, EntityKinds, Scope } from "../../domain/entities.js";
import type { Filter, PageRequest, Repo, Repos, Snapshot, Store, Tx } from "../store.js";
import { DuplicateKeyError } from "../store.js";
import { ENTITY_KINDS, TABLES, entityToRow, rowToEntity, toSqlValue, type Row, type TableSpec } from "../tables.js";
import { LATEST_VERSION, MIGRATIONS } from "./migrations.js";

export const SQLITE_FILE = "redshift-local.sqlite";

export interface SqliteOptions {
  /** Directory for the database file; omitted = in memory. */
  readonly dataDir?: string | undefined;
}

type Db = Database.Database;

export class SqliteStore implements Store {
  readonly kind: "sqlite" | "memory";
  readonly location: string;
  readonly #db: Db;
  readonly #tx: Tx;
  readonly #begin: Database.Statement;
  readonly #commit: Database.Statement;
  readonly #rollback: Database.Statement;
  #queue: Promise<unknown> = Promise.resolve();
  #closed = false;

  constructor(options: SqliteOptions = {}) {
    if (options.dataDir !== undefined) {
      const dir = resolve(options.dataDir);
      this.location = join(dir, SQLITE_FILE);
      this.kind = "sqlite";
      this.#db = openFile(dir, this.location);
    } else {
      this.location = ":memory:";
      this.kind = "memory";
      this.#db = new Database(":memory:");
      migrate(this.#db);
    }
    const repos = {} as Record<EntityKind, SqliteRepo<EntityKind>>;
    for (const kind of ENTITY_KINDS) repos[kind] = new SqliteRepo(this.#db, TABLES[kind] as unknown as TableSpec<EntityKind>);
    const dueProbe = this.#db
      .prepare(
        `SELECT EXISTS (SELECT 1 FROM ${TABLES.clusters.table} WHERE due_at IS NOT NULL AND due_at <= @now)` +
          ` OR EXISTS (SELECT 1 FROM ${TABLES.endpoints.table} WHERE due_at IS NOT NULL AND due_at <= @now)`,
      )
      .pluck();
    this.#tx = { ...(repos as unknown as Repos), anyDue: async (now: number) => dueProbe.get({ now }) === 1 };
    this.#begin = this.#db.prepare("BEGIN IMMEDIATE");
    this.#commit = this.#db.prepare("COMMIT");
    this.#rollback = this.#db.prepare("ROLLBACK");
  }

  /** The schema version of the open database. */
  get schemaVersion(): number {
    return this.#db.pragma("user_version", { simple: true }) as number;
  }

  transact<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      if (this.#closed) throw new Error("store is closed");
      this.#begin.run();
      try {
        const result = await fn(this.#tx);
        this.#commit.run();
        return result;
      } catch (err) {
        if (this.#db.inTransaction) this.#rollback.run();
        throw err;
      }
    };
    const result = this.#queue.then(run, run);
    this.#queue = result.catch(() => undefined);
    return result;
  }

  async snapshot(): Promise<Snapshot> {
    return this.transact(async () => {
      const snap = {} as Record<EntityKind, EntityBase[]>;
      for (const kind of ENTITY_KINDS) {
        const rows = this.#db.prepare(`SELECT body FROM ${TABLES[kind].table} ORDER BY region, account, created_at, id`).all() as Row[];
        snap[kind] = rows.map((r) => rowToEntity<EntityBase>(r));
      }
      return snap as unknown as Snapshot;
    });
  }

  async reset(): Promise<void> {
    await this.transact(async () => {
      for (const kind of ENTITY_KINDS) this.#db.exec(`DELETE FROM ${TABLES[kind].table}`);
    });
  }

  async close(): Promise<void> {
    await this.#queue;
    if (this.#closed) return;
    this.#closed = true;
    this.#db.close();
  }
}

/** Opens (or creates) the database file and migrates it; any failure names the file. */
function openFile(dir: string, path: string): Db {
  let db: Db | undefined;
  try {
    mkdirSync(dir, { recursive: true });
    db = new Database(path);
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.pragma("busy_timeout = 5000");
    migrate(db);
    return db;
  } catch (err) {
    db?.close();
    throw new Error(`cannot open the database ${path}: ${(err as Error).message}`, { cause: err });
  }
}

function migrate(db: Db): void {
  const current = db.pragma("user_version", { simple: true }) as number;
  if (current > LATEST_VERSION) {
    throw new Error(`database schema version ${current} is newer than this redshift-local (${LATEST_VERSION}); upgrade redshift-local`);
  }
  for (const m of MIGRATIONS) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}

class SqliteRepo<K extends EntityKind> implements Repo<EntityKinds[K], string> {
  readonly #db: Db;
  readonly #spec: TableSpec<K>;
  readonly #statements = new Map<string, Database.Statement>();
  readonly #insertColumns: string[];

  constructor(db: Db, spec: TableSpec<K>) {
    this.#db = db;
    this.#spec = spec;
    this.#insertColumns = ["account", "region", "id", "created_at", "due_at", ...Object.values<string>(spec.columns), "body"];
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
    const row = this.#stmt(`SELECT body FROM ${this.#spec.table} WHERE account = ? AND region = ? AND id = ?`).get(scope.account, scope.region, id) as
      | Row
      | undefined;
    return row ? rowToEntity<EntityKinds[K]>(row) : undefined;
  }

  /** The whole database is locked by BEGIN IMMEDIATE, so a plain read is already exclusive. */
  getForUpdate(scope: Scope, id: string): Promise<EntityKinds[K] | undefined> {
    return this.get(scope, id);
  }

  async insert(entity: EntityKinds[K]): Promise<void> {
    const row = entityToRow(this.#spec, entity);
    const cols = this.#insertColumns;
    try {
      this.#stmt(`INSERT INTO ${this.#spec.table} (${cols.join(", ")}) VALUES (${cols.map(() => "?").join(", ")})`).run(...cols.map((c) => row[c]));
    } catch (err) {
      if (isConstraintError(err)) throw new DuplicateKeyError(`${this.#spec.kind} ${entity.id} already exists`);
      throw err;
    }
  }

  async update(entity: EntityKinds[K]): Promise<void> {
    const row = entityToRow(this.#spec, entity);
    const cols = this.#insertColumns.slice(3);
    const info = this.#stmt(
      `UPDATE ${this.#spec.table} SET ${cols.map((c) => `${c} = ?`).join(", ")} WHERE account = ? AND region = ? AND id = ?`,
    ).run(...cols.map((c) => row[c]), row.account, row.region, row.id);
    if (info.changes !== 1) throw new Error(`update of missing ${this.#spec.kind} ${entity.id}`);
  }

  async remove(scope: Scope, id: string): Promise<boolean> {
    const info = this.#stmt(`DELETE FROM ${this.#spec.table} WHERE account = ? AND region = ? AND id = ?`).run(scope.account, scope.region, id);
    return info.changes > 0;
  }

  #where(filter: Filter<string>): { sql: string; args: (string | number | null)[] } {
    const clauses: string[] = [];
    const args: (string | number | null)[] = [];
    for (const [prop, value] of Object.entries(filter)) {
      if (value === undefined) continue;
      const column = prop === "account" || prop === "region" || prop === "id" ? prop : (this.#spec.columns as Record<string, string>)[prop];
      if (column === undefined) throw new Error(`${this.#spec.kind} cannot be filtered by ${prop}`);
      clauses.push(`${column} = ?`);
      args.push(toSqlValue(value));
    }
    return { sql: clauses.length ? clauses.join(" AND ") : "1 = 1", args };
  }

  async find(filter: Filter<string>, page: PageRequest = {}): Promise<EntityKinds[K][]> {
    const where = this.#where(filter);
    let sql = `SELECT body FROM ${this.#spec.table} WHERE ${where.sql}`;
    const args = where.args;
    if (page.after) {
      sql += " AND (created_at, account, id) > (?, ?, ?)";
      args.push(page.after.createdAt, page.after.account, page.after.id);
    }
    sql += " ORDER BY created_at, account, id";
    if (page.limit !== undefined) {
      sql += " LIMIT ?";
      args.push(page.limit);
    }
    return (this.#stmt(sql).all(...args) as Row[]).map((r) => rowToEntity<EntityKinds[K]>(r));
  }

  async count(filter: Filter<string>): Promise<number> {
    const where = this.#where(filter);
    const row = this.#stmt(`SELECT count(*) AS n FROM ${this.#spec.table} WHERE ${where.sql}`).get(...where.args) as { n: number };
    return row.n;
  }

  async due(now: number, limit: number): Promise<EntityKinds[K][]> {
    const rows = this.#stmt(
      `SELECT body FROM ${this.#spec.table} WHERE due_at IS NOT NULL AND due_at <= ? ORDER BY due_at, created_at, id LIMIT ?`,
    ).all(now, limit) as Row[];
    return rows.map((r) => rowToEntity<EntityKinds[K]>(r));
  }
}

function isConstraintError(err: unknown): boolean {
  return typeof err === "object" && err !== null && "code" in err && String(err.code).startsWith("SQLITE_CONSTRAINT");
}
