/** One table of the SQLite backend behind the Repo interface (store/store.ts). */
import type Database from "better-sqlite3";
import type { EntityKind, EntityKinds, Scope } from "../../domain/entities.js";
import type { Filter, PageRequest, Repo } from "../store.js";
import { DuplicateKeyError } from "../store.js";
import { entityToRow, rowToEntity, toSqlValue, type Row, type TableSpec } from "../tables.js";
import type { Db } from "./open.js";

export class SqliteRepo<K extends EntityKind> implements Repo<EntityKinds[K], string> {
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
