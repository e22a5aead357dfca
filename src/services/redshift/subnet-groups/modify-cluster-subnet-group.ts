/** ModifyClusterSubnetGroup: replaces a group's subnets and/or description. */
import { modifySubnetGroup } from "../../../domain/subnet-groups/operations.js";
import { viewSubnetGroup } from "../../../domain/subnet-groups/rules.js";
import { list, required, string, structure } from "../../../protocol/shapes.js";
import { operation } from "../../operation.js";
import { ClusterSubnetGroupResult, subnetGroupToWire } from "./shapes.js";

export const ModifyClusterSubnetGroupInput = structure({
  ClusterSubnetGroupName: required(string()),
  SubnetIds: required(list(string(), "SubnetIdentifier")),
  Description: string(),
});

export const ModifyClusterSubnetGroup = operation({
  input: ModifyClusterSubnetGroupInput,
  output: ClusterSubnetGroupResult,
  handler: async (ctx, input) => {
    const group = await modifySubnetGroup(ctx, input);
    return { ClusterSubnetGroup: subnetGroupToWire(await viewSubnetGroup(ctx, group)) };
  },
});
