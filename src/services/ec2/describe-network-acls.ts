/** DescribeNetworkAcls: each VPC's default network ACL, by id (each must exist), by filter, paginated. */
import { describeNetworkAcls, type NetworkAclView } from "../../domain/network/network-acls.js";
import { list, named, string, structure, type ValueOf } from "../../protocol/shapes.js";
import { ec2Operation } from "./ec2-operation.js";
import { NetworkAcl } from "./route-shapes.js";
import { DryRun, Filters, MaxResults } from "./shapes.js";

export function networkAclView(v: NetworkAclView): ValueOf<typeof NetworkAcl> {
  return {
    Associations: v.associations.map((a) => ({ NetworkAclAssociationId: a.id, NetworkAclId: a.networkAclId, SubnetId: a.subnetId })),
    Entries: v.entries.map((e) => ({ CidrBlock: e.cidrBlock, Egress: e.egress, Protocol: e.protocol, RuleAction: e.ruleAction, RuleNumber: e.ruleNumber })),
    IsDefault: v.isDefault,
    NetworkAclId: v.id,
    VpcId: v.vpcId,
    OwnerId: v.ownerId,
  };
}

export const DescribeNetworkAcls = ec2Operation({
  readOnly: true,
  input: structure({
    Filters,
    NetworkAclIds: named("NetworkAclId", list(string(), "NetworkAclId")),
    NextToken: string(),
    MaxResults,
    DryRun,
  }),
  output: structure({
    NetworkAcls: named("networkAclSet", list(NetworkAcl, "item")),
    NextToken: named("nextToken", string()),
  }),
  handler: async (ctx, input) => {
    const page = await describeNetworkAcls(ctx, { ids: input.NetworkAclIds, filters: input.Filters, maxResults: input.MaxResults, nextToken: input.NextToken });
    return { NetworkAcls: page.items.map(networkAclView), NextToken: page.nextToken };
  },
});
