/** CreateClusterSubnetGroup: a named set of subnets of one VPC of the caller (https://docs.aws.amazon.com/redshift/latest/APIReference/API_CreateClusterSubnetGroup.html). */
import { createSubnetGroup } from "../../../domain/subnet-groups/operations.js";
import { viewSubnetGroup } from "../../../domain/subnet-groups/rules.js";
import { list, required, string, structure } from "../../../protocol/shapes.js";
import { operation } from "../../operation.js";
import { TagList } from "../clusters/shapes.js";
import { ClusterSubnetGroupResult, subnetGroupToWire } from "./shapes.js";

export const CreateClusterSubnetGroupInput = structure({
  ClusterSubnetGroupName: required(string()),
  Description: required(string()),
  SubnetIds: required(list(string(), "SubnetIdentifier")),
  Tags: TagList,
});

export const CreateClusterSubnetGroup = operation({
  input: CreateClusterSubnetGroupInput,
  output: ClusterSubnetGroupResult,
  handler: async (ctx, input) => {
    const group = await createSubnetGroup(ctx, input);
    return { ClusterSubnetGroup: subnetGroupToWire(await viewSubnetGroup(ctx, group)) };
  },
});
