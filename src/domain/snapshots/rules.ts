/**
 * Snapshot rules shared by the snapshot operations, DeleteCluster's final snapshot and the automated
 * snapshots: identifier and retention checks, the configuration a snapshot records, its expiry, and
 * the manual-snapshot quota (docs/differences-from-aws.md, Snapshots).
 *
 * AWS documents (https://docs.aws.amazon.com/redshift/latest/APIReference/API_CreateClusterSnapshot.html):
 * identifiers are 1–255 letters, digits or hyphens, start with a letter, no two consecutive hyphens,
 * no trailing hyphen, unique per account (and region); ManualSnapshotRetentionPeriod is -1 (forever)
 * or 1–3,653 days (`InvalidRetentionPeriodFault`). Automated snapshots are named
 * `rs:CLUSTER-YYYY-MM-DD-HH-MM-SS` and kept AutomatedSnapshotRetentionPeriod days
 * (https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-snapshots.html).
 */
import type { DomainContext } from "../context.js";
import type { Cluster, ClusterSnapshot, SnapshotSource, SnapshotType, Tag } from "../entities.js";
import { ClusterSnapshotAlreadyExists, ClusterSnapshotNotFound, ClusterSnapshotQuotaExceeded, InvalidParameterValue, InvalidRetentionPeriodFault } from "../errors.js";
import { beginTransition } from "../lifecycle.js";
import { DuplicateKeyError } from "../../store/store.js";
import { nodeTypeSpec, NODE_TYPE_NAMES } from "../clusters/node-types.js";

export const DAY_MS = 86_400_000;

/** Snapshot identifiers: 1–255 letters, digits or hyphens, first a letter, no `--`, no trailing hyphen. */
export function checkSnapshotIdentifier(id: string, parameter = "SnapshotIdentifier"): void {
  if (id.length > 255 || !/^[A-Za-z](?:[A-Za-z0-9]|-(?=[A-Za-z0-9]))*$/.test(id)) {
    throw new InvalidParameterValue(
      `Invalid value '${id}' for parameter ${parameter}: it must contain 1 to 255 letters, digits or hyphens, ` +
        "start with a letter, and must not end with a hyphen or contain two consecutive hyphens.",
    );
  }
}

/** The stored id of a snapshot identifier (identifiers are case-insensitive, stored lower-cased). */
export function snapshotKey(identifier: string): string {
  return identifier.toLowerCase();
}

/** ManualSnapshotRetentionPeriod of the snapshot operations: -1 or 1–3,653 (`InvalidRetentionPeriodFault`). */
export function checkSnapshotRetention(days: number): void {
  if (days !== -1 && (days < 1 || days > 3653)) {
    throw new InvalidRetentionPeriodFault(
      `Invalid value ${days} for ManualSnapshotRetentionPeriod: the value must be either -1 or an integer between 1 and 3,653.`,
    );
  }
}

/** What the snapshot records of its cluster: everything a restore recreates. */
export function sourceOf(cluster: Cluster): SnapshotSource {
  return {
    clusterIdentifier: cluster.id,
    clusterCreateTime: cluster.createdAt,
    nodeType: cluster.nodeType,
    numberOfNodes: cluster.numberOfNodes,
    port: cluster.port,
    dbName: cluster.dbName,
    masterUsername: cluster.masterUsername,
    subnetGroupName: cluster.subnetGroupName,
    vpcId: cluster.vpcId,
    availabilityZone: cluster.availabilityZone,
    securityGroupIds: [...cluster.securityGroupIds],
    publiclyAccessible: cluster.publiclyAccessible,
    encrypted: cluster.encrypted,
    kmsKeyId: cluster.kmsKeyId,
    azRelocation: cluster.azRelocation,
    multiAz: cluster.multiAz,
    parameterGroupName: cluster.parameterGroupName,
    maintenanceTrackName: cluster.maintenanceTrackName,
    enhancedVpcRouting: cluster.enhancedVpcRouting,
    iamRoles: cluster.iamRoles.filter((arn) => cluster.iamRoleChanges?.[arn] !== "adding"),
    defaultIamRoleArn: cluster.defaultIamRoleArn,
    clusterVersion: cluster.clusterVersion,
    allowVersionUpgrade: cluster.allowVersionUpgrade,
    automatedSnapshotRetentionPeriod: cluster.automatedSnapshotRetentionPeriod,
    manualSnapshotRetentionPeriod: cluster.manualSnapshotRetentionPeriod,
    preferredMaintenanceWindow: cluster.preferredMaintenanceWindow,
    masterPasswordSecretArn: cluster.masterPasswordSecretArn,
    snapshotScheduleIdentifier: cluster.snapshotScheduleIdentifier,
    namespaceId: cluster.namespaceId,
  };
}

/**
 * TotalBackupSizeInMegaBytes: the emulator holds no data, so a snapshot holds what an empty cluster's
 * system tables take, 32 MB per node (docs/differences-from-aws.md, Snapshots).
 */
