/**
 * Clusters as every cluster-returning operation answers them: the one mapper (shapes.ts) plus the
 * fields read from the cluster's snapshot schedule, each distinct schedule loaded once per answer.
 * A cluster read again unchanged reuses its wire value and XML (protocol/stable-wire.ts) while its
 * time-dependent fields — the next maintenance window, the snapshot schedule's next time — are the
 * same; a cluster being restored (its progress moves with the clock) is mapped every time.
 */
import type { DomainContext } from "../../../domain/context.js";
import type { Cluster, SnapshotSchedule } from "../../../domain/entities.js";
import { nextMaintenanceWindowStart } from "../../../domain/clusters/rules.js";
import { clusterScheduleFields, type ClusterScheduleFields } from "../../../domain/snapshot-schedules/cluster-fields.js";
import { StableWires } from "../../../protocol/stable-wire.js";
import { clusterToWire, type ClusterWire } from "./shapes.js";

const stable = new StableWires<Cluster, ClusterWire>();

export async function clustersToWire(ctx: DomainContext, clusters: readonly Cluster[]): Promise<ClusterWire[]> {
  const schedules = new Map<string, SnapshotSchedule | undefined>();
  for (const c of clusters) {
    const id = c.snapshotScheduleIdentifier;
    if (id !== undefined && !schedules.has(id)) schedules.set(id, await ctx.tx.snapshotSchedules.get({ account: c.account, region: c.region }, id));
  }
  const now = ctx.now;
  return clusters.map((c) => {
    const schedule = c.snapshotScheduleIdentifier === undefined ? undefined : clusterScheduleFields(c, schedules.get(c.snapshotScheduleIdentifier), now);
    const build = () => clusterToWire(c, now, schedule);
    if (c.restore !== undefined) return build();
    return stable.of(c, stampOf(c, now, schedule), build);
  });
}

export async function clusterWire(ctx: DomainContext, cluster: Cluster): Promise<ClusterWire> {
  return (await clustersToWire(ctx, [cluster]))[0]!;
}

/** Everything besides the entity that clusterToWire reads (with no restore under way). */
function stampOf(c: Cluster, now: number, schedule: ClusterScheduleFields | undefined): number | string | undefined {
  const window = nextMaintenanceWindowStart(c.preferredMaintenanceWindow, now);
  return schedule === undefined ? window : `${window}/${schedule.state}/${schedule.expectedNext?.at}/${schedule.expectedNext?.status}`;
}
