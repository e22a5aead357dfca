/**
 * The checks on the target cluster that every endpoint-access mutation shares (docs/differences-from-aws.md:
 * Authorize #2–#4, Create #3, #5, #6): the cluster exists in its owner's partition, it is `available`, and it can host
 * Redshift-managed VPC endpoints at all.
 *
 * Eligibility, per the Management Guide ("Redshift-managed VPC endpoints", considerations): the
 * cluster "must have the RA3 node type" and be "enabled for either cluster relocation or Multi-AZ".
 * AWS does not name the fault; UnsupportedOperation is the only capability fault the operations
 * declare (docs/differences-from-aws.md, INFERRED).
 */
import type { DomainContext } from "../context.js";
import type { Cluster, Scope } from "../entities.js";
import { ClusterNotFound, UnsupportedOperation } from "../errors.js";
import { isRa3 } from "../clusters/node-types.js";
import { requireStatus, supportsManagedEndpoints } from "../clusters/status.js";

/**
 * The cluster `clusterIdentifier` of the partition `owner`, row-locked for the rest of the transaction
 * (quota counts made after this are atomic). Cluster identifiers are case-insensitive. The entity is
 * shared and frozen: the callers check it and read from it, never change it.
 */
export async function lockCluster(ctx: DomainContext, owner: Scope, clusterIdentifier: string): Promise<Readonly<Cluster>> {
  const cluster = await ctx.tx.clusters.getForUpdateShared(owner, clusterIdentifier.toLowerCase());
  if (!cluster) throw new ClusterNotFound(`Cluster ${clusterIdentifier} not found.`);
  return cluster;
}

/** The same lookup without a lock, for reads. */
export async function findCluster(ctx: DomainContext, owner: Scope, clusterIdentifier: string): Promise<Cluster> {
  const cluster = await ctx.tx.clusters.get(owner, clusterIdentifier.toLowerCase());
  if (!cluster) throw new ClusterNotFound(`Cluster ${clusterIdentifier} not found.`);
  return cluster;
}

/** The cluster must be `available` (InvalidClusterState otherwise), as for every mutating cluster call. */
export function requireAvailable(cluster: Cluster): void {
  requireStatus(cluster, ["available"]);
}

export function requireEligible(cluster: Cluster): void {
  if (!isRa3(cluster.nodeType)) {
    throw new UnsupportedOperation(
      `Redshift-managed VPC endpoints are supported only for RA3 node types; cluster ${cluster.id} uses ${cluster.nodeType}.`,
    );
  }
  if (!supportsManagedEndpoints(cluster)) {
    throw new UnsupportedOperation(
      `Redshift-managed VPC endpoints require cluster relocation or Multi-AZ to be enabled on cluster ${cluster.id}.`,
    );
  }
}
