/** ModifyScheduledAction: changes the members given. */
import { modifyAction } from "../../../domain/scheduled-actions/operations.js";
import { boolean, required, string, structure, timestamp } from "../../../protocol/shapes.js";
import { operation } from "../../operation.js";
import { ScheduledActionShape, ScheduledActionTypeShape, scheduledActionToWire } from "./shapes.js";

export const ModifyScheduledActionInput = structure({
  ScheduledActionName: required(string()),
  TargetAction: ScheduledActionTypeShape,
  Schedule: string(),
  IamRole: string(),
  ScheduledActionDescription: string(),
  StartTime: timestamp,
  EndTime: timestamp,
  Enable: boolean,
});

export const ModifyScheduledAction = operation({
  input: ModifyScheduledActionInput,
  output: ScheduledActionShape,
  handler: async (ctx, input) => scheduledActionToWire(await modifyAction(ctx, input), ctx.now),
});
