/** ModifyClusterSnapshotSchedule: associates a schedule with a cluster, or removes it (no output members). */
import { modifyClusterSchedule } from "../../../domain/snapshot-schedules/operations.js";
import { boolean, required, string, structure } from "../../../protocol/shapes.js";
import { operation } from "../../operation.js";

export const ModifyClusterSnapshotScheduleInput = structure({
  ClusterIdentifier: required(string()),
  ScheduleIdentifier: string(),
  DisassociateSchedule: boolean,
});

export const ModifyClusterSnapshotSchedule = operation({
  input: ModifyClusterSnapshotScheduleInput,
  output: undefined,
  handler: async (ctx, input) => {
    await modifyClusterSchedule(ctx, input);
  },
});
