/** DescribeSnapshotSchedules: by identifier, by cluster, or all the caller's, with tag filters and pages. */
import { describeSchedules, viewSchedule } from "../../../domain/snapshot-schedules/operations.js";
import { integer, list, string, structure } from "../../../protocol/shapes.js";
import { operation } from "../../operation.js";
import { TagKeyList, TagValueList } from "../clusters/shapes.js";
import { SnapshotScheduleShape, scheduleToWire } from "./shapes.js";

export const DescribeSnapshotSchedulesInput = structure({
  ClusterIdentifier: string(),
  ScheduleIdentifier: string(),
  TagKeys: TagKeyList,
  TagValues: TagValueList,
  Marker: string(),
  MaxRecords: integer(),
});

export const DescribeSnapshotSchedulesOutput = structure({
  SnapshotSchedules: list(SnapshotScheduleShape, "SnapshotSchedule"),
  Marker: string(),
});

export const DescribeSnapshotSchedules = operation({
  readOnly: true,
  input: DescribeSnapshotSchedulesInput,
  output: DescribeSnapshotSchedulesOutput,
  handler: async (ctx, input) => {
    const page = await describeSchedules(ctx, input);
    const schedules = [];
    for (const s of page.items) schedules.push(scheduleToWire(await viewSchedule(ctx, s)));
    return { SnapshotSchedules: schedules, Marker: page.marker };
  },
});
