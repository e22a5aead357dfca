/**
 * Clusters as every cluster-returning operation answers them: the one mapper (shapes.ts) plus the
 * fields read from the cluster's snapshot schedule, each distinct schedule loaded once per answer.
 */
import type { DomainContext } from "../../../domain/context.js";
import type { Cluster, SnapshotSchedule } from "../../../domain/entities.js";
import { clusterScheduleFields } from "../../../domain/snapshot-schedules/cluster-fields.js";
import { clusterToWire, type ClusterWire } from "./shapes.js";

export async function clustersToWire(ctx: DomainContext, clusters: readonly Cluster[]): Promise<ClusterWire[]> {
  const schedules = new Map<string, SnapshotSchedule | undefined>();
  for (const c of clusters) {
    const id = c.snapshotScheduleIdentifier;
    if (id !== undefined && !schedules.has(id)) schedules.set(id, await ctx.tx.snapshotSchedules.get({ account: c.account, region: c.region }, id));
  }
  return clusters.map((c) => {
    const schedule = c.snapshotScheduleIdentifier === undefined ? undefined : schedules.get(c.snapshotScheduleIdentifier);
    return clusterToWire(c, ctx.now, clusterScheduleFields(c, schedule, ctx.now));
  });
}

export async function clusterWire(ctx: DomainContext, cluster: Cluster): Promise<ClusterWire> {
  return (await clustersToWire(ctx, [cluster]))[0]!;
}
