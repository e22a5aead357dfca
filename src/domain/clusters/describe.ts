/**
 * Cluster lookups: one cluster of the caller by identifier (`ClusterNotFound` 404, "Cluster <id> not
 * found." as real CLI output shows [OBS-CLI]), or the caller's clusters a page at a time.
 */
import type { DomainContext } from "../context.js";
import type { Cluster } from "../entities.js";
import { ClusterNotFound, InvalidParameterCombination } from "../errors.js";
import { pageSize, paginate, type Page } from "../pagination.js";
import { clusterKey } from "./rules.js";
import { checkTagFilter, filteredFetch, matchesTags, type TagFilter } from "./tags.js";

export async function getCluster(ctx: DomainContext, identifier: string): Promise<Cluster> {
  const cluster = await ctx.tx.clusters.get(ctx.scope, clusterKey(identifier));
  if (!cluster) throw new ClusterNotFound(`Cluster ${identifier} not found.`);
  return cluster;
}

/** The same, with the row locked for the rest of the transaction (mutating calls). */
export async function getClusterForUpdate(ctx: DomainContext, identifier: string): Promise<Cluster> {
  const cluster = await ctx.tx.clusters.getForUpdate(ctx.scope, clusterKey(identifier));
  if (!cluster) throw new ClusterNotFound(`Cluster ${identifier} not found.`);
  return cluster;
}

export interface DescribeClustersRequest extends TagFilter {
  ClusterIdentifier?: string;
  MaxRecords?: number;
  Marker?: string;
}

/**
 * "Constraints: You can specify either the ClusterIdentifier parameter or the Marker parameter, but
 * not both" [M] — InvalidParameterCombination (INFERRED code). Tag filters apply to either form.
 */
export async function describeClusters(ctx: DomainContext, req: DescribeClustersRequest): Promise<Page<Cluster>> {
  pageSize(req.MaxRecords); // 20–100 whether or not a single cluster is asked for (docs/differences-from-aws.md, Pagination)
  checkTagFilter(req);
  if (req.ClusterIdentifier !== undefined && req.ClusterIdentifier !== "") {
    if (req.Marker !== undefined && req.Marker !== "") {
      throw new InvalidParameterCombination("You can specify either the ClusterIdentifier parameter or the Marker parameter, but not both.");
    }
    const cluster = await getCluster(ctx, req.ClusterIdentifier);
    return { items: matchesTags(cluster.tags, req) ? [cluster] : [] };
  }
  const partition = { account: ctx.scope.account, region: ctx.scope.region };
  return paginate(
    filteredFetch(
      (page) => ctx.tx.clusters.find(partition, page),
      (c) => matchesTags(c.tags, req),
    ),
    req,
  );
}
