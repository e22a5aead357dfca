/** One table of the PostgreSQL backend behind the Repo interface, on the transaction's connection. */
import type pg from "pg";
import type { EntityBase, EntityKind, EntityKinds, Scope } from "../../domain/entities.js";
import type { Filter, FilterValue, PageRequest, Repo } from "../store.js";
import { DuplicateKeyError } from "../store.js";
import { KeyedEntities, decodeOwn, decodeShared, keptEntity, keptList, type ReadCaches } from "../decoded.js";
import { ENTITY_KINDS, NO_BOUND, columnsOf, countedBy, entityToRow, filterColumn, measureColumn, toSqlValue, type DueBound, type SqlValue, type TableSpec } from "../tables.js";

/** SQL text → prepared-statement name, shared by every connection (each prepares on first use). */
const names = new Map<string, string>();
function statementName(sql: string): string {
  let name = names.get(sql);
  if (name === undefined) {
    name = `rl${names.size}`;
    names.set(sql, name);
  }
  return name;
}

/**
 * WHERE clauses by table and filter shape (the properties a filter names, in order), and `find`'s
 * statements by table, clause, cursor and limit: the queries the code asks are few, each text is
 * built once, and what reads keep is found under a short name.
 */
const CLAUSES = new Map<string, string>();
const FINDS = new Map<string, { readonly sql: string; readonly key: string }>();

/** A bound value: a column's, or a list of keys (`= ANY($n)`). */
type PgValue = SqlValue | readonly string[];

export async function run<R extends pg.QueryResultRow>(client: pg.ClientBase, sql: string, values: PgValue[]): Promise<pg.QueryResult<R>> {
  return client.query<R>({ name: statementName(sql), text: sql, values });
}

export class PgRepo<K extends EntityKind> implements Repo<EntityKinds[K], string, string> {
  readonly #client: pg.ClientBase;
  readonly #spec: TableSpec<EntityKind>;
  readonly #columns: readonly string[];
  readonly #decode: <E>(body: string) => E;
  readonly #read: ReadCaches<EntityKinds[K]> | undefined;
  readonly #open: (() => Promise<void>) | undefined;
  /** What the transaction knows of when this table's rows fall due (tables.ts DueBound). */
  readonly #due: DueBound;

  /**
   * `read`: this repo serves a read-only transaction: it returns shared, frozen entities
   * (store/decoded.ts) and, under the same mark (the transaction's snapshot), what an earlier read
   * got by key or by query, without a round trip. `open`: called before each statement, to open
   * the read's snapshot first (a read that finds everything it needs kept runs no transaction).
   */
  constructor(client: pg.ClientBase, spec: TableSpec<K>, read?: ReadCaches<EntityKinds[K]>, open?: () => Promise<void>, due: DueBound = NO_BOUND) {
    this.#client = client;
    this.#due = due;
    this.#spec = spec as unknown as TableSpec<EntityKind>;
    this.#columns = columnsOf(this.#spec);
    this.#decode = read ? decodeShared : decodeOwn;
    this.#read = read;
    this.#open = open;
  }

  /** Every statement of this repo goes through here. */
  async #run<R extends pg.QueryResultRow>(sql: string, values: PgValue[]): Promise<pg.QueryResult<R>> {
    if (this.#open !== undefined) await this.#open();
    return run<R>(this.#client, sql, values);
  }

  async #bodies(sql: string, values: SqlValue[], decode = this.#decode): Promise<EntityKinds[K][]> {
    const res = await this.#run<{ body: string }>(sql, values);
    return res.rows.map((r) => decode<EntityKinds[K]>(r.body));
  }

