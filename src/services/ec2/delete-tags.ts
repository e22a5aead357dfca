/** DeleteTags: removes tags (all, by key, or by key and value) from the named resources; `<return>true</return>`. */
import { deleteEc2Tags } from "../../domain/tags/ec2.js";
import { list, named, required, string, structure } from "../../protocol/shapes.js";
import { ec2Operation } from "./ec2-operation.js";
import { DryRun, Tag } from "./shapes.js";

export const DeleteTags = ec2Operation({
  input: structure({
    Resources: required(list(string(), "item"), { locationName: "resourceId", queryName: "ResourceId" }),
    Tags: named("tag", list(Tag, "item"), { queryName: "Tag" }),
    DryRun,
  }),
  output: undefined,
  handler: async (ctx, input) => {
    await deleteEc2Tags(ctx, input.Resources, input.Tags);
  },
});
