/** DeleteSnapshotSchedule: removes a schedule no cluster uses (no output members). */
import { deleteSchedule } from "../../../domain/snapshot-schedules/operations.js";
import { required, string, structure } from "../../../protocol/shapes.js";
import { operation } from "../../operation.js";

export const DeleteSnapshotScheduleInput = structure({ ScheduleIdentifier: required(string()) });

export const DeleteSnapshotSchedule = operation({
  input: DeleteSnapshotScheduleInput,
  output: undefined,
  handler: async (ctx, input) => {
    await deleteSchedule(ctx, input.ScheduleIdentifier);
  },
});
