/**
 * Table definitions shared by every SQL backend: one table per entity kind, with the partition key
 * (account, region, id), the ordering column, the due-time column, one column per index property,
 * and the entity itself as JSON in `body`. These are the *persisted rows*; `rowToEntity` and
 * `entityToRow` are the only mappers between rows and domain entities.
 */
import type { EntityBase, EntityKind } from "../domain/entities.js";
import type { IndexColumns } from "./store.js";

export interface TableSpec<K extends EntityKind> {
  readonly kind: K;
  readonly table: string;
  /** Entity property → SQL column, for each filterable property. */
  readonly columns: Readonly<Record<IndexColumns[K], string>>;
}

export const TABLES: { readonly [K in EntityKind]: TableSpec<K> } = {
  vpcs: { kind: "vpcs", table: "vpcs", columns: { isDefault: "is_default" } },
  subnets: { kind: "subnets", table: "subnets", columns: { vpcId: "vpc_id", availabilityZone: "availability_zone" } },
  securityGroups: { kind: "securityGroups", table: "security_groups", columns: { vpcId: "vpc_id", groupName: "group_name" } },
  subnetGroups: { kind: "subnetGroups", table: "subnet_groups", columns: { vpcId: "vpc_id" } },
  clusters: { kind: "clusters", table: "clusters", columns: { subnetGroupName: "subnet_group_name", status: "status" } },
  authorizations: {
    kind: "authorizations",
    table: "authorizations",
    columns: { clusterId: "cluster_id", grantee: "grantee", status: "status" },
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
    },
  },
};

export const ENTITY_KINDS = Object.keys(TABLES) as EntityKind[];

/** The persisted row of any table. */
export interface Row {
  account: string;
  region: string;
  id: string;
  created_at: number;
  due_at: number | null;
  body: string;
  [column: string]: string | number | null;
}

export function toSqlValue(v: unknown): string | number | null {
  if (v === undefined || v === null) return null;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "number" || typeof v === "string") return v;
  return JSON.stringify(v);
}

export function entityToRow<K extends EntityKind>(spec: TableSpec<K>, e: EntityBase): Row {
  const row: Row = {
    account: e.account,
    region: e.region,
    id: e.id,
    created_at: e.createdAt,
    due_at: e.pending?.at ?? null,
    body: JSON.stringify(e),
  };
  const record = e as unknown as Record<string, unknown>;
  for (const [prop, column] of Object.entries<string>(spec.columns)) row[column] = toSqlValue(record[prop]);
  return row;
}

export function rowToEntity<E>(row: { body: string }): E {
  return JSON.parse(row.body) as E;
}
