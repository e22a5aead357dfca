/**
 * The store interface: what domain/ may ask of persistence. One implementation per backend
 * (store/sqlite, store/postgres; both share the logical table definitions, store/tables.ts), one contract
 * test suite for all of them (test/store-contract/).
 *
 * Every mutating operation runs in one `transact` call: all its reads and writes commit together or
 * not at all. Read-only operations run in `read`, which never takes the write lock. A backend may
 * run a transaction's function more than once (lock contention, serialization failures): the
 * function must be a pure "do it from scratch" closure whose only side effects go through `tx`.
 * Filters and index columns are named by entity property, never by SQL column.
 */
import type { EntityBase, EntityKind, EntityKinds, Scope } from "../domain/entities.js";

/** The entity properties each kind can be filtered on (and that the backend indexes). */
export interface IndexColumns {
  vpcs: "isDefault";
  subnets: "vpcId" | "availabilityZone";
  securityGroups: "vpcId" | "groupName";
  subnetGroups: "vpcId";
  clusters: "subnetGroupName" | "status" | "parameterGroupName" | "snapshotScheduleIdentifier";
  authorizations: "clusterId" | "grantee" | "status";
  /** `subnetId` and `privateIpAddress`: the endpoint's network interface's (tables.ts `nested`). */
  endpoints: "clusterOwner" | "clusterId" | "vpcId" | "subnetGroupName" | "status" | "subnetId" | "privateIpAddress";
  parameterGroups: "family";
  usageLimits: "clusterId" | "featureType";
  authenticationProfiles: never;
  snapshotSchedules: never;
  scheduledActions: "clusterId";
  snapshots: "clusterIdentifier" | "snapshotType" | "status";
  snapshotGrants: "snapshotId" | "grantee";
}

/**
 * Numeric measures a kind can be summed by (`Repo.sum`): derived from the entity when it is
 * written, stored in an indexed column, so a quota is checked by one SQL aggregate instead of
 * reading every entity of the account.
 */
export interface Measures {
  vpcs: never;
  subnets: never;
  securityGroups: never;
  subnetGroups: never;
  /** Nodes a cluster holds against the nodes-per-account quota: the larger of its size and a pending resize. */
  clusters: "nodesInUse";
  authorizations: never;
  endpoints: never;
  parameterGroups: never;
  usageLimits: never;
  authenticationProfiles: never;
  snapshotSchedules: never;
  scheduledActions: never;
  snapshots: never;
  snapshotGrants: never;
}

export type FilterValue = string | number | boolean;

/** Equality filters, AND-ed; `undefined` values are ignored. */
export type Filter<C extends string> = {
  account?: string | undefined;
  region?: string | undefined;
  id?: string | undefined;
} & { [K in C]?: FilterValue | undefined };

/** Position in the stable order (creation time, then account, then id). */
export interface Cursor {
  readonly createdAt: number;
  readonly account: string;
  readonly id: string;
}

export interface PageRequest {
  /** Return records strictly after this position. */
  readonly after?: Cursor | undefined;
  readonly limit?: number | undefined;
}

