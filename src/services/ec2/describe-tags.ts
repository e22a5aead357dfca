/** DescribeTags: the tags of the caller's EC2 resources, filtered, paginated with MaxResults / NextToken. */
import { describeEc2Tags } from "../../domain/tags/ec2.js";
import { list, named, string, structure } from "../../protocol/shapes.js";
import { ec2Operation } from "./ec2-operation.js";
import { DryRun, Filters, MaxResults } from "./shapes.js";

/** `TagDescription`: `<item><key/><resourceId/><resourceType/><value/></item>`. */
export const TagDescription = structure({
  Key: named("key", string()),
  ResourceId: named("resourceId", string()),
  ResourceType: named("resourceType", string()),
  Value: named("value", string()),
});

export const DescribeTags = ec2Operation({
  readOnly: true,
  input: structure({
    Filters,
    MaxResults: named("maxResults", MaxResults, { queryName: "MaxResults" }),
    NextToken: named("nextToken", string(), { queryName: "NextToken" }),
    DryRun,
  }),
  output: structure({
    Tags: named("tagSet", list(TagDescription, "item")),
    NextToken: named("nextToken", string()),
  }),
  handler: async (ctx, input) => {
    const page = await describeEc2Tags(ctx, { filters: input.Filters, maxResults: input.MaxResults, nextToken: input.NextToken });
    return {
      Tags: page.items.map((d) => ({ Key: d.Key, ResourceId: d.ResourceId, ResourceType: d.ResourceType, Value: d.Value })),
      NextToken: page.nextToken,
    };
  },
});
