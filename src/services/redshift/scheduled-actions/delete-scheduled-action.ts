/** DeleteScheduledAction (no output members). */
import { deleteAction } from "../../../domain/scheduled-actions/operations.js";
import { required, string, structure } from "../../../protocol/shapes.js";
import { operation } from "../../operation.js";

export const DeleteScheduledActionInput = structure({ ScheduledActionName: required(string()) });

export const DeleteScheduledAction = operation({
  input: DeleteScheduledActionInput,
  output: undefined,
  handler: async (ctx, input) => {
    await deleteAction(ctx, input.ScheduledActionName);
  },
});
