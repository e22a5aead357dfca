/** CreateSnapshotSchedule (https://docs.aws.amazon.com/redshift/latest/APIReference/API_CreateSnapshotSchedule.html). */
import { createSchedule, viewSchedule } from "../../../domain/snapshot-schedules/operations.js";
import { boolean, integer, string, structure } from "../../../protocol/shapes.js";
import { operation } from "../../operation.js";
import { TagList } from "../clusters/shapes.js";
import { ScheduleDefinitionList, SnapshotScheduleShape, scheduleToWire } from "./shapes.js";

export const CreateSnapshotScheduleInput = structure({
  ScheduleDefinitions: ScheduleDefinitionList,
  ScheduleIdentifier: string(),
  ScheduleDescription: string(),
  Tags: TagList,
  DryRun: boolean,
  NextInvocations: integer(),
});

export const CreateSnapshotSchedule = operation({
  input: CreateSnapshotScheduleInput,
  output: SnapshotScheduleShape,
  handler: async (ctx, input) => {
    const { schedule, count } = await createSchedule(ctx, input);
    return scheduleToWire(await viewSchedule(ctx, schedule, count));
  },
});
