/** CreateTags: adds or overwrites tags on VPCs, subnets, security groups and their rules; `<return>true</return>`. */
import { createEc2Tags } from "../../domain/tags/ec2.js";
import { list, required, string, structure } from "../../protocol/shapes.js";
import { ec2Operation } from "./ec2-operation.js";
import { DryRun, Tag } from "./shapes.js";

export const CreateTags = ec2Operation({
  input: structure({
    Resources: required(list(string(), "item"), { locationName: "ResourceId" }),
    Tags: required(list(Tag, "item"), { locationName: "Tag" }),
    DryRun,
  }),
  output: undefined,
  handler: async (ctx, input) => {
    await createEc2Tags(ctx, input.Resources, input.Tags);
  },
});
