/** DescribeDefaultClusterParameters: a family's parameters at their defaults, a page at a time. */
import { describeDefaultParameters } from "../../../domain/parameter-groups/operations.js";
import { integer, required, string, structure } from "../../../protocol/shapes.js";
import { operation } from "../../operation.js";
import { ParametersList, parameterToWire } from "./shapes.js";

export const DescribeDefaultClusterParametersInput = structure({
  ParameterGroupFamily: required(string()),
  MaxRecords: integer(),
  Marker: string(),
});

/** `<DefaultClusterParameters>` with the family, the marker and `<Parameters><Parameter>…`. */
export const DescribeDefaultClusterParametersOutput = structure({
  DefaultClusterParameters: structure({ ParameterGroupFamily: string(), Marker: string(), Parameters: ParametersList }),
});

export const DescribeDefaultClusterParameters = operation({
  readOnly: true,
  input: DescribeDefaultClusterParametersInput,
  output: DescribeDefaultClusterParametersOutput,
  handler: async (_ctx, input) => {
    const page = describeDefaultParameters(input);
    return {
      DefaultClusterParameters: { ParameterGroupFamily: input.ParameterGroupFamily, Marker: page.marker, Parameters: page.items.map(parameterToWire) },
    };
  },
});