export interface Repo<E extends EntityBase, C extends string, M extends string = never> {
  get(scope: Scope, id: string): Promise<E | undefined>;
  /**
   * `get` of each id in one partition, answered in the order of `ids` (undefined where there is no
   * such row); one statement where a statement is a round trip.
   */
  getMany(scope: Scope, ids: readonly string[]): Promise<(E | undefined)[]>;
  /**
   * Like `get`, and the row stays locked until the transaction ends (SELECT … FOR UPDATE where the
   * backend has row locks). Quota checks lock the parent row first.
   */
  getForUpdate(scope: Scope, id: string): Promise<E | undefined>;
  /**
   * Like `getForUpdate` (the row stays locked), but the entity is the shared, deep-frozen one
   * (store/decoded.ts), not a copy of its own: for a caller that only reads the locked row.
   */
  getForUpdateShared(scope: Scope, id: string): Promise<E | undefined>;
  /** Throws `DuplicateKeyError` when (account, region, id) exists. */
  insert(entity: E): Promise<void>;
  /**
   * Replaces the stored entity with the same (account, region, id); never inserts. Resolves false
   * when no such row exists (it was removed meanwhile): callers that settle a transition use it
   * to apply the transition only once.
   */
  update(entity: E): Promise<boolean>;
  /** Resolves true when a row was removed (false: it was already gone). */
  remove(scope: Scope, id: string): Promise<boolean>;
  /** Matching entities in stable order, at most `limit`; costs O(limit) with an index on the filter. */
  find(filter: Filter<C>, page?: PageRequest): Promise<E[]>;
  count(filter: Filter<C>): Promise<number>;
  /** The sum of `measure` over the matching entities (0 when none match); one aggregate query. */
  sum(filter: Filter<C>, measure: M): Promise<number>;
  /**
   * The value of the indexed property `prop` of each matching entity, in no particular order: one
   * query that reads the index, not the entities (no entity is decoded). For text and number
   * properties (a boolean comes back as the backend stores it).
   */
  values(filter: Filter<C>, prop: C): Promise<FilterValue[]>;
  /** Entities whose pending transition is due at `now`, earliest first. */
  due(now: number, limit: number): Promise<E[]>;
}

export type Repos = { readonly [K in EntityKind]: Repo<EntityKinds[K], IndexColumns[K], Measures[K]> };

export interface Tx extends Repos {
  /**
   * True when some lifecycle transition (clusters, endpoints, snapshots), automated snapshot, snapshot expiry or scheduled action is due at `now`: one cheap probe
   * every request makes before settling, so the common case costs a single indexed lookup.
   */
  anyDue(now: number): Promise<boolean>;
  /**
   * True when this transaction has written a row due at or before `now` since its last `anyDue`
   * (a write's due times are noted as it writes them; false in a read). Settling asks it after a
   * pass that read every due row: only a row it made due meanwhile needs another pass.
   */
  wroteDueBy(now: number): boolean;
}

export type Snapshot = { [K in EntityKind]: EntityKinds[K][] };

/**
 * How a backend retries an operation that met a lock held by another process (SQLite) or a
 * serialization failure (PostgreSQL): the whole transaction function runs again after a backoff.
 */
export interface RetryPolicy {
  /** Total time one operation may spend retrying, from its first attempt. */
  readonly budgetMs: number;
  /** Attempts in total, the first included. */
  readonly maxAttempts: number;
  /** Backoff before the second attempt; doubles each time up to `maxDelayMs`, with full jitter. */
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
}

export interface RetryEvent {
  readonly mode: "read" | "write";
  /** The attempt that failed (1 = the first). */
  readonly attempt: number;
  /** The backoff before the next attempt. */
  readonly delayMs: number;
}

/**
 * What the caller already knows about a transaction, so a backend can save a round trip: `now` is
 * the time the function will pass to `tx.anyDue` first (a PostgreSQL store asks it together with
 * BEGIN). Optional: every backend answers the same without it.
 */
export interface TransactionHint {
  readonly now?: number | undefined;
}

/** Whether the store can take writes; `problem` says why not, for /health and the logs. */
export type StoreHealth = { readonly ok: true } | { readonly ok: false; readonly problem: string };

