/** CreateClusterParameterGroup: a named group of a family, every parameter at its default (https://docs.aws.amazon.com/redshift/latest/APIReference/API_CreateClusterParameterGroup.html). */
import { createParameterGroup } from "../../../domain/parameter-groups/operations.js";
import { required, string, structure } from "../../../protocol/shapes.js";
import { operation } from "../../operation.js";
import { TagList } from "../clusters/shapes.js";
import { ClusterParameterGroupShape, parameterGroupToWire } from "./shapes.js";

export const CreateClusterParameterGroupInput = structure({
  ParameterGroupName: required(string()),
  ParameterGroupFamily: required(string()),
  Description: required(string()),
  Tags: TagList,
});

export const CreateClusterParameterGroup = operation({
  input: CreateClusterParameterGroupInput,
  output: structure({ ClusterParameterGroup: ClusterParameterGroupShape }),
  handler: async (ctx, input) => ({ ClusterParameterGroup: parameterGroupToWire(await createParameterGroup(ctx, input)) }),
});
