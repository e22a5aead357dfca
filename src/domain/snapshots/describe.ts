/**
 * DescribeClusterSnapshots (https://docs.aws.amazon.com/redshift/latest/APIReference/API_DescribeClusterSnapshots.html):
 * the caller's snapshots matching every filter given, a page at a time (docs/differences-from-aws.md,
 * Snapshots).
 *
 * - SnapshotIdentifier or SnapshotArn naming no snapshot of the caller: `ClusterSnapshotNotFound`.
 * - ClusterIdentifier naming neither a cluster nor the source cluster of any snapshot: `ClusterNotFound`
 *   (snapshots of a deleted cluster stay listed under its identifier).
 * - SnapshotType `manual` or `automated`; StartTime/EndTime bound SnapshotCreateTime (inclusive);
 *   TagKeys/TagValues as every Describe call; ClusterExists keeps the snapshots whose cluster exists
 *   (true) or is gone (false); SortingEntities orders by SOURCE_TYPE, TOTAL_SIZE or CREATE_TIME.
 * - OwnerAccount: absent or the caller's own account lists the caller's snapshots (AWS's default);
 *   another account lists that account's snapshots shared with the caller
 *   (domain/snapshot-sharing/shared.ts), and a SnapshotArn of another account names one of them. A
 *   snapshot not shared with the caller does not exist for it. Tag filters never match a shared
 *   snapshot ("shared snapshots are not returned with the tag key and tag value request parameters").
 */
import type { DomainContext } from "../context.js";
import type { ClusterSnapshot } from "../entities.js";
import { ClusterNotFound, ClusterSnapshotNotFound, InvalidParameterCombination, InvalidParameterValue, InvalidTagFault } from "../errors.js";
import { decodeMarker, encodeMarker, pageSize, type Page } from "../pagination.js";
import { cursorOf } from "../../store/store.js";
import { clusterKey } from "../clusters/rules.js";
import { filteredFetch, matchesTags, type TagFilter } from "../clusters/tags.js";
import { snapshotsSharedWithCaller } from "../snapshot-sharing/shared.js";
import { snapshotKey } from "./rules.js";

export type SnapshotSortAttribute = "SOURCE_TYPE" | "TOTAL_SIZE" | "CREATE_TIME";

export interface DescribeClusterSnapshotsRequest extends TagFilter {
  ClusterIdentifier?: string | undefined;
  SnapshotIdentifier?: string | undefined;
  SnapshotArn?: string | undefined;
  SnapshotType?: string | undefined;
  StartTime?: number | undefined;
  EndTime?: number | undefined;
  MaxRecords?: number | undefined;
  Marker?: string | undefined;
  OwnerAccount?: string | undefined;
  ClusterExists?: boolean | undefined;
  SortingEntities?: { Attribute: string; SortOrder?: string | undefined }[] | undefined;
}

/** `arn:PARTITION:redshift:REGION:ACCOUNT:snapshot:CLUSTER/SNAPSHOT`, split; undefined when malformed. */
export function parseSnapshotArn(arn: string): { region: string; account: string; cluster: string; snapshot: string } | undefined {
  const m = /^arn:[a-z-]+:redshift:([a-z0-9-]+):(\d{12}):snapshot:([^/]+)\/(.+)$/.exec(arn);
  return m ? { region: m[1]!, account: m[2]!, cluster: m[3]!, snapshot: m[4]! } : undefined;
}

/**
 * Snapshots `ownerAccount` shared with the caller, for DescribeClusterSnapshots (none without an
 * owner: by default only the caller's own are listed). Every filter applies to them as to the caller's
 * own; a named identifier, ARN or cluster that only a shared snapshot matches is found.
 */
export async function sharedWithCaller(ctx: DomainContext, ownerAccount: string | undefined): Promise<ClusterSnapshot[]> {
  return snapshotsSharedWithCaller(ctx, ownerAccount);
}

