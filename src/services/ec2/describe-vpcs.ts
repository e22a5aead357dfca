/** DescribeVpcs: by id (each must exist), by filter, paginated with MaxResults / NextToken. */
import { describeVpcs } from "../../domain/network/vpcs.js";
import { list, named, string, structure } from "../../protocol/shapes.js";
import { ec2Operation } from "./ec2-operation.js";
import { DryRun, Filters, MaxResults, Vpc } from "./shapes.js";
import { vpcView } from "./views.js";

export const DescribeVpcs = ec2Operation({
  readOnly: true,
  input: structure({
    Filters,
    VpcIds: named("VpcId", list(string(), "VpcId")),
    NextToken: string(),
    MaxResults,
    DryRun,
  }),
  output: structure({
    Vpcs: named("vpcSet", list(Vpc, "item")),
    NextToken: named("nextToken", string()),
  }),
  handler: async (ctx, input) => {
    const page = await describeVpcs(ctx, { ids: input.VpcIds, filters: input.Filters, maxResults: input.MaxResults, nextToken: input.NextToken });
    return { Vpcs: page.items.map(vpcView), NextToken: page.nextToken };
  },
});
