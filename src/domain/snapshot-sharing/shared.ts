/**
 * The grantee's side of snapshot sharing, and the cleanup a snapshot's removal needs.
 *
 * DescribeClusterSnapshots lists "all snapshots … owned by your Amazon Web Services account" by
 * default; `OwnerAccount` names another owner, whose snapshots shared with the caller are then listed
 * (https://docs.aws.amazon.com/redshift/latest/APIReference/API_DescribeClusterSnapshots.html). They
 * are found through the grants made to the caller (indexed by grantee), never by reading the owner's
 * other snapshots.
 */
import type { DomainContext } from "../context.js";
import type { ClusterSnapshot, Scope } from "../entities.js";

/** The snapshots `owner` shared with the caller, in grant order; none for the caller's own account. */
export async function snapshotsSharedWithCaller(ctx: DomainContext, owner: string | undefined): Promise<ClusterSnapshot[]> {
  if (owner === undefined || owner === ctx.scope.account) return [];
  const partition: Scope = { account: owner, region: ctx.scope.region };
  const grants = await ctx.tx.snapshotGrants.find({ ...partition, grantee: ctx.scope.account });
  const snapshots: ClusterSnapshot[] = [];
  for (const grant of grants) {
    const snapshot = await ctx.tx.snapshots.get(partition, grant.snapshotId);
    if (snapshot) snapshots.push(snapshot);
  }
  return snapshots;
}

/**
 * Removes every grant on a snapshot that is going away (its retention ended, or its cluster took an
 * automated one with it), so that a later snapshot of the same name is not shared by accident.
 */
export async function removeGrantsOf(ctx: DomainContext, snapshot: ClusterSnapshot): Promise<void> {
  const owner: Scope = { account: snapshot.account, region: snapshot.region };
  for (const grant of await ctx.tx.snapshotGrants.find({ ...owner, snapshotId: snapshot.id })) {
    await ctx.tx.snapshotGrants.remove(owner, grant.id);
  }
}
