/** ModifySnapshotSchedule: replaces a schedule's definitions. */
import { modifySchedule, viewSchedule } from "../../../domain/snapshot-schedules/operations.js";
import { required, string, structure } from "../../../protocol/shapes.js";
import { operation } from "../../operation.js";
import { ScheduleDefinitionList, SnapshotScheduleShape, scheduleToWire } from "./shapes.js";

export const ModifySnapshotScheduleInput = structure({
  ScheduleIdentifier: required(string()),
  ScheduleDefinitions: required(ScheduleDefinitionList),
});

export const ModifySnapshotSchedule = operation({
  input: ModifySnapshotScheduleInput,
  output: SnapshotScheduleShape,
  handler: async (ctx, input) => scheduleToWire(await viewSchedule(ctx, await modifySchedule(ctx, input.ScheduleIdentifier, input.ScheduleDefinitions))),
});
