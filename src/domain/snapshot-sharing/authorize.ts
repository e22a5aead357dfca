/**
 * AuthorizeSnapshotAccess and RevokeSnapshotAccess
 * (https://docs.aws.amazon.com/redshift/latest/APIReference/API_AuthorizeSnapshotAccess.html,
 * https://docs.aws.amazon.com/redshift/latest/APIReference/API_RevokeSnapshotAccess.html): the owner
 * of a manual snapshot lets another account restore it, or stops letting it.
 *
 * The access list is an invariant held by the database: one `snapshotGrants` row per (snapshot,
 * account), keyed `${snapshot}/${account}` in the owner's partition (a duplicate cannot be inserted),
 * indexed by grantee so the grantee's view reads only its grants. The snapshot row is locked first
 * (getForUpdate), so the accounts-per-snapshot count and the insert are atomic, and the snapshot's
 * `accountsWithRestoreAccess` (what the owner's `Snapshot` shape lists, in grant order) is rewritten
 * in the same serializable transaction — the two never disagree.
 *
 * Check order (AWS documents none; docs/differences-from-aws.md): AccountWithRestoreAccess form →
 * how the snapshot is named → the snapshot is the caller's and exists → manual → available → not
 * the owner itself → not already granted → quota.
 */
import type { DomainContext } from "../context.js";
import type { ClusterSnapshot, SnapshotGrant } from "../entities.js";
import {
  AccessToSnapshotDenied,
  AuthorizationAlreadyExists,
  AuthorizationNotFound,
  AuthorizationQuotaExceeded,
  InvalidClusterSnapshotState,
  InvalidParameterValue,
  UnsupportedOperation,
} from "../errors.js";
import { hasGrant, ownSnapshotForUpdate, snapshotNotFound } from "./lookup.js";
import { checkGrantee, grantId, snapshotTarget, type SnapshotNaming } from "./rules.js";

export interface SnapshotAccessRequest extends SnapshotNaming {
  readonly accountWithRestoreAccess: string;
}

export async function authorizeSnapshotAccess(ctx: DomainContext, req: SnapshotAccessRequest): Promise<ClusterSnapshot> {
  const grantee = checkGrantee(req.accountWithRestoreAccess);
  const target = snapshotTarget(ctx.scope, req);
  // Only the owner shares a snapshot; another account's snapshot is not one of the caller's.
  if (target.owner !== ctx.scope.account) throw snapshotNotFound(target);
  const snapshot = await ownSnapshotForUpdate(ctx, target);
  if (snapshot.snapshotType !== "manual") {
    throw new UnsupportedOperation(
      `Snapshot ${snapshot.id} is an automated snapshot: only manual snapshots can be shared. Copy it to a manual snapshot (CopyClusterSnapshot) and share the copy.`,
    );
  }
  if (snapshot.status !== "available") {
    throw new InvalidClusterSnapshotState(`Snapshot ${snapshot.id} is ${snapshot.status}; it can be shared once it is available.`);
  }
  if (grantee === ctx.scope.account) {
    throw new InvalidParameterValue(`Account ${grantee} owns snapshot ${snapshot.id} and needs no authorization to restore it.`);
  }
  const id = grantId(snapshot.id, grantee);
  if (await ctx.tx.snapshotGrants.get(ctx.scope, id)) {
    throw new AuthorizationAlreadyExists(`Account ${grantee} is already authorized to restore snapshot ${snapshot.id}.`);
  }
  const limit = ctx.quotas["accounts-per-snapshot"];
  if ((await ctx.tx.snapshotGrants.count({ account: ctx.scope.account, region: ctx.scope.region, snapshotId: snapshot.id })) >= limit) {
    throw new AuthorizationQuotaExceeded(`Snapshot ${snapshot.id} is already shared with the maximum of ${limit} accounts (quota accounts-per-snapshot).`);
  }
  const grant: SnapshotGrant = { account: ctx.scope.account, region: ctx.scope.region, id, createdAt: ctx.now, snapshotId: snapshot.id, grantee };
  await ctx.tx.snapshotGrants.insert(grant);
  snapshot.accountsWithRestoreAccess = [...snapshot.accountsWithRestoreAccess.filter((a) => a !== grantee), grantee];
  await ctx.tx.snapshots.update(snapshot);
  return snapshot;
}

/**
 * Revoking ends the grantee's view and restores of the snapshot; clusters it already restored stay
 * (AWS: "If the account is currently restoring the snapshot, the restore will run to completion").
 * A grantee naming the owner's snapshot (by ARN) is told it may not (`AccessToSnapshotDenied`);
 * anyone else learns nothing (`ClusterSnapshotNotFound`).
 */
export async function revokeSnapshotAccess(ctx: DomainContext, req: SnapshotAccessRequest): Promise<ClusterSnapshot> {
  const target = snapshotTarget(ctx.scope, req);
  if (target.owner !== ctx.scope.account) {
    const owner = { account: target.owner, region: target.region };
    if (await hasGrant(ctx, owner, target.snapshotId, ctx.scope.account)) {
      throw new AccessToSnapshotDenied(`Only the owner of snapshot ${target.name} can revoke access to it.`);
    }
    throw snapshotNotFound(target);
  }
  const snapshot = await ownSnapshotForUpdate(ctx, target);
  const grantee = req.accountWithRestoreAccess;
  if (!(await ctx.tx.snapshotGrants.remove(ctx.scope, grantId(snapshot.id, grantee)))) {
    throw new AuthorizationNotFound(`Account ${grantee} is not authorized to restore snapshot ${snapshot.id}.`);
  }
  snapshot.accountsWithRestoreAccess = snapshot.accountsWithRestoreAccess.filter((a) => a !== grantee);
  await ctx.tx.snapshots.update(snapshot);
  return snapshot;
}
