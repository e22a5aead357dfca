/** DeleteSecurityGroup: by GroupId, or by GroupName in the default VPC; never a `default` group or one in use. */
import { deleteSecurityGroup } from "../../domain/network/security-groups.js";
import { boolean, named, string, structure } from "../../protocol/shapes.js";
import { ec2Operation } from "./ec2-operation.js";
import { DryRun } from "./shapes.js";

export const DeleteSecurityGroup = ec2Operation({
  input: structure({ GroupId: string(), GroupName: string(), DryRun }),
  output: structure({
    Return: named("return", boolean),
    GroupId: named("groupId", string()),
  }),
  handler: async (ctx, input) => {
    const group = await deleteSecurityGroup(ctx, { groupId: input.GroupId, groupName: input.GroupName });
    return { Return: true, GroupId: group.id };
  },
});
