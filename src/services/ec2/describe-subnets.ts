/** DescribeSubnets: by id (each must exist), by filter, paginated with MaxResults / NextToken. */
import { describeSubnets } from "../../domain/network/subnets.js";
import { list, named, string, structure } from "../../protocol/shapes.js";
import { ec2Operation } from "./ec2-operation.js";
import { DryRun, Filters, MaxResults, Subnet } from "./shapes.js";
import { subnetView } from "./views.js";

export const DescribeSubnets = ec2Operation({
  readOnly: true,
  input: structure({
    Filters,
    SubnetIds: named("SubnetId", list(string(), "SubnetId")),
    NextToken: string(),
    MaxResults,
    DryRun,
  }),
  output: structure({
    Subnets: named("subnetSet", list(Subnet, "item")),
    NextToken: named("nextToken", string()),
  }),
  handler: async (ctx, input) => {
    const page = await describeSubnets(ctx, { ids: input.SubnetIds, filters: input.Filters, maxResults: input.MaxResults, nextToken: input.NextToken });
    return { Subnets: page.items.map(subnetView), NextToken: page.nextToken };
  },
});
