/** DescribeScheduledActions: the caller's actions, filtered, a page at a time. */
import { describeActions } from "../../../domain/scheduled-actions/operations.js";
import { boolean, integer, list, string, structure, timestamp } from "../../../protocol/shapes.js";
import { operation } from "../../operation.js";
import { ScheduledActionFilterList, ScheduledActionShape, scheduledActionToWire } from "./shapes.js";

export const DescribeScheduledActionsInput = structure({
  ScheduledActionName: string(),
  TargetActionType: string(),
  StartTime: timestamp,
  EndTime: timestamp,
  Active: boolean,
  Filters: ScheduledActionFilterList,
  Marker: string(),
  MaxRecords: integer(),
});

export const DescribeScheduledActionsOutput = structure({
  Marker: string(),
  ScheduledActions: list(ScheduledActionShape, "ScheduledAction"),
});

export const DescribeScheduledActions = operation({
  readOnly: true,
  input: DescribeScheduledActionsInput,
  output: DescribeScheduledActionsOutput,
  handler: async (ctx, input) => {
    const page = await describeActions(ctx, input);
    return { Marker: page.marker, ScheduledActions: page.items.map((a) => scheduledActionToWire(a, ctx.now)) };
  },
});