export function backupSizeMb(source: SnapshotSource): number {
  return 32 * source.numberOfNodes;
}

/** When a snapshot expires (its `dueAt`): undefined when it is kept until deleted. */
export function expiryOf(s: Pick<ClusterSnapshot, "retentionPeriod" | "retentionStart">): number | undefined {
  return s.retentionPeriod === -1 ? undefined : s.retentionStart + s.retentionPeriod * DAY_MS;
}

/** ManualSnapshotRemainingDays: whole days left (rounded up), -1 when kept forever. */
export function remainingDays(s: ClusterSnapshot, now: number): number {
  const expiry = expiryOf(s);
  if (expiry === undefined) return -1;
  return Math.max(0, Math.ceil((expiry - now) / DAY_MS));
}

/** A snapshot of the caller's partition, or `ClusterSnapshotNotFound`; `cluster` must match when given. */
export async function getSnapshotForUpdate(ctx: DomainContext, identifier: string, clusterIdentifier?: string): Promise<ClusterSnapshot> {
  const snapshot = await ctx.tx.snapshots.getForUpdate(ctx.scope, snapshotKey(identifier));
  if (!snapshot || (clusterIdentifier !== undefined && clusterIdentifier !== "" && snapshot.clusterIdentifier !== clusterIdentifier.toLowerCase())) {
    throw new ClusterSnapshotNotFound(`Snapshot ${identifier} not found.`);
  }
  return snapshot;
}

/**
 * Manual snapshots per account and region ("Snapshots", 700, on
 * https://docs.aws.amazon.com/redshift/latest/mgmt/amazon-redshift-limits.html): automated snapshots
 * do not count.
 */
export async function checkSnapshotQuota(ctx: DomainContext): Promise<void> {
  const limit = ctx.quotas["manual-snapshots-per-account"];
  const count = await ctx.tx.snapshots.count({ account: ctx.scope.account, region: ctx.scope.region, snapshotType: "manual" });
  if (count >= limit) {
    throw new ClusterSnapshotQuotaExceeded(`The request would exceed the allowed number of manual snapshots for this account (${limit}).`);
  }
}

export async function checkSnapshotAbsent(ctx: DomainContext, identifier: string): Promise<void> {
  if (await ctx.tx.snapshots.get(ctx.scope, snapshotKey(identifier))) {
    throw new ClusterSnapshotAlreadyExists(`Cannot create the snapshot because a snapshot with the identifier ${identifier} already exists.`);
  }
}

export interface NewSnapshot {
  id: string;
  snapshotType: SnapshotType;
  source: SnapshotSource;
  retentionPeriod: number;
  tags: Tag[];
  /** When the snapshot was taken (defaults to now). */
  at?: number | undefined;
}

/** Inserts a snapshot in `creating` (the `snapshot-create` transition makes it available). */
export async function insertSnapshot(ctx: DomainContext, spec: NewSnapshot): Promise<ClusterSnapshot> {
  const at = spec.at ?? ctx.now;
  const snapshot: ClusterSnapshot = {
    account: ctx.scope.account,
    region: ctx.scope.region,
    id: spec.id,
    createdAt: at,
    status: "creating",
    snapshotType: spec.snapshotType,
    clusterIdentifier: spec.source.clusterIdentifier,
    source: spec.source,
    retentionPeriod: spec.retentionPeriod,
    retentionStart: at,
    sizeMb: backupSizeMb(spec.source),
    accountsWithRestoreAccess: [],
    tags: spec.tags,
  };
  beginTransition(snapshot, "snapshot-create", at, ctx.delays);
  try {
    await ctx.tx.snapshots.insert(snapshot);
  } catch (err) {
    if (err instanceof DuplicateKeyError) throw new ClusterSnapshotAlreadyExists(`A snapshot with the identifier ${spec.id} already exists.`);
    throw err;
  }
  return snapshot;
}

/** A snapshot whose `snapshot-create` completed: available, its retention counting from now. */
export function completeSnapshot(snapshot: ClusterSnapshot, at: number): void {
  snapshot.status = "available";
  snapshot.pending = undefined;
  snapshot.retentionStart = at;
  snapshot.dueAt = expiryOf(snapshot);
}

/**
 * Node types a snapshot restores to: its own family's types (RA3 within RA3, RG within RG), and RA3
 * for a DC2 snapshot (https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-snapshots.html,
 * "Restoring a cluster from a snapshot").
 */
export function restorableNodeTypes(nodeType: string): string[] {
  const family = nodeTypeSpec(nodeType)?.family;
  if (family === undefined) return [nodeType];
  if (family === "dc2") return [nodeType, ...NODE_TYPE_NAMES.filter((t) => nodeTypeSpec(t)!.family === "ra3")];
  return NODE_TYPE_NAMES.filter((t) => nodeTypeSpec(t)!.family === family);
}
