/**
 * The store interface: what domain/ may ask of persistence. One implementation per backend
 * (store/sqlite today; PostgreSQL shares the same table definitions, store/tables.ts), one contract
 * test suite for all of them (test/store-contract/).
 *
 * Every operation runs in exactly one `transact` call: all its reads and writes commit together or
 * not at all. Filters and index columns are named by entity property, never by SQL column.
 */
import type { EntityBase, EntityKind, EntityKinds, Scope } from "../domain/entities.js";

/** The entity properties each kind can be filtered on (and that the backend indexes). */
export interface IndexColumns {
  vpcs: "isDefault";
  subnets: "vpcId" | "availabilityZone";
  securityGroups: "vpcId" | "groupName";
  subnetGroups: "vpcId";
  clusters: "subnetGroupName" | "status";
  authorizations: "clusterId" | "grantee" | "status";
  endpoints: "clusterOwner" | "clusterId" | "vpcId" | "subnetGroupName" | "status";
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

export interface Repo<E extends EntityBase, C extends string> {
  get(scope: Scope, id: string): Promise<E | undefined>;
  /**
   * Like `get`, and the row stays locked until the transaction ends (SELECT … FOR UPDATE where the
   * backend has row locks). Quota checks lock the parent row first.
   */
  getForUpdate(scope: Scope, id: string): Promise<E | undefined>;
  /** Throws `DuplicateKeyError` when (account, region, id) exists. */
  insert(entity: E): Promise<void>;
  update(entity: E): Promise<void>;
  remove(scope: Scope, id: string): Promise<boolean>;
  /** Matching entities in stable order, at most `limit`; costs O(limit) with an index on the filter. */
  find(filter: Filter<C>, page?: PageRequest): Promise<E[]>;
  count(filter: Filter<C>): Promise<number>;
  /** Entities whose pending transition is due at `now`, earliest first. */
  due(now: number, limit: number): Promise<E[]>;
}

export type Repos = { readonly [K in EntityKind]: Repo<EntityKinds[K], IndexColumns[K]> };

export interface Tx extends Repos {
  /**
   * True when some lifecycle transition (clusters or endpoints) is due at `now`: one cheap probe
   * every request makes before settling, so the common case costs a single indexed lookup.
   */
  anyDue(now: number): Promise<boolean>;
}

export type Snapshot = { [K in EntityKind]: EntityKinds[K][] };

export interface Store {
  /** `sqlite` (file), `memory`, or `postgres`. */
  readonly kind: "sqlite" | "memory" | "postgres";
  /** Human-readable location (path or URL without password), for /health and logs. */
  readonly location: string;
  transact<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Every entity of every account and region. */
  snapshot(): Promise<Snapshot>;
  /** Deletes all state. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

export class DuplicateKeyError extends Error {
  override readonly name = "DuplicateKeyError";
}

export function cursorOf(e: EntityBase): Cursor {
  return { createdAt: e.createdAt, account: e.account, id: e.id };
}
