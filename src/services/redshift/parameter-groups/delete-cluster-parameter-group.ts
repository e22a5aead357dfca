/** DeleteClusterParameterGroup: removes a user group no cluster uses (no output members). */
import { deleteParameterGroup } from "../../../domain/parameter-groups/operations.js";
import { required, string, structure } from "../../../protocol/shapes.js";
import { operation } from "../../operation.js";

export const DeleteClusterParameterGroupInput = structure({ ParameterGroupName: required(string()) });

export const DeleteClusterParameterGroup = operation({
  input: DeleteClusterParameterGroupInput,
  output: undefined,
  handler: async (ctx, input) => {
    await deleteParameterGroup(ctx, input.ParameterGroupName);
  },
});