export interface Store {
  /** `sqlite` (file), `memory`, or `postgres`. */
  readonly kind: "sqlite" | "memory" | "postgres";
  /** Human-readable location (path or URL without password), for /health and logs. */
  readonly location: string;
  /**
   * A read-write transaction. On lock contention the whole of `fn` is run again in a new
   * transaction (bounded; past the bound the call rejects with the catalogue's `Throttling`).
   */
  transact<T>(fn: (tx: Tx) => Promise<T>, hint?: TransactionHint): Promise<T>;
  /**
   * A read-only transaction: one consistent view, never the write lock, so it neither waits for
   * writers (in this process or another) nor blocks them. `insert`, `update`, `remove` and
   * `getForUpdate` reject with `ReadOnlyTransactionError`.
   */
  read<T>(fn: (tx: Tx) => Promise<T>, hint?: TransactionHint): Promise<T>;
  /** Cheap; called by /health. */
  health(): StoreHealth;
  /** Every entity of every account and region (a read transaction). */
  snapshot(): Promise<Snapshot>;
  /**
   * A cheap value (O(1), no table read) that differs from the previous call's whenever any write
   * was committed to the database since, by this store or another process or instance; it may also
   * differ when nothing relevant changed. The web console polls it before reading a snapshot. Both
   * backends have it; a wrapper (tests) may leave it out, and the console then reads a snapshot
   * every poll.
   */
  changeMarker?(): Promise<string>;
  /** Deletes all state. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

export class DuplicateKeyError extends Error {
  override readonly name = "DuplicateKeyError";
}

/**
 * A write (or a row lock) was attempted in a `read` transaction. A bug if it escapes (a 500, like
 * every error that is not an AwsError); the pipeline
 * catches it to run a read-only operation that must create something on first use (an account's
 * default VPC) again as a write.
 */
export class ReadOnlyTransactionError extends Error {
  override readonly name = "ReadOnlyTransactionError";
}

export function cursorOf(e: EntityBase): Cursor {
  return { createdAt: e.createdAt, account: e.account, id: e.id };
}

/**
 * The same transaction with every write refused: what `read` hands to its function, whatever the
 * backend (the backend also opens the transaction read-only where it can).
 */
export function readOnlyTx(tx: Tx): Tx {
  const view = { anyDue: (now: number) => tx.anyDue(now), wroteDueBy: () => false } as Record<string, unknown>;
  for (const kind of Object.keys(tx) as (keyof Tx)[]) {
    if (kind === "anyDue" || kind === "wroteDueBy") continue;
    view[kind] = readOnlyRepo(kind, tx[kind]);
  }
  return view as unknown as Tx;
}

/** One repo with every write refused (`readOnlyTx`, or a backend that builds its repos on first use). */
export function readOnlyRepo(kind: string, repo: Repo<EntityBase, string, string>): Repo<EntityBase, string, string> {
  return new ReadOnlyRepo(kind, repo);
}

/** Its methods live on the prototype: a read makes one object per repo it uses, not ten closures. */
class ReadOnlyRepo implements Repo<EntityBase, string, string> {
  readonly #kind: string;
  readonly #repo: Repo<EntityBase, string, string>;

  constructor(kind: string, repo: Repo<EntityBase, string, string>) {
    this.#kind = kind;
    this.#repo = repo;
  }

  get(scope: Scope, id: string): Promise<EntityBase | undefined> {
    return this.#repo.get(scope, id);
  }
  getMany(scope: Scope, ids: readonly string[]): Promise<(EntityBase | undefined)[]> {
    return this.#repo.getMany(scope, ids);
  }
  find(filter: Filter<string>, page?: PageRequest): Promise<EntityBase[]> {
    return this.#repo.find(filter, page);
  }
  count(filter: Filter<string>): Promise<number> {
    return this.#repo.count(filter);
  }
  values(filter: Filter<string>, prop: string): Promise<FilterValue[]> {
    return this.#repo.values(filter, prop);
  }
  sum(filter: Filter<string>, measure: string): Promise<number> {
    return this.#repo.sum(filter, measure);
  }
  due(now: number, limit: number): Promise<EntityBase[]> {
    return this.#repo.due(now, limit);
  }
  getForUpdate(): Promise<never> {
    return this.#refuse("getForUpdate");
  }
  getForUpdateShared(): Promise<never> {
    return this.#refuse("getForUpdateShared");
  }
  insert(): Promise<never> {
    return this.#refuse("insert");
  }
  update(): Promise<never> {
    return this.#refuse("update");
  }
  remove(): Promise<never> {
    return this.#refuse("remove");
  }
  async #refuse(what: string): Promise<never> {
    throw new ReadOnlyTransactionError(`${what} of ${this.#kind} in a read-only transaction`);
  }
}
