/** ModifyClusterParameterGroup: sets up to 20 parameters of a user group (https://docs.aws.amazon.com/redshift/latest/APIReference/API_ModifyClusterParameterGroup.html). */
import { UPDATED_STATUS, modifyParameterGroup } from "../../../domain/parameter-groups/operations.js";
import { boolean, list, required, string, structure } from "../../../protocol/shapes.js";
import { operation } from "../../operation.js";
import { ClusterParameterGroupNameMessage } from "./shapes.js";

/** The model's `Parameter` as a request member: only the name and value are acted on. */
export const ParameterInput = structure({
  ParameterName: string(),
  ParameterValue: string(),
  Description: string(),
  Source: string(),
  DataType: string(),
  AllowedValues: string(),
  ApplyType: string({ enum: ["static", "dynamic"] }),
  IsModifiable: boolean,
  MinimumEngineVersion: string(),
});

export const ModifyClusterParameterGroupInput = structure({
  ParameterGroupName: required(string()),
  Parameters: required(list(ParameterInput, "Parameter")),
});

export const ModifyClusterParameterGroup = operation({
  input: ModifyClusterParameterGroupInput,
  output: ClusterParameterGroupNameMessage,
  handler: async (ctx, input) => {
    const group = await modifyParameterGroup(ctx, input);
    return { ParameterGroupName: group.name, ParameterGroupStatus: UPDATED_STATUS };
  },
});
