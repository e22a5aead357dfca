/**
 * ModifyEndpointAccess
 * (https://docs.aws.amazon.com/redshift/latest/APIReference/API_ModifyEndpointAccess.html): replaces the
 * endpoint's whole security-group set ("the complete
 * list … after the endpoint is modified", service model) — the only property that can change.
 *
 * Checks in the documented order (docs/differences-from-aws.md): the caller owns the endpoint → it is
 * `active` → the list is not empty
 * (`InvalidParameterValue`; the model does not require the member) → its cluster exists and is
 * `available` (mutations on a paused or rebooting cluster are refused, docs/differences-from-aws.md) →
 * every group exists in the endpoint's VPC → the set differs from the current one (AWS's text for
 * an identical set is known from CloudFormation's handler; the code is INFERRED, §10.11).
 * Answers `modifying`, then `active`.
 */
import type { DomainContext } from "../context.js";
import type { Endpoint } from "../entities.js";
import { InvalidClusterSecurityGroupState, InvalidParameterValue } from "../errors.js";
import { beginTransition } from "../lifecycle.js";
import { lockCluster, requireAvailable } from "../authorizations/cluster-checks.js";
import { lockOwnEndpoint, requireActive } from "./lookup.js";
import { resolveSecurityGroups } from "./security-groups.js";

export interface ModifyEndpointRequest {
  readonly endpointName: string;
  readonly vpcSecurityGroupIds?: readonly string[] | undefined;
}

export async function modifyEndpointAccess(ctx: DomainContext, req: ModifyEndpointRequest): Promise<Endpoint> {
  const endpoint = await lockOwnEndpoint(ctx, req.endpointName);
  requireActive(endpoint);
  if (req.vpcSecurityGroupIds === undefined || req.vpcSecurityGroupIds.length === 0) {
    throw new InvalidParameterValue("VpcSecurityGroupIds must contain at least one VPC security group identifier.");
  }
  const cluster = await lockCluster(ctx, { account: endpoint.clusterOwner, region: endpoint.region }, endpoint.clusterId);
  requireAvailable(cluster);
  const groups = await resolveSecurityGroups(ctx, endpoint.vpcId, req.vpcSecurityGroupIds);
  if (sameSet(groups, endpoint.securityGroupIds)) {
    throw new InvalidClusterSecurityGroupState("The specified VPC security group identifiers are already associated with the endpoint.");
  }
  endpoint.securityGroupIds = groups;
  beginTransition(endpoint, "endpoint-modify", ctx.now, ctx.delays);
  await ctx.tx.endpoints.update(endpoint);
  return endpoint;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(b);
  return a.length === set.size && a.every((x) => set.has(x));
}
