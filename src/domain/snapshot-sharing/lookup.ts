/**
 * Finding the snapshot a sharing or restore request names, from the caller's side.
 *
 * - The owner finds its own snapshots in its own partition (`ownSnapshot`, locked for a change).
 * - Another account reaches a snapshot only through a grant in the owner's partition
 *   (`accessibleSnapshot`): without one the snapshot does not exist for it, so a stranger learns
 *   nothing — it gets `ClusterSnapshotNotFound` naming what it asked for, exactly as for a snapshot
 *   that never existed (docs/differences-from-aws.md, Snapshot sharing and restore).
 */
import type { DomainContext } from "../context.js";
import type { ClusterSnapshot, Scope } from "../entities.js";
import { ClusterSnapshotNotFound } from "../errors.js";
import { grantId, type SnapshotTarget } from "./rules.js";

export function snapshotNotFound(target: SnapshotTarget): InstanceType<typeof ClusterSnapshotNotFound> {
  return new ClusterSnapshotNotFound(`Snapshot ${target.name} not found.`);
}

/** The snapshot matches what the request said of it (SnapshotClusterIdentifier, when given). */
function matches(snapshot: ClusterSnapshot | undefined, target: SnapshotTarget): snapshot is ClusterSnapshot {
  return snapshot !== undefined && (target.clusterId === undefined || snapshot.clusterIdentifier === target.clusterId);
}

/** One of the caller's own snapshots, row-locked for the rest of the transaction. */
export async function ownSnapshotForUpdate(ctx: DomainContext, target: SnapshotTarget): Promise<ClusterSnapshot> {
  const snapshot = await ctx.tx.snapshots.getForUpdate(ctx.scope, target.snapshotId);
  if (!matches(snapshot, target)) throw snapshotNotFound(target);
  return snapshot;
}

/** Whether `account` holds a grant on the snapshot `snapshotId` of `owner`. */
export async function hasGrant(ctx: DomainContext, owner: Scope, snapshotId: string, account: string): Promise<boolean> {
  return (await ctx.tx.snapshotGrants.get(owner, grantId(snapshotId, account))) !== undefined;
}

/**
 * The snapshot a restore may read: the caller's own, or one another account shared with the caller.
 * A grant without its snapshot (never left behind: deleting a shared snapshot is refused) reads as
 * not found.
 */
export async function accessibleSnapshot(ctx: DomainContext, target: SnapshotTarget): Promise<ClusterSnapshot> {
  const owner: Scope = { account: target.owner, region: target.region };
  if (target.owner !== ctx.scope.account && !(await hasGrant(ctx, owner, target.snapshotId, ctx.scope.account))) {
    throw snapshotNotFound(target);
  }
  const snapshot = await ctx.tx.snapshots.get(owner, target.snapshotId);
  if (!matches(snapshot, target)) throw snapshotNotFound(target);
  return snapshot;
}
