/**
 * CreateClusterSnapshot, DeleteClusterSnapshot, ModifyClusterSnapshot and CopyClusterSnapshot in the
 * owner's account (docs/differences-from-aws.md, Snapshots).
 *
 * AWS documents: a manual snapshot needs an `available` cluster
 * (https://docs.aws.amazon.com/redshift/latest/APIReference/API_CreateClusterSnapshot.html); only
 * manual snapshots in `available` (or failed/cancelled) state can be deleted
 * (https://docs.aws.amazon.com/redshift/latest/APIReference/API_DeleteClusterSnapshot.html); a
 * retention period shorter than the time a manual snapshot has already been kept needs `Force`
 * (https://docs.aws.amazon.com/redshift/latest/APIReference/API_ModifyClusterSnapshot.html); the
 * source of a copy must be available and the copy is a manual snapshot that outlives the cluster
 * (https://docs.aws.amazon.com/redshift/latest/APIReference/API_CopyClusterSnapshot.html).
 */
import type { DomainContext } from "../context.js";
import type { ClusterSnapshot } from "../entities.js";
import { InvalidClusterSnapshotState, InvalidRetentionPeriodFault } from "../errors.js";
import { getClusterForUpdate } from "../clusters/describe.js";
import { removeGrantsOf } from "../snapshot-sharing/shared.js";
import { requireStatus } from "../clusters/status.js";
import { checkTags } from "../clusters/tags.js";
import {
  checkSnapshotAbsent,
  checkSnapshotIdentifier,
  checkSnapshotQuota,
  checkSnapshotRetention,
  DAY_MS,
  expiryOf,
  getSnapshotForUpdate,
  insertSnapshot,
  snapshotKey,
  sourceOf,
} from "./rules.js";

export interface CreateClusterSnapshotRequest {
  SnapshotIdentifier: string;
  ClusterIdentifier: string;
  ManualSnapshotRetentionPeriod?: number | undefined;
  Tags?: { Key?: string | undefined; Value?: string | undefined }[] | undefined;
}

/**
 * Validation first (identifier, retention, tags), then the cluster (`ClusterNotFound`, then
 * `InvalidClusterState` unless available), the identifier (`ClusterSnapshotAlreadyExists`) and the
 * quota. Without ManualSnapshotRetentionPeriod the cluster's own ManualSnapshotRetentionPeriod applies.
 */
export async function createClusterSnapshot(ctx: DomainContext, req: CreateClusterSnapshotRequest): Promise<ClusterSnapshot> {
  checkSnapshotIdentifier(req.SnapshotIdentifier);
  if (req.ManualSnapshotRetentionPeriod !== undefined) checkSnapshotRetention(req.ManualSnapshotRetentionPeriod);
  const tags = checkTags(req.Tags);
  const cluster = await getClusterForUpdate(ctx, req.ClusterIdentifier);
  requireStatus(cluster);
  await checkSnapshotAbsent(ctx, req.SnapshotIdentifier);
  await checkSnapshotQuota(ctx);
  return insertSnapshot(ctx, {
    id: snapshotKey(req.SnapshotIdentifier),
    snapshotType: "manual",
    source: sourceOf(cluster),
    retentionPeriod: req.ManualSnapshotRetentionPeriod ?? cluster.manualSnapshotRetentionPeriod,
    tags,
  });
}

/** Checks DeleteClusterSnapshot's rules on a snapshot (also each item of BatchDeleteClusterSnapshots). */
function checkDeletable(snapshot: ClusterSnapshot): void {
  if (snapshot.snapshotType !== "manual") {
    throw new InvalidClusterSnapshotState(`Snapshot ${snapshot.id} is an automated snapshot; only manual snapshots can be deleted.`);
  }
  if (snapshot.status !== "available") {
    throw new InvalidClusterSnapshotState(`Snapshot ${snapshot.id} is ${snapshot.status}; only an available snapshot can be deleted.`);
  }
  // "If other accounts are authorized to access the snapshot, you must revoke all of the
  // authorizations before you can delete the snapshot."
  if (snapshot.accountsWithRestoreAccess.length > 0) {
    throw new InvalidClusterSnapshotState(
      `Snapshot ${snapshot.id} is shared with ${snapshot.accountsWithRestoreAccess.length} account(s); revoke every authorization (RevokeSnapshotAccess) before deleting it.`,
    );
  }
}

