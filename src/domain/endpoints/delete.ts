/**
 * DeleteEndpointAccess
 * (https://docs.aws.amazon.com/redshift/latest/APIReference/API_DeleteEndpointAccess.html): the owner
 * deletes an `active` endpoint; the answer shows
 * `deleting`, and the endpoint is gone once the `endpoint-delete` transition completes (then the
 * grant's EndpointCount drops, endpoints/cascade.ts).
 *
 * A paused, rebooting or otherwise busy cluster refuses the delete with InvalidClusterState like every
 * other endpoint mutation (docs/differences-from-aws.md, INFERRED); a cluster that is itself being deleted
 * does not, because the cluster's deletion takes the endpoint with it anyway.
 */
import type { DomainContext } from "../context.js";
import type { Endpoint } from "../entities.js";
import { beginTransition } from "../lifecycle.js";
import { requireAvailable } from "../authorizations/cluster-checks.js";
import { lockOwnEndpoint, requireActive } from "./lookup.js";

export async function deleteEndpointAccess(ctx: DomainContext, endpointName: string): Promise<Endpoint> {
  const endpoint = await lockOwnEndpoint(ctx, endpointName);
  requireActive(endpoint);
  const cluster = await ctx.tx.clusters.getForUpdate({ account: endpoint.clusterOwner, region: endpoint.region }, endpoint.clusterId);
  if (cluster && cluster.status !== "deleting") requireAvailable(cluster);
  beginTransition(endpoint, "endpoint-delete", ctx.now, ctx.delays);
  await ctx.tx.endpoints.update(endpoint);
  return endpoint;
}
