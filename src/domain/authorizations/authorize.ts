/**
 * AuthorizeEndpointAccess
 * (https://docs.aws.amazon.com/redshift/latest/APIReference/API_AuthorizeEndpointAccess.html): the
 * cluster owner grants another account the right to create
 * Redshift-managed VPC endpoints to one of its clusters, for all or some of that account's VPCs.
 *
 * Checks run in the documented order (docs/differences-from-aws.md) (parameter shapes were already
 * validated by the shape table): no more distinct VPCs than a grant may hold → cluster exists →
 * available → eligible → not self → grant not Revoking → no narrowing → something new to grant →
 * VPCs-per-grant quota on the union → grants-per-cluster quota. Membership tests use sets: a request
 * costs O(its VPCs + the grant's). Re-authorizing adds VPCs to the existing grant
 * (Terraform's and CloudFormation's update path) or widens it to all VPCs; it never narrows.
 */
import type { DomainContext } from "../context.js";
import type { Authorization } from "../entities.js";
import {
  EndpointAuthorizationAlreadyExists,
  EndpointAuthorizationsPerClusterLimitExceeded,
  InvalidAuthorizationState,
  InvalidParameterValue,
  UnsupportedOperation,
} from "../errors.js";
import { DuplicateKeyError } from "../../store/store.js";
import { uuid } from "../ids.js";
import { lockCluster, requireAvailable, requireEligible } from "./cluster-checks.js";
import { authorizationId } from "./keys.js";
import type { AuthorizationView } from "./view.js";
import { listIds, requestedVpcs } from "./vpc-lists.js";

export interface AuthorizeRequest {
  readonly clusterIdentifier: string;
  /** The grantee account. */
  readonly account: string;
  /** Absent or empty = all VPCs. */
  readonly vpcIds?: readonly string[] | undefined;
}

export async function authorizeEndpointAccess(ctx: DomainContext, req: AuthorizeRequest): Promise<AuthorizationView> {
  const vpcIds = requestedVpcs(ctx.quotas, req.vpcIds);
  const cluster = await lockCluster(ctx, ctx.scope, req.clusterIdentifier);
  requireAvailable(cluster);
  requireEligible(cluster);
  if (req.account === ctx.scope.account) {
    // INFERRED (docs/differences-from-aws.md): grants are "across accounts"; the owner needs none.
    throw new UnsupportedOperation(`You can't authorize access to cluster ${cluster.id} for its own account ${req.account}.`);
  }
  const allVpcs = vpcIds.length === 0;
  const id = authorizationId(cluster.id, req.account);
  // The cluster row is locked, so this count and the insert below are atomic. A new grant (the
  // common case) is inserted without being looked up first: the insert reports a grant that
  // exists, and a full cluster looks before its quota error, so an existing grant is still
  // handled before the grants-per-cluster quota, as the documented order says.
  const grants = await ctx.tx.authorizations.count({ account: ctx.scope.account, region: ctx.scope.region, clusterId: cluster.id });
  const full = grants >= ctx.quotas["grants-per-cluster"];
  if (!full) {
    const grant: Authorization = {
      account: ctx.scope.account,
      region: ctx.scope.region,
      id,
      createdAt: ctx.now,
      clusterId: cluster.id,
      grantee: req.account,
      status: "Authorized",
      allowedAllVpcs: allVpcs,
      allowedVpcs: vpcIds,
      endpointCount: 0,
      uid: uuid(),
    };
    try {
      await ctx.tx.authorizations.insert(grant);
      return { grant, clusterStatus: cluster.status };
    } catch (err) {
      if (!(err instanceof DuplicateKeyError)) throw err;
    }
  }
  const existing = await ctx.tx.authorizations.getForUpdate(ctx.scope, id);
  if (!existing) {
    throw new EndpointAuthorizationsPerClusterLimitExceeded(
      `Cluster ${cluster.id} already has the maximum number of endpoint authorizations (${ctx.quotas["grants-per-cluster"]}).`,
    );
  }
  if (existing.status === "Revoking") {
    throw new InvalidAuthorizationState(
      `The authorization for account ${req.account} to cluster ${cluster.id} is being revoked; try again when the revoke completes.`,
    );
  }
  if (existing.allowedAllVpcs && !allVpcs) {
    // CloudFormation's handler: narrowing an all-VPCs grant "is currently not supported".
    throw new UnsupportedOperation(
      `Account ${req.account} is already authorized for all VPCs on cluster ${cluster.id}; restricting it to specific VPCs is not supported.`,
    );
  }
  if (existing.allowedAllVpcs && allVpcs) {
    throw new EndpointAuthorizationAlreadyExists(`An authorization for account ${req.account} to cluster ${cluster.id} already exists.`);
  }
  const granted = new Set(existing.allowedVpcs);
  const already = vpcIds.filter((v) => granted.has(v));
  if (already.length > 0) {
    throw new EndpointAuthorizationAlreadyExists(
      `VPC ${listIds(already)} is already authorized for account ${req.account} on cluster ${cluster.id}.`,
    );
  }
  if (allVpcs) {
    existing.allowedAllVpcs = true;
    existing.allowedVpcs = [];
  } else {
    // The union is what the grant would list; the quota bounds it (documented order: after step 8, docs/differences-from-aws.md).
    const limit = ctx.quotas["vpcs-per-grant"];
    if (granted.size + vpcIds.length > limit) {
      throw new InvalidParameterValue(
        `Account ${req.account} is already authorized for ${granted.size} VPCs on cluster ${cluster.id}; adding ${vpcIds.length} would exceed ` +
          `the ${limit} VPCs an authorization lists (quota vpcs-per-grant).`,
      );
    }
    existing.allowedVpcs = [...existing.allowedVpcs, ...vpcIds];
  }
  await ctx.tx.authorizations.update(existing);
  return { grant: existing, clusterStatus: cluster.status };
}
