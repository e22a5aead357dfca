/** CreateScheduledAction (https://docs.aws.amazon.com/redshift/latest/APIReference/API_CreateScheduledAction.html). */
import { createAction } from "../../../domain/scheduled-actions/operations.js";
import { boolean, required, string, structure, timestamp } from "../../../protocol/shapes.js";
import { operation } from "../../operation.js";
import { ScheduledActionShape, ScheduledActionTypeShape, scheduledActionToWire } from "./shapes.js";

export const CreateScheduledActionInput = structure({
  ScheduledActionName: required(string()),
  TargetAction: required(ScheduledActionTypeShape),
  Schedule: required(string()),
  IamRole: required(string()),
  ScheduledActionDescription: string(),
  StartTime: timestamp,
  EndTime: timestamp,
  Enable: boolean,
});

export const CreateScheduledAction = operation({
  input: CreateScheduledActionInput,
  output: ScheduledActionShape,
  handler: async (ctx, input) => scheduledActionToWire(await createAction(ctx, input), ctx.now),
});
