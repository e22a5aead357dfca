/**
 * DeleteCluster, PauseCluster, ResumeCluster and RebootCluster: state checks, then a lifecycle
 * transition (docs/differences-from-aws.md, Clusters and Time). What happens once a deleted cluster is
 * gone is in cascade.ts.
 *
 * - Delete works on an `available` or a `paused` cluster ("If you delete a paused cluster without
 *   requesting a final snapshot, then you can't restore the cluster" [OPS]); other states →
 *   InvalidClusterState. It needs SkipFinalClusterSnapshot=true or a FinalClusterSnapshotIdentifier
 *   (not both). A final snapshot is a manual snapshot (domain/snapshots): ClusterSnapshotAlreadyExists
 *   and the snapshot quota are checked before anything changes; the cluster is `final-snapshot`
 *   until the snapshot is available, then `deleting`.
 * - Pause needs `available`; Multi-AZ clusters and clusters with automated snapshots off cannot be
 *   paused [OPS, MAZ] → UnsupportedOperation (one of PauseCluster's modelled faults).
 * - Resume needs `paused`; reboot needs `available`.
 */
import type { DomainContext } from "../context.js";
import type { Cluster } from "../entities.js";
import { InvalidParameterCombination, UnsupportedOperation } from "../errors.js";
import { beginTransition } from "../lifecycle.js";
import { getClusterForUpdate } from "./describe.js";
import { checkSnapshotAbsent, checkSnapshotIdentifier, checkSnapshotQuota, checkSnapshotRetention, insertSnapshot, snapshotKey, sourceOf } from "../snapshots/rules.js";
import { requireStatus } from "./status.js";

export interface DeleteClusterRequest {
  ClusterIdentifier: string;
  SkipFinalClusterSnapshot?: boolean;
  FinalClusterSnapshotIdentifier?: string;
  FinalClusterSnapshotRetentionPeriod?: number;
}

export async function deleteCluster(ctx: DomainContext, req: DeleteClusterRequest): Promise<Cluster> {
  const skip = req.SkipFinalClusterSnapshot === true;
  if (skip && req.FinalClusterSnapshotIdentifier !== undefined) {
    throw new InvalidParameterCombination("FinalClusterSnapshotIdentifier must not be specified when SkipFinalClusterSnapshot is true.");
  }
  if (!skip && req.FinalClusterSnapshotIdentifier === undefined) {
    throw new InvalidParameterCombination("FinalClusterSnapshotIdentifier is required unless SkipFinalClusterSnapshot is specified.");
  }
  if (req.FinalClusterSnapshotIdentifier !== undefined) checkSnapshotIdentifier(req.FinalClusterSnapshotIdentifier, "FinalClusterSnapshotIdentifier");
  if (req.FinalClusterSnapshotRetentionPeriod !== undefined) checkSnapshotRetention(req.FinalClusterSnapshotRetentionPeriod);
  const cluster = await getClusterForUpdate(ctx, req.ClusterIdentifier);
  requireStatus(cluster, ["available", "paused"]);
  cluster.pendingModifications = undefined;
  if (req.FinalClusterSnapshotIdentifier === undefined) {
    beginTransition(cluster, "cluster-delete", ctx.now, ctx.delays);
    await ctx.tx.clusters.update(cluster);
    return cluster;
  }
  // The final snapshot: refused before anything changes, then taken while the cluster is `final-snapshot`.
  await checkSnapshotAbsent(ctx, req.FinalClusterSnapshotIdentifier);
  await checkSnapshotQuota(ctx);
  const snapshot = await insertSnapshot(ctx, {
    id: snapshotKey(req.FinalClusterSnapshotIdentifier),
    snapshotType: "manual",
    source: sourceOf(cluster),
    retentionPeriod: req.FinalClusterSnapshotRetentionPeriod ?? cluster.manualSnapshotRetentionPeriod,
    tags: [],
  });
  cluster.finalSnapshotIdentifier = snapshot.id;
  beginTransition(cluster, "cluster-final-snapshot", ctx.now, ctx.delays);
  // The cluster leaves `final-snapshot` when its snapshot is available, or later.
  cluster.pending = { transition: "cluster-final-snapshot", at: Math.max(cluster.pending!.at, snapshot.pending!.at) };
  await ctx.tx.clusters.update(cluster);
  return cluster;
}

export async function pauseCluster(ctx: DomainContext, identifier: string): Promise<Cluster> {
  const cluster = await getClusterForUpdate(ctx, identifier);
  requireStatus(cluster);
  if (cluster.multiAz) throw new UnsupportedOperation(`Cluster ${cluster.id} is a Multi-AZ cluster; Multi-AZ clusters cannot be paused.`);
  if (cluster.automatedSnapshotRetentionPeriod === 0) {
    throw new UnsupportedOperation(`Cluster ${cluster.id} has automated snapshots turned off; such clusters cannot be paused.`);
  }
  beginTransition(cluster, "cluster-pause", ctx.now, ctx.delays);
  await ctx.tx.clusters.update(cluster);
  return cluster;
}

export async function resumeCluster(ctx: DomainContext, identifier: string): Promise<Cluster> {
  const cluster = await getClusterForUpdate(ctx, identifier);
  requireStatus(cluster, ["paused"]);
  beginTransition(cluster, "cluster-resume", ctx.now, ctx.delays);
  await ctx.tx.clusters.update(cluster);
  return cluster;
}

export async function rebootCluster(ctx: DomainContext, identifier: string): Promise<Cluster> {
  const cluster = await getClusterForUpdate(ctx, identifier);
  requireStatus(cluster);
  beginTransition(cluster, "cluster-reboot", ctx.now, ctx.delays);
  await ctx.tx.clusters.update(cluster);
  return cluster;
}
