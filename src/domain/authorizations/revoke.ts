/**
 * RevokeEndpointAccess
 * (https://docs.aws.amazon.com/redshift/latest/APIReference/API_RevokeEndpointAccess.html): the cluster
 * owner removes some VPCs from a grant (partial revoke) or the whole grant. Checks in the documented
 * order (docs/differences-from-aws.md): no more distinct VPCs than a grant may hold (vpc-lists.ts) →
 * cluster exists → grant exists → not already
 * Revoking → cluster available → VPC list applies to this grant → endpoints need `Force` → forced
 * endpoints must be deletable now.
 *
 * Effects (INFERRED where AWS is silent, docs/differences-from-aws.md):
 * - partial revoke: the VPCs go, the grant stays `Authorized`; revoking its last VPC is a full
 *   revoke, never a widening to all VPCs;
 * - full revoke: the answer shows `Status=Revoking`; with no endpoints the grant is gone at once,
 *   with `Force` its endpoints start deleting and the grant stays `Revoking` until the last one is
 *   gone (endpoints/cascade.ts removes it then);
 * - `EndpointCount` is not changed here: it drops as each endpoint is finally gone.
 */
import type { DomainContext } from "../context.js";
import type { Authorization, Endpoint } from "../entities.js";
import { EndpointAuthorizationNotFound, InvalidAuthorizationState, InvalidEndpointState } from "../errors.js";
import { beginTransition } from "../lifecycle.js";
import { lockCluster, requireAvailable } from "./cluster-checks.js";
import { authorizationId } from "./keys.js";
import type { AuthorizationView } from "./view.js";
import { listIds, requestedVpcs } from "./vpc-lists.js";

export interface RevokeRequest {
  readonly clusterIdentifier: string;
  readonly account: string;
  /** Absent or empty = the whole grant. */
  readonly vpcIds?: readonly string[] | undefined;
  readonly force?: boolean | undefined;
}

export async function revokeEndpointAccess(ctx: DomainContext, req: RevokeRequest): Promise<AuthorizationView> {
  const vpcIds = requestedVpcs(ctx.quotas, req.vpcIds);
  const cluster = await lockCluster(ctx, ctx.scope, req.clusterIdentifier);
  const grant = await ctx.tx.authorizations.getForUpdate(ctx.scope, authorizationId(cluster.id, req.account));
  if (!grant) {
    throw new EndpointAuthorizationNotFound(`No endpoint authorization for account ${req.account} to cluster ${cluster.id} was found.`);
  }
  if (grant.status === "Revoking") {
    throw new InvalidAuthorizationState(`The authorization for account ${req.account} to cluster ${cluster.id} is already being revoked.`);
  }
  requireAvailable(cluster);

  if (vpcIds.length > 0 && grant.allowedAllVpcs) {
    throw new InvalidAuthorizationState(
      `The authorization for account ${req.account} to cluster ${cluster.id} allows all VPCs; individual VPCs can't be revoked from it.`,
    );
  }
  const granted = new Set(grant.allowedVpcs);
  const unknown = vpcIds.filter((v) => !granted.has(v));
  if (unknown.length > 0) {
    throw new EndpointAuthorizationNotFound(
      `VPC ${listIds(unknown)} is not authorized for account ${req.account} on cluster ${cluster.id}.`,
    );
  }
  const revoked = new Set(vpcIds);
  const remaining = grant.allowedVpcs.filter((v) => !revoked.has(v));
  const full = vpcIds.length === 0 || remaining.length === 0;

  const all = await endpointsOf(ctx, grant);
  const affected = full ? all : all.filter((e) => revoked.has(e.vpcId));
  if (affected.length > 0 && req.force !== true) {
    throw new InvalidAuthorizationState(
      `Account ${req.account} still has ${affected.length} Redshift-managed VPC endpoint(s) to cluster ${cluster.id} under this authorization; ` +
        `delete them first or revoke with Force.`,
    );
  }
  const busy = affected.find((e) => e.status === "creating" || e.status === "modifying");
  if (busy) {
    throw new InvalidEndpointState(`Endpoint ${busy.name} is ${busy.status}; it can be deleted only when it is active.`);
  }
  for (const endpoint of affected) {
    if (endpoint.status === "deleting") continue;
    beginTransition(endpoint, "endpoint-delete", ctx.now, ctx.delays);
    await ctx.tx.endpoints.update(endpoint);
  }

  if (!full) {
    grant.allowedVpcs = remaining;
    await ctx.tx.authorizations.update(grant);
    return { grant, clusterStatus: cluster.status };
  }
  grant.status = "Revoking";
  if (affected.length === 0) await ctx.tx.authorizations.remove(grant, grant.id);
  else await ctx.tx.authorizations.update(grant);
  return { grant, clusterStatus: cluster.status };
}

/** The grantee's endpoints created under this grant (any status, until they are gone). */
export async function endpointsOf(ctx: DomainContext, grant: Authorization): Promise<Endpoint[]> {
  const endpoints = await ctx.tx.endpoints.find({
    account: grant.grantee,
    region: grant.region,
    clusterOwner: grant.account,
    clusterId: grant.clusterId,
  });
  return endpoints.filter((e) => e.authorizationUid === undefined || e.authorizationUid === grant.uid);
}
