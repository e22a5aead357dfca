/**
 * CreateSnapshotSchedule, DescribeSnapshotSchedules, ModifySnapshotSchedule, DeleteSnapshotSchedule
 * and ModifyClusterSnapshotSchedule (docs/differences-from-aws.md, Snapshot schedules). A cluster
 * names its schedule (`snapshotScheduleIdentifier`, indexed), so a schedule's associated clusters are
 * one indexed query and a deleted cluster leaves no association behind. No snapshot is ever taken.
 */
import type { DomainContext } from "../context.js";
import type { Cluster, SnapshotSchedule } from "../entities.js";
import {
  InvalidClusterSnapshotScheduleState,
  InvalidParameterCombination,
  InvalidParameterValue,
  InvalidSchedule,
  ScheduleDefinitionTypeUnsupported,
  SnapshotScheduleAlreadyExists,
  SnapshotScheduleNotFound,
  SnapshotScheduleQuotaExceeded,
} from "../errors.js";
import { pageSize, paginate, type Page } from "../pagination.js";
import { DuplicateKeyError } from "../../store/store.js";
import { checkTags, filteredFetch, matchesTags, type TagFilter } from "../clusters/tags.js";
import { clusterKey } from "../clusters/rules.js";
import { getClusterForUpdate } from "../clusters/describe.js";
import { nextInvocations, parseDefinitions, ScheduleError } from "./definitions.js";
import { scheduleAutomated } from "../snapshots/automated.js";

/** NextInvocations when the request does not say; AWS documents no default. */
export const DEFAULT_NEXT_INVOCATIONS = 3;
const MAX_NEXT_INVOCATIONS = 100;

/** ScheduleIdentifier: 1–255 letters, digits or hyphens (as Terraform's examples use), stored lower-cased. */
export function normaliseScheduleIdentifier(raw: string | undefined): string {
  if (raw === undefined || raw === "") throw new InvalidParameterValue("ScheduleIdentifier is required.");
  if (raw.length > 255 || !/^[A-Za-z0-9-]+$/.test(raw)) {
    throw new InvalidParameterValue("ScheduleIdentifier must contain only alphanumeric characters or hyphens, at most 255.");
  }
  return raw.toLowerCase();
}

