/**
 * The console's view model: what the page draws, built from a store snapshot. Pure (no store, no
 * HTTP, no timers), so it is unit-tested on plain data.
 *
 * Resource kinds are read generically: every kind of the snapshot becomes a list of records (the
 * entity as stored, plus a few derived fields the page shows), in a known order first and any other
 * kind after it, so a kind added to the store (snapshots, …) appears on the page without a change
 * here. The page renders every string with textContent, so nothing is escaped here.
 */
import { availabilityStatus } from "../../domain/clusters/status.js";
import type { Cluster, EntityBase } from "../../domain/entities.js";
import { clusterAddress } from "../../services/redshift/clusters/shapes.js";

/** One resource as the page sees it: the stored entity and derived fields (all JSON-safe). */
export type ConsoleRecord = Record<string, unknown> & { readonly account: string; readonly region: string; readonly id: string };

export interface ConsoleKind {
  readonly kind: string;
  readonly label: string;
  readonly records: readonly ConsoleRecord[];
}

export interface ConsoleModel {
  /** The emulator's clock when the snapshot was read (ISO 8601). */
  readonly time: string;
  /** Every region and account that holds at least one resource, sorted. */
  readonly regions: readonly string[];
  readonly accounts: readonly string[];
  readonly kinds: readonly ConsoleKind[];
}

/** Kinds in the order the page lists them; others follow alphabetically. */
const KNOWN: readonly (readonly [string, string])[] = [
  ["clusters", "Clusters"],
  ["authorizations", "Endpoint authorizations (grants)"],
  ["endpoints", "Redshift-managed VPC endpoints"],
  ["snapshots", "Snapshots"],
  ["subnetGroups", "Cluster subnet groups"],
  ["vpcs", "VPCs"],
  ["subnets", "Subnets"],
  ["securityGroups", "Security groups"],
  ["parameterGroups", "Parameter groups"],
  ["scheduledActions", "Scheduled actions"],
  ["snapshotSchedules", "Snapshot schedules"],
  ["usageLimits", "Usage limits"],
  ["authenticationProfiles", "Authentication profiles"],
];
const LABELS = new Map(KNOWN);
const ORDER = new Map(KNOWN.map(([kind], i) => [kind, i]));

/** `snapshotCopyGrants` → `Snapshot copy grants`. */
export function labelOf(kind: string): string {
  const known = LABELS.get(kind);
  if (known !== undefined) return known;
  const words = kind.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function isEntity(value: unknown): value is EntityBase {
  if (typeof value !== "object" || value === null) return false;
  const e = value as Record<string, unknown>;
  return typeof e["account"] === "string" && typeof e["region"] === "string" && typeof e["id"] === "string";
}

/** Derived fields the page shows next to the stored ones. */
function derive(kind: string, entity: EntityBase): ConsoleRecord {
  const record: ConsoleRecord = { ...(entity as unknown as ConsoleRecord) };
  if (kind === "clusters") {
    const cluster = entity as Cluster;
    if (typeof cluster.status === "string") record["availabilityStatus"] = availabilityStatus(cluster.status);
    record["endpointAddress"] = clusterAddress(cluster);
  }
  if (kind === "authorizations") record["grantor"] = entity.account;
  return record;
}

function byPosition(a: ConsoleRecord, b: ConsoleRecord): number {
  return a.region < b.region ? -1 : a.region > b.region ? 1 : a.account < b.account ? -1 : a.account > b.account ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function buildConsoleModel(snapshot: Readonly<Record<string, readonly unknown[]>>, now: number): ConsoleModel {
  const regions = new Set<string>();
  const accounts = new Set<string>();
  const kinds: ConsoleKind[] = [];
  for (const [kind, list] of Object.entries(snapshot)) {
    if (!Array.isArray(list)) continue;
    const records = list.filter(isEntity).map((e) => derive(kind, e));
    records.sort(byPosition);
    for (const r of records) {
      regions.add(r.region);
      accounts.add(r.account);
      // A grant's grantee is an account of the picture even before it owns anything.
      if (kind === "authorizations" && typeof r["grantee"] === "string") accounts.add(r["grantee"]);
    }
    kinds.push({ kind, label: labelOf(kind), records });
  }
  kinds.sort((a, b) => (ORDER.get(a.kind) ?? KNOWN.length) - (ORDER.get(b.kind) ?? KNOWN.length) || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
  return { time: new Date(now).toISOString(), regions: [...regions].sort(), accounts: [...accounts].sort(), kinds };
}

/** A change of one resource between two models, for the timeline. */
export interface Transition {
  readonly kind: string;
  readonly account: string;
  readonly region: string;
  readonly id: string;
  /** `null`: the resource appeared (from) or is gone (to). */
  readonly from: string | null;
  readonly to: string | null;
}

/** A record's state as the timeline names it: its status, else "present". */
function stateOf(record: ConsoleRecord): string {
  return typeof record["status"] === "string" ? record["status"] : "present";
}

/**
 * The resources that appeared, disappeared or changed status from `before` to `after`, at most
 * `limit` of them (a reset of a large store is one line per resource otherwise).
 */
export function transitionsBetween(before: ConsoleModel, after: ConsoleModel, limit: number): Transition[] {
  const old = new Map<string, ConsoleRecord>();
  for (const k of before.kinds) for (const r of k.records) old.set(`${k.kind}\u0000${r.region}\u0000${r.account}\u0000${r.id}`, r);
  const out: Transition[] = [];
  const push = (t: Transition) => {
    if (out.length < limit) out.push(t);
  };
  for (const k of after.kinds) {
    for (const r of k.records) {
      const key = `${k.kind}\u0000${r.region}\u0000${r.account}\u0000${r.id}`;
      const was = old.get(key);
      old.delete(key);
      const to = stateOf(r);
      const from = was === undefined ? null : stateOf(was);
      if (from !== to) push({ kind: k.kind, account: r.account, region: r.region, id: r.id, from, to });
    }
  }
  for (const [key, r] of old) push({ kind: key.slice(0, key.indexOf("\u0000")), account: r.account, region: r.region, id: r.id, from: stateOf(r), to: null });
  return out;
}
