/**
 * CreateEndpointAccess
 * (https://docs.aws.amazon.com/redshift/latest/APIReference/API_CreateEndpointAccess.html): the caller
 * creates a Redshift-managed VPC endpoint in one of its
 * cluster subnet groups, to its own cluster or — under an `Authorized` grant — to another account's.
 *
 * Checks in the documented order (docs/differences-from-aws.md): name free → cluster exists (in
 * ResourceOwner's partition) → grant →
 * cluster available → eligible → subnet group → VPC allowed by the grant → security groups →
 * endpoints-per-cluster (all accounts) → endpoints-per-grant. The cluster row is locked first and
 * the grant row with it, so the quota counts and the insert are one atomic step.
 *
 * Effects: status `creating` (→ `active` through the lifecycle table), one network interface in a
 * subnet of the group, the grant's EndpointCount +1 at once (−1 when the endpoint is finally gone,
 * endpoints/cascade.ts).
 */
import type { DomainContext } from "../context.js";
import type { Authorization, Endpoint } from "../entities.js";
import {
  AccessToClusterDenied,
  type AwsError,
  ClusterSubnetGroupNotFoundFault,
  EndpointAlreadyExists,
  EndpointsPerAuthorizationLimitExceeded,
  EndpointsPerClusterLimitExceeded,
} from "../errors.js";
import { resourceId } from "../ids.js";
import { DuplicateKeyError } from "../../store/store.js";
import { beginTransition } from "../lifecycle.js";
import { storedEndpoint } from "../settle.js";
import { lockCluster, requireAvailable, requireEligible } from "../authorizations/cluster-checks.js";
import { authorizationId } from "../authorizations/keys.js";
import { endpointKey } from "./names.js";
import { endpointAddress, placeInterface } from "./placement.js";
import { resolveSecurityGroups } from "./security-groups.js";

export interface CreateEndpointRequest {
  readonly endpointName: string;
  readonly subnetGroupName: string;
  readonly clusterIdentifier: string;
  /** The cluster's account; absent = the caller's own. */
  readonly resourceOwner?: string | undefined;
  readonly vpcSecurityGroupIds?: readonly string[] | undefined;
}

export async function createEndpointAccess(ctx: DomainContext, req: CreateEndpointRequest): Promise<Endpoint> {
  const { account, region } = ctx.scope;
  const id = endpointKey(req.endpointName);
  if (await ctx.tx.endpoints.get(ctx.scope, id)) {
    throw alreadyExists(req.endpointName);
  }
  const owner = req.resourceOwner ?? account;
  const crossAccount = owner !== account;
  const cluster = await lockCluster(ctx, { account: owner, region }, req.clusterIdentifier);

  let grant: Authorization | undefined;
  if (crossAccount) {
    grant = await ctx.tx.authorizations.getForUpdate({ account: owner, region }, authorizationId(cluster.id, account));
    if (!grant || grant.status !== "Authorized") {
      throw new AccessToClusterDenied(`Account ${account} is not authorized to access cluster ${cluster.id} of account ${owner}.`);
    }
  }
  requireAvailable(cluster);
  requireEligible(cluster);

  const group = await ctx.tx.subnetGroups.get(ctx.scope, req.subnetGroupName.toLowerCase());
  if (!group) throw new ClusterSubnetGroupNotFoundFault(`Cluster subnet group ${req.subnetGroupName} not found.`);
  if (grant && !grant.allowedAllVpcs && !grant.allowedVpcs.includes(group.vpcId)) {
    throw new AccessToClusterDenied(
      `The authorization of account ${account} to cluster ${cluster.id} does not allow VPC ${group.vpcId} (subnet group ${group.id}).`,
    );
  }
  const securityGroupIds = await resolveSecurityGroups(ctx, group.vpcId, req.vpcSecurityGroupIds);

  const perCluster = await ctx.tx.endpoints.count({ region, clusterOwner: owner, clusterId: cluster.id });
  if (perCluster >= ctx.quotas["endpoints-per-cluster"]) {
    throw new EndpointsPerClusterLimitExceeded(
      `Cluster ${cluster.id} already has the maximum number of Redshift-managed VPC endpoints (${ctx.quotas["endpoints-per-cluster"]}).`,
    );
  }
  if (grant && grant.endpointCount >= ctx.quotas["endpoints-per-grant"]) {
    throw new EndpointsPerAuthorizationLimitExceeded(
      `The authorization of account ${account} to cluster ${cluster.id} already has the maximum number of endpoints (${ctx.quotas["endpoints-per-grant"]}).`,
    );
  }

  const placement = await placeInterface(ctx, group);
  const endpoint: Endpoint = {
    account,
    region,
    id,
    createdAt: ctx.now,
    name: req.endpointName,
    status: "creating",
    clusterId: cluster.id,
    clusterOwner: owner,
    subnetGroupName: group.id,
    vpcId: group.vpcId,
    port: cluster.port,
    address: endpointAddress(req.endpointName, owner, region),
    securityGroupIds,
    authorizationUid: grant?.uid,
    vpcEndpointId: resourceId("vpce"),
    networkInterface: {
      networkInterfaceId: resourceId("eni"),
      subnetId: placement.subnet.id,
      privateIpAddress: placement.privateIpAddress,
      availabilityZone: placement.subnet.availabilityZone,
    },
  };
  beginTransition(endpoint, "endpoint-create", ctx.now, ctx.delays);
  try {
    await ctx.tx.endpoints.insert(storedEndpoint(ctx, endpoint));
  } catch (err) {
    // Two concurrent creates of one name (different server instances on a shared store): the loser.
    if (err instanceof DuplicateKeyError) throw alreadyExists(req.endpointName);
    throw err;
  }
  if (grant) {
    grant.endpointCount += 1;
    await ctx.tx.authorizations.update(grant);
  }
  return endpoint;
}

function alreadyExists(name: string): AwsError {
  return new EndpointAlreadyExists(`The account already has a Redshift-managed VPC endpoint named ${name}.`);
}
