/**
 * Logical table definitions shared by every SQL backend: one table per entity kind, with the
 * partition key (account, region, id), the ordering column, the due-time column, one column per
 * index property, one per summable measure, and the entity itself as JSON text in `body`. These are
 * the *persisted rows*; `rowToEntity` and `entityToRow` are the only mappers between rows and
 * domain entities. Each backend has its own dialect of the schema (sqlite/migrations.ts,
 * postgres/migrations.ts) and binds these logical values its own way (SQLite: booleans as 0/1).
 */
import { nodesInUse } from "../domain/clusters/nodes.js";
import type { Cluster, EntityBase, EntityKind } from "../domain/entities.js";
import type { FilterValue, IndexColumns, Measures } from "./store.js";

export interface MeasureSpec {
  readonly column: string;
  readonly value: (entity: EntityBase) => number;
}

export interface TableSpec<K extends EntityKind> {
  readonly kind: K;
  readonly table: string;
  /** Entity property → SQL column, for each filterable property. */
  readonly columns: Readonly<Record<IndexColumns[K], string>>;
  /**
   * Filterable properties held inside the entity rather than at its top level: the path to each
   * (the rest of `columns` are read as `entity[prop]`).
   */
  readonly nested?: Readonly<Partial<Record<IndexColumns[K], readonly string[]>>>;
  /** Measure → its column and how it is derived from the entity, for `Repo.sum`. */
  readonly measures: Readonly<Record<Measures[K], MeasureSpec>>;
  /**
   * Rows counted per (account, region, `by`) in a table of their own that the database keeps
   * (triggers on insert, delete and a change of key, in both schemas' migrations): `Repo.count`
   * filtered by exactly those three reads one row, however many rows there are.
   */
  readonly counted?: { readonly by: IndexColumns[K]; readonly table: string };
}

const none = {} as Readonly<Record<never, MeasureSpec>>;


export const TABLES: { readonly [K in EntityKind]: TableSpec<K> } = {
  vpcs: { kind: "vpcs", table: "vpcs", columns: { isDefault: "is_default" }, measures: none },
  subnets: { kind: "subnets", table: "subnets", columns: { vpcId: "vpc_id", availabilityZone: "availability_zone" }, measures: none },
  securityGroups: { kind: "securityGroups", table: "security_groups", columns: { vpcId: "vpc_id", groupName: "group_name" }, measures: none },
  subnetGroups: { kind: "subnetGroups", table: "subnet_groups", columns: { vpcId: "vpc_id" }, measures: none },
  clusters: {
    kind: "clusters",
    table: "clusters",
    columns: {
      subnetGroupName: "subnet_group_name",
      status: "status",
      parameterGroupName: "parameter_group_name",
      snapshotScheduleIdentifier: "snapshot_schedule_identifier",
    },
    measures: { nodesInUse: { column: "nodes_in_use", value: (e) => nodesInUse(e as Cluster) } },
  },
  authorizations: {
    kind: "authorizations",
    table: "authorizations",
    columns: { clusterId: "cluster_id", grantee: "grantee", status: "status" },
    measures: none,
    // The grants-per-cluster quota counts a cluster's grants on every AuthorizeEndpointAccess.
    counted: { by: "clusterId", table: "authorization_counts" },
  },
  endpoints: {
    kind: "endpoints",
    table: "endpoints",
    columns: {
      clusterOwner: "cluster_owner",
      clusterId: "cluster_id",
      vpcId: "vpc_id",
      subnetGroupName: "subnet_group_name",
      status: "status",
      subnetId: "subnet_id",
      privateIpAddress: "private_ip",
    },
    // Placement finds the addresses taken in a subnet from the index, not from every endpoint's body.
    nested: { subnetId: ["networkInterface", "subnetId"], privateIpAddress: ["networkInterface", "privateIpAddress"] },
    measures: none,
  },
  parameterGroups: { kind: "parameterGroups", table: "parameter_groups", columns: { family: "family" }, measures: none },
  usageLimits: { kind: "usageLimits", table: "usage_limits", columns: { clusterId: "cluster_id", featureType: "feature_type" }, measures: none },
  authenticationProfiles: { kind: "authenticationProfiles", table: "authentication_profiles", columns: {}, measures: none },
  snapshotSchedules: { kind: "snapshotSchedules", table: "snapshot_schedules", columns: {}, measures: none },
  scheduledActions: { kind: "scheduledActions", table: "scheduled_actions", columns: { clusterId: "cluster_id" }, measures: none },
  snapshots: {
    kind: "snapshots",
    table: "snapshots",
    columns: { clusterIdentifier: "cluster_identifier", snapshotType: "snapshot_type", status: "status" },
    measures: none,
  },
  snapshotGrants: { kind: "snapshotGrants", table: "snapshot_grants", columns: { snapshotId: "snapshot_id", grantee: "grantee" }, measures: none },
};

export const ENTITY_KINDS = Object.keys(TABLES) as EntityKind[];

/**
 * The tables whose rows carry due times settle acts on (lifecycle transitions, scheduled actions,
 * snapshots being taken or expiring): the stores' "anything due?" probe reads exactly these, and
 * src/domain/settle.ts reads the same kinds.
 */