function checkDefinitions(raw: readonly string[] | undefined, anchor: number): string[] {
  const defs = raw ?? [];
  for (const d of defs) {
    if (!/^\s*(rate|cron)\(/i.test(d) && /^\s*[a-z]+\(/i.test(d)) {
      throw new ScheduleDefinitionTypeUnsupported(`Schedule definition type of '${d}' is not supported: use rate(…) or cron(…).`);
    }
  }
  try {
    parseDefinitions(defs, anchor);
  } catch (err) {
    if (err instanceof ScheduleError) throw new InvalidSchedule(`Invalid schedule definition: ${err.message}.`);
    throw err;
  }
  return [...defs];
}

function checkCount(n: number | undefined): number {
  if (n === undefined) return DEFAULT_NEXT_INVOCATIONS;
  if (!Number.isInteger(n) || n < 1 || n > MAX_NEXT_INVOCATIONS) {
    throw new InvalidParameterValue(`NextInvocations must be between 1 and ${MAX_NEXT_INVOCATIONS}.`);
  }
  return n;
}

export async function getSchedule(ctx: DomainContext, identifier: string): Promise<SnapshotSchedule> {
  const schedule = await ctx.tx.snapshotSchedules.get(ctx.scope, identifier.toLowerCase());
  if (!schedule) throw new SnapshotScheduleNotFound(`Snapshot Schedule ${identifier} not found.`);
  return schedule;
}

/** A schedule as answers show it: its next invocations from now and the clusters that use it. */
export interface ScheduleView {
  readonly schedule: SnapshotSchedule;
  readonly nextInvocations: number[];
  readonly clusters: Cluster[];
}

export async function viewSchedule(ctx: DomainContext, schedule: SnapshotSchedule, count = DEFAULT_NEXT_INVOCATIONS): Promise<ScheduleView> {
  const defs = parseDefinitions(schedule.definitions, schedule.anchor);
  const clusters = await ctx.tx.clusters.find({ account: schedule.account, region: schedule.region, snapshotScheduleIdentifier: schedule.id }, { limit: 100 });
  return { schedule, nextInvocations: nextInvocations(defs, schedule.anchor, ctx.now, count), clusters };
}

export interface CreateScheduleRequest {
  ScheduleIdentifier?: string | undefined;
  ScheduleDefinitions?: string[] | undefined;
  ScheduleDescription?: string | undefined;
  Tags?: { Key?: string; Value?: string }[] | undefined;
  DryRun?: boolean | undefined;
  NextInvocations?: number | undefined;
}

/** Creates a schedule; with `DryRun`, checks everything and stores nothing. */
export async function createSchedule(ctx: DomainContext, req: CreateScheduleRequest): Promise<{ schedule: SnapshotSchedule; count: number }> {
  const id = normaliseScheduleIdentifier(req.ScheduleIdentifier);
  const definitions = checkDefinitions(req.ScheduleDefinitions, ctx.now);
  const count = checkCount(req.NextInvocations);
  const tags = checkTags(req.Tags);
  if (await ctx.tx.snapshotSchedules.get(ctx.scope, id)) throw new SnapshotScheduleAlreadyExists(`Snapshot Schedule ${id} already exists.`);
  const partition = { account: ctx.scope.account, region: ctx.scope.region };
  const limit = ctx.quotas["snapshot-schedules-per-account"];
  if ((await ctx.tx.snapshotSchedules.count(partition)) >= limit) {
    throw new SnapshotScheduleQuotaExceeded(`The request would exceed the allowed number of snapshot schedules for this account (${limit}).`);
  }
  const schedule: SnapshotSchedule = { ...partition, id, createdAt: ctx.now, definitions, description: req.ScheduleDescription, anchor: ctx.now, tags };
  if (req.DryRun === true) return { schedule, count };
  try {
    await ctx.tx.snapshotSchedules.insert(schedule);
  } catch (err) {
    if (err instanceof DuplicateKeyError) throw new SnapshotScheduleAlreadyExists(`Snapshot Schedule ${id} already exists.`);
    throw err;
  }
  return { schedule, count };
}

export interface DescribeSchedulesRequest extends TagFilter {
  ScheduleIdentifier?: string | undefined;
  ClusterIdentifier?: string | undefined;
  MaxRecords?: number | undefined;
  Marker?: string | undefined;
}

/**
 * One schedule by identifier, the schedule of one cluster, or all the caller's schedules a page at
 * a time; each narrowed by the tag filters. An unknown schedule or cluster gives an empty list (the
 * operation models no error).
 */
export async function describeSchedules(ctx: DomainContext, req: DescribeSchedulesRequest): Promise<Page<SnapshotSchedule>> {
  pageSize(req.MaxRecords);
  const wanted = req.ScheduleIdentifier !== undefined && req.ScheduleIdentifier !== "" ? req.ScheduleIdentifier.toLowerCase() : undefined;
  let byCluster: string | undefined;
  if (req.ClusterIdentifier !== undefined && req.ClusterIdentifier !== "") {
    const cluster = await ctx.tx.clusters.get(ctx.scope, clusterKey(req.ClusterIdentifier));
    if (cluster?.snapshotScheduleIdentifier === undefined) return { items: [] };
    byCluster = cluster.snapshotScheduleIdentifier;
  }
  const partition = { account: ctx.scope.account, region: ctx.scope.region };
  return paginate(
    filteredFetch(
      (page) => ctx.tx.snapshotSchedules.find({ ...partition, id: wanted ?? byCluster }, page),
      (s) => (byCluster === undefined || s.id === byCluster) && matchesTags(s.tags, req),
    ),
    req,
  );
}

export async function modifySchedule(ctx: DomainContext, identifier: string, definitions: string[] | undefined): Promise<SnapshotSchedule> {
  const checked = checkDefinitions(definitions, ctx.now);
  const schedule = await getSchedule(ctx, identifier);
  schedule.definitions = checked;
  schedule.anchor = ctx.now;
  await ctx.tx.snapshotSchedules.update(schedule);
  // The clusters that follow it take their next automated snapshot from the new definitions.
  for (const cluster of await ctx.tx.clusters.find({ account: schedule.account, region: schedule.region, snapshotScheduleIdentifier: schedule.id })) {
    await scheduleAutomated(ctx, cluster, ctx.now);
    await ctx.tx.clusters.update(cluster);
  }
  return schedule;
}

export async function deleteSchedule(ctx: DomainContext, identifier: string): Promise<void> {
  const schedule = await getSchedule(ctx, identifier);
  const inUse = await ctx.tx.clusters.count({ account: schedule.account, region: schedule.region, snapshotScheduleIdentifier: schedule.id });
  if (inUse > 0) {
    throw new InvalidClusterSnapshotScheduleState(`Snapshot Schedule ${schedule.id} cannot be deleted: it is associated with ${inUse} cluster(s).`);
  }
  await ctx.tx.snapshotSchedules.remove(schedule, schedule.id);
}

export interface ModifyClusterScheduleRequest {
  ClusterIdentifier: string;
  ScheduleIdentifier?: string | undefined;
  DisassociateSchedule?: boolean | undefined;
}

/**
 * Associates a schedule with a cluster (replacing any other) or removes the association; the change
 * is ACTIVE at once. Checks: the cluster, the parameters' combination, then the schedule.
 */
export async function modifyClusterSchedule(ctx: DomainContext, req: ModifyClusterScheduleRequest): Promise<void> {
  const cluster = await getClusterForUpdate(ctx, req.ClusterIdentifier);
  const given = req.ScheduleIdentifier !== undefined && req.ScheduleIdentifier !== "";
  if (req.DisassociateSchedule === true) {
    // ScheduleIdentifier may name the schedule being removed (the hashicorp/aws provider sends both); it must be the cluster's.
    if (cluster.snapshotScheduleIdentifier === undefined) {
      throw new InvalidClusterSnapshotScheduleState(`Cluster ${cluster.id} is not associated with a snapshot schedule.`);
    }
    if (given && req.ScheduleIdentifier!.toLowerCase() !== cluster.snapshotScheduleIdentifier.toLowerCase()) {
      throw new InvalidClusterSnapshotScheduleState(`Cluster ${cluster.id} is not associated with snapshot schedule ${req.ScheduleIdentifier}.`);
    }
    cluster.snapshotScheduleIdentifier = undefined;
  } else {
    if (!given) throw new InvalidParameterCombination("Either ScheduleIdentifier or DisassociateSchedule must be specified.");
    const schedule = await getSchedule(ctx, req.ScheduleIdentifier!);
    if (cluster.snapshotScheduleIdentifier === schedule.id) {
      throw new InvalidClusterSnapshotScheduleState(`Cluster ${cluster.id} is already associated with snapshot schedule ${schedule.id}.`);
    }
    cluster.snapshotScheduleIdentifier = schedule.id;
  }
  // Automated snapshots now follow the schedule (or, without one, every 8 hours from now).
  await scheduleAutomated(ctx, cluster, ctx.now);
  await ctx.tx.clusters.update(cluster);
}
