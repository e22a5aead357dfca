/**
 * Automated snapshots on the emulator's clock (docs/differences-from-aws.md, Snapshots). AWS takes
 * them "about every eight hours or following every 5 GB per node of data changes", or on the
 * cluster's snapshot schedule, keeps them AutomatedSnapshotRetentionPeriod days (0 turns them off)
 * and deletes them with the cluster
 * (https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-snapshots.html). The emulator holds
 * no data, so it takes one every 8 hours from the cluster's creation, or at the invocations of the
 * associated snapshot schedule, while the cluster is available. The next one is the cluster's
 * `dueAt`; settle takes it — no timers. Runs missed while the clock jumped are not made up: only the
 * latest one due is taken, at the instant it was due.
 */
import type { DomainContext } from "../context.js";
import type { Cluster, ClusterSnapshot } from "../entities.js";
import { nextInvocations, parseDefinitions, ScheduleError } from "../snapshot-schedules/definitions.js";
import { expiryOf, insertSnapshot, sourceOf } from "./rules.js";

export const AUTOMATED_INTERVAL_MS = 8 * 3_600_000;
const LOOK_BACK_MS = 25 * 3_600_000;

/** `rs:CLUSTER-YYYY-MM-DD-HH-MM-SS`, AWS's name for automated snapshots. */
export function automatedSnapshotName(clusterId: string, at: number): string {
  const iso = new Date(at).toISOString(); // 2026-01-02T03:04:05.000Z
  return `rs:${clusterId}-${iso.slice(0, 10)}-${iso.slice(11, 13)}-${iso.slice(14, 16)}-${iso.slice(17, 19)}`;
}

async function scheduleOf(ctx: DomainContext, cluster: Cluster): Promise<((after: number, count: number) => number[]) | undefined> {
  if (cluster.snapshotScheduleIdentifier === undefined) return undefined;
  const schedule = await ctx.tx.snapshotSchedules.get(cluster, cluster.snapshotScheduleIdentifier);
  if (!schedule) return undefined;
  try {
    const defs = parseDefinitions(schedule.definitions, schedule.anchor);
    return (after, count) => nextInvocations(defs, schedule.anchor, after, count);
  } catch (err) {
    if (err instanceof ScheduleError) return undefined;
    throw err;
  }
}

/** The next automated snapshot after `after`: undefined when automated snapshots are off. */
export async function nextAutomatedAt(ctx: DomainContext, cluster: Cluster, after: number): Promise<number | undefined> {
  if (cluster.automatedSnapshotRetentionPeriod === 0) return undefined;
  const schedule = await scheduleOf(ctx, cluster);
  if (schedule) return schedule(after, 1)[0];
  return after + AUTOMATED_INTERVAL_MS;
}

/** Sets the cluster's next automated snapshot (its `dueAt`) counting from `from`; the caller saves it. */
export async function scheduleAutomated(ctx: DomainContext, cluster: Cluster, from: number): Promise<void> {
  cluster.dueAt = await nextAutomatedAt(ctx, cluster, from);
}

/** The latest instant of the cluster's automated cadence at or before now, from its due time on. */
async function latestDue(ctx: DomainContext, cluster: Cluster, due: number): Promise<number> {
  const schedule = await scheduleOf(ctx, cluster);
  if (schedule) {
    const recent = schedule(Math.max(due, ctx.now - LOOK_BACK_MS) - 1, 48).filter((t) => t >= due && t <= ctx.now);
    return recent.length > 0 ? recent[recent.length - 1]! : due;
  }
  return due + Math.floor((ctx.now - due) / AUTOMATED_INTERVAL_MS) * AUTOMATED_INTERVAL_MS;
}

/**
 * Called by settle for a cluster whose `dueAt` has come and that has no transition under way: takes
 * the automated snapshot if the cluster is available, and schedules the next one.
 */
export async function takeAutomatedSnapshot(ctx: DomainContext, cluster: Cluster): Promise<void> {
  const due = cluster.dueAt!;
  const owner: DomainContext = { ...ctx, scope: { account: cluster.account, region: cluster.region } };
  if (cluster.automatedSnapshotRetentionPeriod === 0) {
    cluster.dueAt = undefined;
    await ctx.tx.clusters.update(cluster);
    return;
  }
  const at = await latestDue(owner, cluster, due);
  if (cluster.status === "available") {
    const id = automatedSnapshotName(cluster.id, at);
    if (!(await ctx.tx.snapshots.get(cluster, id))) {
      const snapshot = await insertSnapshot(owner, {
        id,
        snapshotType: "automated",
        source: sourceOf(cluster),
        retentionPeriod: cluster.automatedSnapshotRetentionPeriod,
        tags: [],
        at,
      });
      void snapshot;
    }
  }
  cluster.dueAt = await nextAutomatedAt(owner, cluster, Math.max(at, ctx.now));
  await ctx.tx.clusters.update(cluster);
}

/**
 * After ModifyCluster changed AutomatedSnapshotRetentionPeriod: the cluster's automated snapshots
 * take the new period (those now past it, or all of them for 0, are deleted) and the next automated
 * snapshot is scheduled or cancelled. The caller saves the cluster.
 */
export async function applyAutomatedRetention(ctx: DomainContext, cluster: Cluster, previous: number): Promise<void> {
  const days = cluster.automatedSnapshotRetentionPeriod;
  if (days === previous) return;
  for (const s of await automatedSnapshotsOf(ctx, cluster)) {
    s.retentionPeriod = days;
    const expiry = expiryOf(s);
    if (days === 0 || (s.status === "available" && expiry !== undefined && expiry <= ctx.now)) {
      await ctx.tx.snapshots.remove(s, s.id);
      continue;
    }
    if (s.status === "available") s.dueAt = expiry;
    await ctx.tx.snapshots.update(s);
  }
  if (days === 0) cluster.dueAt = undefined;
  else if (previous === 0 || cluster.dueAt === undefined) await scheduleAutomated(ctx, cluster, ctx.now);
}

async function automatedSnapshotsOf(ctx: DomainContext, cluster: Cluster): Promise<ClusterSnapshot[]> {
  return ctx.tx.snapshots.find({ account: cluster.account, region: cluster.region, clusterIdentifier: cluster.id, snapshotType: "automated" });
}

/** A deleted cluster's automated snapshots go with it (copies are manual and stay). */
export async function removeAutomatedSnapshots(ctx: DomainContext, cluster: Cluster): Promise<void> {
  for (const s of await automatedSnapshotsOf(ctx, cluster)) await ctx.tx.snapshots.remove(s, s.id);
}
