/** DescribeClusterParameterGroups: one group by name, or the default groups then the caller's, a page at a time. */
import { describeParameterGroups } from "../../../domain/parameter-groups/operations.js";
import { integer, list, string, structure } from "../../../protocol/shapes.js";
import { operation } from "../../operation.js";
import { TagKeyList, TagValueList } from "../clusters/shapes.js";
import { ClusterParameterGroupShape, parameterGroupToWire } from "./shapes.js";

export const DescribeClusterParameterGroupsInput = structure({
  ParameterGroupName: string(),
  MaxRecords: integer(),
  Marker: string(),
  TagKeys: TagKeyList,
  TagValues: TagValueList,
});

/** `ClusterParameterGroupsMessage`: `<Marker>` and `<ParameterGroups><ClusterParameterGroup>…`. */
export const DescribeClusterParameterGroupsOutput = structure({
  Marker: string(),
  ParameterGroups: list(ClusterParameterGroupShape, "ClusterParameterGroup"),
});

export const DescribeClusterParameterGroups = operation({
  readOnly: true,
  input: DescribeClusterParameterGroupsInput,
  output: DescribeClusterParameterGroupsOutput,
  handler: async (ctx, input) => {
    const page = await describeParameterGroups(ctx, input);
    return { Marker: page.marker, ParameterGroups: page.items.map(parameterGroupToWire) };
  },
});