  async get(scope: Scope, id: string): Promise<EntityKinds[K] | undefined> {
    const load = async () =>
      (await this.#bodies(`SELECT body FROM ${this.#spec.table} WHERE account = $1 AND region = $2 AND id = $3`, [scope.account, scope.region, id]))[0];
    return this.#read ? keptEntity(this.#read, scope, id, load) : load();
  }

  /** One statement in a write; a read asks per id, as `get` does, so that what it kept is reused. */
  async getMany(scope: Scope, ids: readonly string[]): Promise<(EntityKinds[K] | undefined)[]> {
    if (this.#read !== undefined || ids.length <= 1) {
      const out: (EntityKinds[K] | undefined)[] = [];
      for (const id of ids) out.push(await this.get(scope, id));
      return out;
    }
    const sql = `SELECT id, body FROM ${this.#spec.table} WHERE account = $1 AND region = $2 AND id = ANY($3)`;
    const res = await this.#run<{ id: string; body: string }>(sql, [scope.account, scope.region, ids]);
    const bodies = new Map(res.rows.map((r) => [r.id, r.body]));
    return ids.map((id) => {
      const body = bodies.get(id);
      return body === undefined ? undefined : this.#decode<EntityKinds[K]>(body);
    });
  }

  /** A row lock: a concurrent writer of the same row waits (bounded by lock_timeout) or fails to serialize. */
  getForUpdate(scope: Scope, id: string): Promise<EntityKinds[K] | undefined> {
    return this.#locked(scope, id, this.#decode);
  }

  getForUpdateShared(scope: Scope, id: string): Promise<EntityKinds[K] | undefined> {
    return this.#locked(scope, id, decodeShared);
  }

  async #locked(scope: Scope, id: string, decode: <E>(body: string) => E): Promise<EntityKinds[K] | undefined> {
    const sql = `SELECT body FROM ${this.#spec.table} WHERE account = $1 AND region = $2 AND id = $3 FOR UPDATE`;
    const [e] = await this.#bodies(sql, [scope.account, scope.region, id], decode);
    return e;
  }

  /**
   * ON CONFLICT DO NOTHING (any unique index): a duplicate the transaction can see is reported
   * without aborting the transaction (the domain turns it into its AlreadyExists error), and one
   * inserted by a transaction it cannot see is a serialization failure (retried), as PostgreSQL
   * raises under SERIALIZABLE.
   */
  async insert(entity: EntityKinds[K]): Promise<void> {
    const row = entityToRow(this.#spec, entity);
    if (row.due_at !== null) this.#due.note(row.due_at);
    const cols = this.#columns;
    const res = await this.#run(
      `INSERT INTO ${this.#spec.table} (${cols.join(", ")}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(", ")}) ON CONFLICT DO NOTHING`,
      cols.map((c) => row[c] ?? null),
    );
    if (res.rowCount !== 1) throw new DuplicateKeyError(`${this.#spec.kind} ${entity.id} already exists`);
  }

  async update(entity: EntityKinds[K]): Promise<boolean> {
    const row = entityToRow(this.#spec, entity);
    if (row.due_at !== null) this.#due.note(row.due_at);
    const cols = this.#columns.slice(3);
    const res = await this.#run(
      `UPDATE ${this.#spec.table} SET ${cols.map((c, i) => `${c} = $${i + 1}`).join(", ")} WHERE account = $${cols.length + 1} AND region = $${cols.length + 2} AND id = $${cols.length + 3}`,
      [...cols.map((c) => row[c] ?? null), row.account, row.region, row.id],
    );
    return (res.rowCount ?? 0) > 0;
  }

  async remove(scope: Scope, id: string): Promise<boolean> {
    const res = await this.#run(`DELETE FROM ${this.#spec.table} WHERE account = $1 AND region = $2 AND id = $3`, [scope.account, scope.region, id]);
    return (res.rowCount ?? 0) > 0;
  }

