/** DescribeSecurityGroups: by id, by name (default VPC), by filter, paginated with MaxResults / NextToken. */
import { describeSecurityGroups } from "../../domain/network/security-groups.js";
import { list, named, string, structure } from "../../protocol/shapes.js";
import { ec2Operation } from "./ec2-operation.js";
import { DryRun, Filters, MaxResults, SecurityGroup } from "./shapes.js";
import { securityGroupView } from "./views.js";

export const DescribeSecurityGroups = ec2Operation({
  readOnly: true,
  input: structure({
    GroupIds: named("GroupId", list(string(), "groupId")),
    GroupNames: named("GroupName", list(string(), "GroupName")),
    NextToken: string(),
    MaxResults,
    DryRun,
    Filters,
  }),
  output: structure({
    SecurityGroups: named("securityGroupInfo", list(SecurityGroup, "item")),
    NextToken: named("nextToken", string()),
  }),
  handler: async (ctx, input) => {
    const page = await describeSecurityGroups(ctx, {
      ids: input.GroupIds,
      names: input.GroupNames,
      filters: input.Filters,
      maxResults: input.MaxResults,
      nextToken: input.NextToken,
    });
    return { SecurityGroups: page.items.map(securityGroupView), NextToken: page.nextToken };
  },
});
