/**
 * The scheduled-action operations of the Redshift service table (one file per action beside this).
 * Enabled actions run on the server's clock through settle (src/domain/scheduled-actions/run.ts).
 */
import type { AnyOperation } from "../../operation.js";
import { CreateScheduledAction } from "./create-scheduled-action.js";
import { DeleteScheduledAction } from "./delete-scheduled-action.js";
import { DescribeScheduledActions } from "./describe-scheduled-actions.js";
import { ModifyScheduledAction } from "./modify-scheduled-action.js";

export const scheduledActionOperations: Record<
  "CreateScheduledAction" | "DescribeScheduledActions" | "ModifyScheduledAction" | "DeleteScheduledAction",
  AnyOperation
> = {
  CreateScheduledAction,
  DescribeScheduledActions,
  ModifyScheduledAction,
  DeleteScheduledAction,
};
