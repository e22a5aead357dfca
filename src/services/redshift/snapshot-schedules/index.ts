/**
 * The snapshot-schedule operations of the Redshift service table (one file per action beside this).
 * Schedules are validated, report their next invocations on the server's clock and drive the
 * automated snapshots of their clusters (docs/differences-from-aws.md, Snapshot schedules, Snapshots).
 */
import type { AnyOperation } from "../../operation.js";
import { CreateSnapshotSchedule } from "./create-snapshot-schedule.js";
import { DeleteSnapshotSchedule } from "./delete-snapshot-schedule.js";
import { DescribeSnapshotSchedules } from "./describe-snapshot-schedules.js";
import { ModifyClusterSnapshotSchedule } from "./modify-cluster-snapshot-schedule.js";
import { ModifySnapshotSchedule } from "./modify-snapshot-schedule.js";

export const snapshotScheduleOperations: Record<
  "CreateSnapshotSchedule" | "DescribeSnapshotSchedules" | "ModifySnapshotSchedule" | "DeleteSnapshotSchedule" | "ModifyClusterSnapshotSchedule",
  AnyOperation
> = {
  CreateSnapshotSchedule,
  DescribeSnapshotSchedules,
  ModifySnapshotSchedule,
  DeleteSnapshotSchedule,
  ModifyClusterSnapshotSchedule,
};
