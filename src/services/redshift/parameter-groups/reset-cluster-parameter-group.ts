/** ResetClusterParameterGroup: puts every parameter, or the named ones, back to the family default. */
import { UPDATED_STATUS, resetParameterGroup } from "../../../domain/parameter-groups/operations.js";
import { boolean, list, required, string, structure } from "../../../protocol/shapes.js";
import { operation } from "../../operation.js";
import { ParameterInput } from "./modify-cluster-parameter-group.js";
import { ClusterParameterGroupNameMessage } from "./shapes.js";

export const ResetClusterParameterGroupInput = structure({
  ParameterGroupName: required(string()),
  ResetAllParameters: boolean,
  Parameters: list(ParameterInput, "Parameter"),
});

export const ResetClusterParameterGroup = operation({
  input: ResetClusterParameterGroupInput,
  output: ClusterParameterGroupNameMessage,
  handler: async (ctx, input) => {
    const group = await resetParameterGroup(ctx, input);
    return { ParameterGroupName: group.name, ParameterGroupStatus: UPDATED_STATUS };
  },
});