  /** A filter's values, appended to `values`, and its WHERE clause (one text per filter shape, built once). */
  #where(filter: Filter<string>, values: SqlValue[]): string {
    return this.#shaped(filter, values).sql;
  }

  /** #where's clause, with the key it is kept under: the table and the properties the filter names. */
  #shaped(filter: Filter<string>, values: SqlValue[]): { readonly sql: string; readonly key: string } {
    let shape = "";
    const given = filter as Readonly<Record<string, unknown>>;
    for (const prop in given) {
      const value = given[prop];
      if (value === undefined) continue;
      values.push(toSqlValue(value));
      shape += `${prop} `;
    }
    const key = `${this.#spec.table} ${shape}`;
    let sql = CLAUSES.get(key);
    if (sql === undefined) {
      const props = shape.split(" ").filter((p) => p !== "");
      sql = props.length ? props.map((prop, i) => `${filterColumn(this.#spec, prop)} = $${i + 1}`).join(" AND ") : "TRUE";
      CLAUSES.set(key, sql);
    }
    return { sql, key };
  }

  async find(filter: Filter<string>, page: PageRequest = {}): Promise<EntityKinds[K][]> {
    const values: SqlValue[] = [];
    const where = this.#shaped(filter, values);
    const filtered = values.length;
    if (page.after) values.push(page.after.createdAt, page.after.account, page.after.id);
    if (page.limit !== undefined) values.push(page.limit);
    const shape = `${where.key}${page.after ? "|after" : ""}${page.limit === undefined ? "" : "|limit"}`;
    let query = FINDS.get(shape);
    if (query === undefined) {
      let sql = `SELECT body FROM ${this.#spec.table} WHERE ${where.sql}`;
      if (page.after) sql += ` AND (created_at, account, id) > ($${filtered + 1}, $${filtered + 2}, $${filtered + 3})`;
      sql += " ORDER BY created_at, account, id";
      if (page.limit !== undefined) sql += ` LIMIT $${values.length}`;
      // What reads keep a result under: short, so that looking it up hashes little.
      query = { sql, key: `${FINDS.size}` };
      FINDS.set(shape, query);
    }
    const { sql } = query;
    // A read transaction: the same query under the same snapshot has the same answer.
    return this.#read ? keptList(this.#read, query.key, values, () => this.#bodies(sql, values)) : this.#bodies(sql, values);
  }

  async count(filter: Filter<string>): Promise<number> {
    const counted = countedBy(this.#spec, filter);
    if (counted !== undefined) {
      const kept = await this.#run<{ n: number }>(
        `SELECT coalesce(max(n), 0)::integer AS n FROM ${counted.table} WHERE account = $1 AND region = $2 AND ${counted.column} = $3`,
        counted.key,
      );
      return kept.rows[0]!.n;
    }
    const values: SqlValue[] = [];
    const res = await this.#run<{ n: number }>(`SELECT count(*)::integer AS n FROM ${this.#spec.table} WHERE ${this.#where(filter, values)}`, values);
    return res.rows[0]!.n;
  }

  async sum(filter: Filter<string>, measure: string): Promise<number> {
    const column = measureColumn(this.#spec, measure);
    const values: SqlValue[] = [];
    const res = await this.#run<{ n: number }>(
      `SELECT coalesce(sum(${column}), 0)::float8 AS n FROM ${this.#spec.table} WHERE ${this.#where(filter, values)}`,
      values,
    );
    return res.rows[0]!.n;
  }

  async values(filter: Filter<string>, prop: string): Promise<FilterValue[]> {
    const column = filterColumn(this.#spec, prop);
    const values: SqlValue[] = [];
    const res = await this.#run<{ v: FilterValue }>(`SELECT ${column} AS v FROM ${this.#spec.table} WHERE ${this.#where(filter, values)}`, values);
    return res.rows.map((r) => r.v);
  }

  async due(now: number, limit: number): Promise<EntityKinds[K][]> {
    if (!this.#due.mayBeDue(now)) return [];
    return this.#bodies(`SELECT body FROM ${this.#spec.table} WHERE due_at IS NOT NULL AND due_at <= $1 ORDER BY due_at, created_at, id LIMIT $2`, [
      now,
      limit,
    ]);
  }
}

/**
 * Per kind, what read transactions got by key and by query, each kept with the text of the
 * snapshot it was read under (`txid_current_snapshot()`: equal text, equal visible data; any commit
 * anywhere changes it), for the store's lifetime: a later read under the same snapshot reuses it
 * without a round trip.
 */
export function keptPerKind(): Record<EntityKind, { keyed: KeyedEntities<EntityBase>; found: KeyedEntities<EntityBase[]> }> {
  return Object.fromEntries(ENTITY_KINDS.map((kind) => [kind, { keyed: new KeyedEntities<EntityBase>(), found: new KeyedEntities<EntityBase[]>() }])) as Record<
    EntityKind,
    { keyed: KeyedEntities<EntityBase>; found: KeyedEntities<EntityBase[]> }
  >;
}
