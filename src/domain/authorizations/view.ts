/**
 * What the authorization operations return: the grant plus the *live* status of its cluster
 * (`ClusterStatus` is read at answer time, never copied into the grant — docs/differences-from-aws.md).
 * Cluster reads are cached per call, so a page of N grants costs at most N + 1 row reads.
 */
import type { DomainContext } from "../context.js";
import type { Authorization, Cluster } from "../entities.js";

export interface AuthorizationView {
  readonly grant: Authorization;
  /** The cluster's current status; absent only if the cluster vanished in the same transaction. */
  readonly clusterStatus: string | undefined;
}

/** `known`: a cluster the caller has already read in this transaction (its status is not read again). */
export async function viewsOf(ctx: DomainContext, grants: readonly Authorization[], known?: Cluster): Promise<AuthorizationView[]> {
  const statuses = new Map<string, string | undefined>();
  if (known !== undefined) statuses.set(`${known.account}/${known.id}`, known.status);
  const views: AuthorizationView[] = [];
  // A page is mostly one cluster's grants in a row: the last cluster's status is reused directly.
  let last: { account: string; clusterId: string; status: string | undefined } | undefined;
  for (const grant of grants) {
    if (last === undefined || last.account !== grant.account || last.clusterId !== grant.clusterId) {
      const key = `${grant.account}/${grant.clusterId}`;
      if (!statuses.has(key)) {
        const cluster = await ctx.tx.clusters.get({ account: grant.account, region: grant.region }, grant.clusterId);
        statuses.set(key, cluster?.status);
      }
      last = { account: grant.account, clusterId: grant.clusterId, status: statuses.get(key) };
    }
    views.push({ grant, clusterStatus: last.status });
  }
  return views;
}
