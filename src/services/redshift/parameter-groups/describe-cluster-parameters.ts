/** DescribeClusterParameters: the parameters of a group with their values and sources, a page at a time. */
import { describeParameters } from "../../../domain/parameter-groups/operations.js";
import { integer, required, string, structure } from "../../../protocol/shapes.js";
import { operation } from "../../operation.js";
import { ParametersList, parameterToWire } from "./shapes.js";

export const DescribeClusterParametersInput = structure({
  ParameterGroupName: required(string()),
  Source: string(),
  MaxRecords: integer(),
  Marker: string(),
});

/** `ClusterParameterGroupDetails`. */
export const DescribeClusterParametersOutput = structure({ Parameters: ParametersList, Marker: string() });

export const DescribeClusterParameters = operation({
  readOnly: true,
  input: DescribeClusterParametersInput,
  output: DescribeClusterParametersOutput,
  handler: async (ctx, input) => {
    const page = await describeParameters(ctx, input);
    return { Parameters: page.items.map(parameterToWire), Marker: page.marker };
  },
});