const given = (s: string | undefined): s is string => s !== undefined && s !== "";

export async function describeClusterSnapshots(ctx: DomainContext, req: DescribeClusterSnapshotsRequest): Promise<Page<ClusterSnapshot>> {
  const size = pageSize(req.MaxRecords);
  if (req.SnapshotType !== undefined && req.SnapshotType !== "manual" && req.SnapshotType !== "automated") {
    throw new InvalidParameterValue(`Invalid value '${req.SnapshotType}' for SnapshotType: use manual or automated.`);
  }
  if (given(req.SnapshotIdentifier) && given(req.SnapshotArn)) {
    throw new InvalidParameterCombination("You can specify either SnapshotIdentifier or SnapshotArn, not both.");
  }
  for (const key of req.TagKeys ?? []) if (key === "") throw new InvalidTagFault("Tag keys in TagKeys must not be empty.");
  if (req.StartTime !== undefined && req.EndTime !== undefined && req.StartTime > req.EndTime) {
    throw new InvalidParameterValue("StartTime must not be later than EndTime.");
  }
  const sorting = checkSorting(req.SortingEntities);

  // What is asked for: an id (from SnapshotIdentifier or SnapshotArn), a cluster, an owner.
  let id: string | undefined;
  let owner = given(req.OwnerAccount) ? req.OwnerAccount : undefined;
  let arnCluster: string | undefined;
  if (given(req.SnapshotArn)) {
    const arn = parseSnapshotArn(req.SnapshotArn);
    if (!arn) throw new InvalidParameterValue(`Invalid value '${req.SnapshotArn}' for SnapshotArn.`);
    if (arn.region !== ctx.scope.region || (owner !== undefined && owner !== arn.account)) {
      throw new ClusterSnapshotNotFound(`Snapshot ${req.SnapshotArn} not found.`);
    }
    id = snapshotKey(arn.snapshot);
    owner = arn.account;
    arnCluster = arn.cluster.toLowerCase();
  }
  if (given(req.SnapshotIdentifier)) id = snapshotKey(req.SnapshotIdentifier);
  const clusterId = given(req.ClusterIdentifier) ? clusterKey(req.ClusterIdentifier) : undefined;
  const own = owner === undefined || owner === ctx.scope.account;

  const tagged = (req.TagKeys ?? []).length > 0 || (req.TagValues ?? []).length > 0;
  const shared = (own || tagged ? [] : await sharedWithCaller(ctx, owner)).filter(
    (s) =>
      (id === undefined || s.id === id) &&
      (clusterId === undefined || s.clusterIdentifier === clusterId) &&
      (arnCluster === undefined || s.clusterIdentifier === arnCluster) &&
      (req.SnapshotType === undefined || s.snapshotType === req.SnapshotType),
  );
  if (id !== undefined) {
    const mine = own ? await ctx.tx.snapshots.get(ctx.scope, id) : undefined;
    const matches = (s: ClusterSnapshot | undefined) =>
      s !== undefined && (clusterId === undefined || s.clusterIdentifier === clusterId) && (arnCluster === undefined || s.clusterIdentifier === arnCluster);
    if (!matches(mine) && shared.length === 0) throw new ClusterSnapshotNotFound(`Snapshot ${req.SnapshotArn ?? req.SnapshotIdentifier} not found.`);
  } else if (clusterId !== undefined && shared.length === 0) {
    const exists = own && (await ctx.tx.clusters.get(ctx.scope, clusterId)) !== undefined;
    if (!exists && (!own || (await ctx.tx.snapshots.count({ ...ctx.scope, clusterIdentifier: clusterId })) === 0)) {
      throw new ClusterNotFound(`Cluster ${req.ClusterIdentifier} not found.`);
    }
  }

  const filter = { account: ctx.scope.account, region: ctx.scope.region, id, clusterIdentifier: clusterId ?? arnCluster, snapshotType: req.SnapshotType };
  // ClusterExists: the partition's clusters, read once (the node quota bounds them). It filters the
  // caller's own snapshots; whether a shared snapshot's cluster exists is the sharing seam's to say.
  const existing =
    req.ClusterExists === undefined ? undefined : new Set((await ctx.tx.clusters.find({ account: ctx.scope.account, region: ctx.scope.region })).map((c) => c.id));
  const keep = (s: ClusterSnapshot): boolean =>
    (req.StartTime === undefined || s.createdAt >= req.StartTime) &&
    (req.EndTime === undefined || s.createdAt <= req.EndTime) &&
    matchesTags(s.tags, req) &&
    (existing === undefined || s.account !== ctx.scope.account || existing.has(s.clusterIdentifier) === req.ClusterExists);

  if (sorting.length === 0 && shared.length === 0) {
    if (!own) return { items: [] };
    const after = decodeMarker(req.Marker);
    const rows = await filteredFetch((page) => ctx.tx.snapshots.find(filter, page), keep)({ after, limit: size + 1 });
    const items = rows.slice(0, size);
    return rows.length > size ? { items, marker: encodeMarker(cursorOf(items[items.length - 1]!)) } : { items };
  }

  // Sorted (or merged with shared snapshots): the whole matching set, ordered, then a page of it.
  const all: ClusterSnapshot[] = [];
  if (own) all.push(...(await ctx.tx.snapshots.find(filter)).filter(keep));
  all.push(...shared.filter(keep));
  all.sort(compareBy(sorting));
  let start = 0;
  const after = decodeMarker(req.Marker);
  if (after !== undefined) {
    const at = all.findIndex((s) => s.createdAt === after.createdAt && s.account === after.account && s.id === after.id);
    if (at === -1) throw new InvalidParameterValue(`Invalid Marker '${req.Marker}'.`);
    start = at + 1;
  }
  const items = all.slice(start, start + size);
  return start + size < all.length ? { items, marker: encodeMarker(cursorOf(items[items.length - 1]!)) } : { items };
}