export const DUE_TABLES: readonly string[] = (["clusters", "endpoints", "scheduledActions", "snapshots"] as const).map((k) => TABLES[k].table);

/** The place of a kind's table in DUE_TABLES (its column in a due probe), or -1 for a kind nothing of falls due. */
export function dueTableIndex(kind: EntityKind): number {
  return DUE_TABLES.indexOf(TABLES[kind].table);
}

/**
 * What a store knows, within a write, of when a due table's rows fall due, so that settling reads
 * only the tables where something may be due (src/domain/settle.ts asks `anyDue` first).
 */
export interface DueBound {
  /** Hears every due time the repo writes. */
  note(dueAt: number): void;
  /** False when nothing in the table can be due at `now`: `due` then runs no statement. */
  mayBeDue(now: number): boolean;
}

/** For a table settling does not read, or a store that knows nothing: every `due` asks the table. */
export const NO_BOUND: DueBound = { note: () => undefined, mayBeDue: () => true };

export type SqlValue = string | number | boolean | null;

/** The persisted row of any table, with logical values (each backend binds booleans its own way). */
export interface Row {
  account: string;
  region: string;
  id: string;
  created_at: number;
  due_at: number | null;
  body: string;
  [column: string]: SqlValue;
}

export function toSqlValue(v: unknown): SqlValue {
  if (v === undefined || v === null) return null;
  if (typeof v === "boolean" || typeof v === "number" || typeof v === "string") return v;
  return JSON.stringify(v);
}

const columnLists = new WeakMap<TableSpec<EntityKind>, readonly string[]>();

/** Every column of a kind's table, key first, body last: the insert column list (one list per table, shared). */
export function columnsOf(spec: TableSpec<EntityKind>): readonly string[] {
  let columns = columnLists.get(spec);
  if (columns === undefined) {
    const measures = Object.values<MeasureSpec>(spec.measures).map((m) => m.column);
    columns = Object.freeze(["account", "region", "id", "created_at", "due_at", ...Object.values<string>(spec.columns), ...measures, "body"]);
    columnLists.set(spec, columns);
  }
  return columns;
}

/** The SQL column of a filterable property (or of the key), or an Error naming the property. */
export function filterColumn(spec: TableSpec<EntityKind>, prop: string): string {
  const column = prop === "account" || prop === "region" || prop === "id" ? prop : (spec.columns as Record<string, string>)[prop];
  if (column === undefined) throw new Error(`${spec.kind} cannot be filtered by ${prop}`);
  return column;
}

/**
 * The kept count that answers `count(filter)`: its table, its column for the counted property and
 * the key to look up, when the filter is exactly account, region and that property; else undefined.
 */
export function countedBy(
  spec: TableSpec<EntityKind>,
  filter: Readonly<Record<string, FilterValue | undefined>>,
): { readonly table: string; readonly column: string; readonly key: [string, string, SqlValue] } | undefined {
  const counted = spec.counted;
  if (counted === undefined) return undefined;
  let given = 0;
  for (const prop in filter) if (filter[prop] !== undefined) given++;
  const { account, region } = filter;
  const value = filter[counted.by];
  if (given !== 3 || typeof account !== "string" || typeof region !== "string" || value === undefined) return undefined;
  return { table: counted.table, column: filterColumn(spec, counted.by), key: [account, region, toSqlValue(value)] };
}

export function measureColumn(spec: TableSpec<EntityKind>, measure: string): string {
  const m = (spec.measures as Record<string, MeasureSpec>)[measure];
  if (m === undefined) throw new Error(`${spec.kind} cannot be summed by ${measure}`);
  return m.column;
}

export function entityToRow<K extends EntityKind>(spec: TableSpec<K>, e: EntityBase): Row {
  const row: Row = {
    account: e.account,
    region: e.region,
    id: e.id,
    created_at: e.createdAt,
    due_at: e.pending?.at ?? e.dueAt ?? null,
    body: JSON.stringify(e),
  };
  const record = e as unknown as Record<string, unknown>;
  const columns = spec.columns as Readonly<Record<string, string>>;
  const nested = spec.nested as Readonly<Record<string, readonly string[] | undefined>> | undefined;
  for (const prop in columns) {
    const path = nested?.[prop];
    row[columns[prop]!] = toSqlValue(path === undefined ? record[prop] : valueAt(record, path));
  }
  const measures = spec.measures as Readonly<Record<string, MeasureSpec>>;
  for (const name in measures) {
    const m = measures[name]!;
    const value = m.value(e);
    row[m.column] = Number.isFinite(value) ? value : 0; // an entity without the property holds nothing
  }
  return row;
}

/** What `record` holds at `path` (undefined where the path ends early). */
function valueAt(record: unknown, path: readonly string[]): unknown {
  let at = record;
  for (const key of path) at = typeof at === "object" && at !== null ? (at as Record<string, unknown>)[key] : undefined;
  return at;
}

export function rowToEntity<E>(row: { body: string }): E {
  return JSON.parse(row.body) as E;
}
