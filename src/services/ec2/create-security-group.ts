/** CreateSecurityGroup: a named group in a VPC (the default VPC when VpcId is absent). */
import { createSecurityGroup, securityGroupView } from "../../domain/network/security-groups.js";
import { tagsFromSpecifications } from "../../domain/network/tags.js";
import { named, required, string, structure } from "../../protocol/shapes.js";
import { ec2Operation } from "./ec2-operation.js";
import { DryRun, TagSet, TagSpecifications } from "./shapes.js";
import { tagsView } from "./views.js";

export const CreateSecurityGroup = ec2Operation({
  input: structure({
    Description: required(string(), { locationName: "GroupDescription" }),
    GroupName: required(string()),
    VpcId: string(),
    TagSpecifications,
    DryRun,
  }),
  output: structure({
    GroupId: named("groupId", string()),
    Tags: TagSet,
    SecurityGroupArn: named("securityGroupArn", string()),
  }),
  handler: async (ctx, input) => {
    const group = await createSecurityGroup(ctx, {
      groupName: input.GroupName,
      description: input.Description,
      vpcId: input.VpcId,
      tags: tagsFromSpecifications("security-group", input.TagSpecifications),
    });
    return { GroupId: group.id, Tags: tagsView(group.tags), SecurityGroupArn: securityGroupView(group).arn };
  },
});
