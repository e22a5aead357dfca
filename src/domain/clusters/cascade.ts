/**
 * What happens when a cluster is finally gone (docs/differences-from-aws.md, Clusters): it is removed,
 * its grants, usage limits and automated snapshots are removed (manual ones stay), and
 * every endpoint to it — in any account — is driven through `deleting` to gone.
 */
import type { DomainContext } from "../context.js";
import type { Cluster } from "../entities.js";
import { beginTransition } from "../lifecycle.js";
import { removeAutomatedSnapshots } from "../snapshots/automated.js";

export async function clusterGone(ctx: DomainContext, cluster: Cluster): Promise<void> {
  // Already removed (settled by another instance): its grants and endpoints were handled then.
  if (!(await ctx.tx.clusters.remove(cluster, cluster.id))) return;
  for (const grant of await ctx.tx.authorizations.find({ account: cluster.account, region: cluster.region, clusterId: cluster.id })) {
    await ctx.tx.authorizations.remove(grant, grant.id);
  }
  for (const limit of await ctx.tx.usageLimits.find({ account: cluster.account, region: cluster.region, clusterId: cluster.id })) {
    await ctx.tx.usageLimits.remove(limit, limit.id);
  }
  await removeAutomatedSnapshots(ctx, cluster);
  const endpoints = await ctx.tx.endpoints.find({ region: cluster.region, clusterOwner: cluster.account, clusterId: cluster.id });
  for (const endpoint of endpoints) {
    if (endpoint.status === "deleting") continue;
    beginTransition(endpoint, "endpoint-delete", ctx.now, ctx.delays);
    await ctx.tx.endpoints.update(endpoint);
  }
}