export async function deleteClusterSnapshot(ctx: DomainContext, identifier: string, clusterIdentifier?: string): Promise<ClusterSnapshot> {
  const snapshot = await getSnapshotForUpdate(ctx, identifier, clusterIdentifier);
  checkDeletable(snapshot);
  await ctx.tx.snapshots.remove(snapshot, snapshot.id);
  return snapshot;
}

export interface ModifyClusterSnapshotRequest {
  SnapshotIdentifier: string;
  ManualSnapshotRetentionPeriod?: number | undefined;
  Force?: boolean | undefined;
}

/**
 * Sets a manual snapshot's retention, counted from its SnapshotRetentionStartTime. A period that has
 * already run out would delete the snapshot at once: refused (`InvalidRetentionPeriodFault`) unless
 * `Force`, which deletes it now. Automated snapshots follow their cluster's
 * AutomatedSnapshotRetentionPeriod (`InvalidClusterSnapshotState`).
 */
export async function modifyClusterSnapshot(ctx: DomainContext, req: ModifyClusterSnapshotRequest): Promise<ClusterSnapshot> {
  if (req.ManualSnapshotRetentionPeriod !== undefined) checkSnapshotRetention(req.ManualSnapshotRetentionPeriod);
  const snapshot = await getSnapshotForUpdate(ctx, req.SnapshotIdentifier);
  return applyRetention(ctx, snapshot, req.ManualSnapshotRetentionPeriod, req.Force === true);
}

/** ModifyClusterSnapshot's change on one snapshot (also each item of BatchModifyClusterSnapshots). */
export async function applyRetention(ctx: DomainContext, snapshot: ClusterSnapshot, days: number | undefined, force: boolean): Promise<ClusterSnapshot> {
  if (snapshot.snapshotType !== "manual") {
    throw new InvalidClusterSnapshotState(
      `Snapshot ${snapshot.id} is an automated snapshot; its retention follows the cluster's AutomatedSnapshotRetentionPeriod.`,
    );
  }
  if (days === undefined) return snapshot;
  if (snapshot.status !== "available") {
    throw new InvalidClusterSnapshotState(`Snapshot ${snapshot.id} is ${snapshot.status}; its retention can change once it is available.`);
  }
  const expired = days !== -1 && snapshot.retentionStart + days * DAY_MS <= ctx.now;
  if (expired && !force) {
    throw new InvalidRetentionPeriodFault(
      `Snapshot ${snapshot.id} has been retained for longer than ${days} days; use Force to set the period and delete the snapshot.`,
    );
  }
  snapshot.retentionPeriod = days;
  if (expired) {
    await ctx.tx.snapshots.remove(snapshot, snapshot.id);
    await removeGrantsOf(ctx, snapshot);
    return snapshot;
  }
  snapshot.dueAt = expiryOf(snapshot);
  await ctx.tx.snapshots.update(snapshot);
  return snapshot;
}

export interface CopyClusterSnapshotRequest {
  SourceSnapshotIdentifier: string;
  SourceSnapshotClusterIdentifier?: string | undefined;
  TargetSnapshotIdentifier: string;
  ManualSnapshotRetentionPeriod?: number | undefined;
}

/**
 * A manual copy of an available snapshot (manual or automated) in the same account and region, with
 * the source's configuration and tags; its retention is the one given, else the source cluster's
 * ManualSnapshotRetentionPeriod as the source recorded it.
 */
export async function copyClusterSnapshot(ctx: DomainContext, req: CopyClusterSnapshotRequest): Promise<ClusterSnapshot> {
  checkSnapshotIdentifier(req.TargetSnapshotIdentifier, "TargetSnapshotIdentifier");
  if (req.ManualSnapshotRetentionPeriod !== undefined) checkSnapshotRetention(req.ManualSnapshotRetentionPeriod);
  const source = await getSnapshotForUpdate(ctx, req.SourceSnapshotIdentifier, req.SourceSnapshotClusterIdentifier);
  if (source.status !== "available") {
    throw new InvalidClusterSnapshotState(`Snapshot ${source.id} is ${source.status}; only an available snapshot can be copied.`);
  }
  await checkSnapshotAbsent(ctx, req.TargetSnapshotIdentifier);
  await checkSnapshotQuota(ctx);
  return insertSnapshot(ctx, {
    id: snapshotKey(req.TargetSnapshotIdentifier),
    snapshotType: "manual",
    source: { ...source.source },
    retentionPeriod: req.ManualSnapshotRetentionPeriod ?? source.source.manualSnapshotRetentionPeriod,
    tags: source.tags.map((t) => ({ ...t })),
  });
}
