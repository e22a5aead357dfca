/** DescribeClusterSubnetGroups: one group by name, or the caller's groups a page at a time. */
import { describeSubnetGroups } from "../../../domain/subnet-groups/operations.js";
import { viewSubnetGroup } from "../../../domain/subnet-groups/rules.js";
import { integer, list, string, structure } from "../../../protocol/shapes.js";
import { operation } from "../../operation.js";
import { TagKeyList, TagValueList } from "../clusters/shapes.js";
import { ClusterSubnetGroupShape, subnetGroupToWire } from "./shapes.js";

export const DescribeClusterSubnetGroupsInput = structure({
  ClusterSubnetGroupName: string(),
  MaxRecords: integer(),
  Marker: string(),
  TagKeys: TagKeyList,
  TagValues: TagValueList,
});

/** `ClusterSubnetGroupMessage`: `<Marker>` and `<ClusterSubnetGroups><ClusterSubnetGroup>…`. */
export const DescribeClusterSubnetGroupsOutput = structure({
  Marker: string(),
  ClusterSubnetGroups: list(ClusterSubnetGroupShape, "ClusterSubnetGroup"),
});

export const DescribeClusterSubnetGroups = operation({
  readOnly: true,
  input: DescribeClusterSubnetGroupsInput,
  output: DescribeClusterSubnetGroupsOutput,
  handler: async (ctx, input) => {
    const page = await describeSubnetGroups(ctx, input);
    const groups = [];
    for (const group of page.items) groups.push(subnetGroupToWire(await viewSubnetGroup(ctx, group)));
    return { Marker: page.marker, ClusterSubnetGroups: groups };
  },
});
