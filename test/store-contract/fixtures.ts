/**
 * Entities for the store contract. The store treats an entity as its key (account, region, id),
 * its ordering and due-time fields, its index properties and an opaque JSON body, so these builders
 * set exactly those plus a nested payload that must round-trip unchanged.
 */
import type { EntityKind, EntityKinds, Pending } from "../../src/domain/entities.js";
import { TABLES } from "../../src/store/tables.js";

export const A1 = "111111111111";
export const A2 = "222222222222";
export const R1 = "us-east-1";
export const R2 = "eu-west-1";

/** A value of each index property that differs from `indexValue(…, 1)`. */
export function indexValue(kind: EntityKind, prop: string, variant: 0 | 1): string | boolean {
  if (kind === "vpcs" && prop === "isDefault") return variant === 1;
  return `${prop}-${variant}`;
}

export interface Spec {
  account?: string;
  region?: string;
  id: string;
  createdAt?: number;
  pending?: Pending;
  /** Index property values; unset ones take variant 0. */
  index?: Partial<Record<string, string | boolean>>;
}

export function entity<K extends EntityKind>(kind: K, spec: Spec): EntityKinds[K] {
  const e: Record<string, unknown> = {
    account: spec.account ?? A1,
    region: spec.region ?? R1,
    id: spec.id,
    createdAt: spec.createdAt ?? 1_000,
    ...(spec.pending ? { pending: spec.pending } : {}),
    // Opaque to the store: must come back exactly as written.
    payload: { name: `${kind}:${spec.id}`, tags: [{ Key: "k", Value: "v ü \"quoted\" <xml>" }], nested: { n: 1.5, ok: true, none: null } },
  };
  const nested = (TABLES[kind].nested ?? {}) as Readonly<Record<string, readonly string[] | undefined>>;
  for (const prop of Object.keys(TABLES[kind].columns)) {
    const value = spec.index?.[prop] ?? indexValue(kind, prop, 0);
    const path = nested[prop];
    if (path === undefined) {
      e[prop] = value;
      continue;
    }
    // A property held inside the entity (an endpoint's network interface): set where the store reads it.
    let at = e;
    for (const key of path.slice(0, -1)) at = (at[key] ??= {}) as Record<string, unknown>;
    at[path[path.length - 1]!] = value;
  }
  return e as unknown as EntityKinds[K];
}

/**
 * Index values that keep entities sharing `prop` apart on the kind's unique names: security-group
 * names are unique per VPC regardless of case, so groups sharing a VPC get distinct names and
 * groups sharing a name get distinct VPCs.
 */
export function apartFromUniqueNames(kind: EntityKind, prop: string, id: string): Record<string, string> {
  if (kind !== "securityGroups") return {};
  return prop === "groupName" ? { vpcId: `vpc-${id}` } : { groupName: `group-${id}` };
}

/** Lets every other pending callback run: gives concurrent transactions every chance to interleave. */
export const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