type Sorting = { attribute: SnapshotSortAttribute; descending: boolean }[];

function checkSorting(entities: DescribeClusterSnapshotsRequest["SortingEntities"]): Sorting {
  const out: Sorting = [];
  for (const e of entities ?? []) {
    if (e.Attribute !== "SOURCE_TYPE" && e.Attribute !== "TOTAL_SIZE" && e.Attribute !== "CREATE_TIME") {
      throw new InvalidParameterValue(`Invalid value '${e.Attribute}' for SortingEntities Attribute: use SOURCE_TYPE, TOTAL_SIZE or CREATE_TIME.`);
    }
    if (e.SortOrder !== undefined && e.SortOrder !== "ASC" && e.SortOrder !== "DESC") {
      throw new InvalidParameterValue(`Invalid value '${e.SortOrder}' for SortingEntities SortOrder: use ASC or DESC.`);
    }
    if (out.some((o) => o.attribute === e.Attribute)) {
      throw new InvalidParameterValue(`SortingEntities lists the attribute ${e.Attribute} more than once.`);
    }
    out.push({ attribute: e.Attribute, descending: e.SortOrder === "DESC" });
  }
  return out;
}

function compareBy(sorting: Sorting): (a: ClusterSnapshot, b: ClusterSnapshot) => number {
  const key = (s: ClusterSnapshot, attribute: SnapshotSortAttribute): string | number =>
    attribute === "SOURCE_TYPE" ? s.snapshotType : attribute === "TOTAL_SIZE" ? s.sizeMb : s.createdAt;
  return (a, b) => {
    for (const { attribute, descending } of sorting) {
      const x = key(a, attribute);
      const y = key(b, attribute);
      if (x !== y) return (x < y ? -1 : 1) * (descending ? -1 : 1);
    }
    // The stable order of the store: creation time, account, id.
    return a.createdAt - b.createdAt || (a.account < b.account ? -1 : a.account > b.account ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  };
}
