/**
 * What a cluster reports of its snapshot schedule: `SnapshotScheduleIdentifier`,
 * `SnapshotScheduleState`, `ExpectedNextSnapshotScheduleTime` and
 * `ExpectedNextSnapshotScheduleTimeStatus`
 * (https://docs.aws.amazon.com/redshift/latest/APIReference/API_Cluster.html: the expected time and
 * its status are given "for clusters with a valid snapshot schedule and backups enabled", the status
 * being `OnTrack` — "the next snapshot is expected to be taken on time" — or `Pending` — "the next
 * snapshot is pending to be taken").
 *
 * Decided where AWS is silent (docs/differences-from-aws.md, Cron wildcards, snapshot-schedule
 * fields on clusters): the expected time is the schedule's next invocation after now; backups are
 * enabled when `AutomatedSnapshotRetentionPeriod` is above 0; the status is `OnTrack` while the
 * cluster is `available` and `Pending` in any other state (creating, modifying, paused, …: no
 * snapshot can be taken then); the association is `ACTIVE` at once (the API Reference documents the
 * `MODIFYING` state but not when it is seen).
 */
import type { Cluster, SnapshotSchedule } from "../entities.js";
import { nextInvocations, parseDefinitions } from "./definitions.js";

export interface ClusterScheduleFields {
  readonly identifier: string;
  readonly state: "ACTIVE";
  readonly expectedNext?: { readonly at: number; readonly status: "OnTrack" | "Pending" } | undefined;
}

/** The fields for a cluster and its associated schedule (undefined when it has none). */
export function clusterScheduleFields(
  cluster: Pick<Cluster, "snapshotScheduleIdentifier" | "automatedSnapshotRetentionPeriod" | "status">,
  schedule: SnapshotSchedule | undefined,
  now: number,
): ClusterScheduleFields | undefined {
  if (cluster.snapshotScheduleIdentifier === undefined) return undefined;
  const fields = { identifier: cluster.snapshotScheduleIdentifier, state: "ACTIVE" } as const;
  if (schedule === undefined || cluster.automatedSnapshotRetentionPeriod <= 0) return fields;
  const [at] = nextInvocations(parseDefinitions(schedule.definitions, schedule.anchor), schedule.anchor, now, 1);
  if (at === undefined) return fields;
  return { ...fields, expectedNext: { at, status: cluster.status === "available" ? "OnTrack" : "Pending" } };
}
