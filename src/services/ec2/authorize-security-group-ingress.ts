/**
 * AuthorizeSecurityGroupIngress: adds inbound rules, given as IpPermissions or as one rule's
 * parameters (IpProtocol, FromPort, ToPort, CidrIp or SourceSecurityGroupName); the group by id, or
 * by name in the default VPC (domain/network/security-group-rules.ts).
 */
import { authorizeRules, requestedPermissions } from "../../domain/network/security-group-rules.js";
import { tagsFromSpecifications } from "../../domain/network/tags.js";
import { string, structure } from "../../protocol/shapes.js";
import { ec2Operation } from "./ec2-operation.js";
import { AuthorizeRulesOutput, RuleRequestMembers, TagSpecifications } from "./shapes.js";
import { securityGroupRuleView } from "./views.js";

export const AuthorizeSecurityGroupIngress = ec2Operation({
  input: structure({ GroupId: string(), GroupName: string(), TagSpecifications, ...RuleRequestMembers }),
  output: AuthorizeRulesOutput,
  handler: async (ctx, input) => {
    const { group, added } = await authorizeRules(ctx, {
      groupId: input.GroupId,
      groupName: input.GroupName,
      egress: false,
      permissions: requestedPermissions(false, input.IpPermissions, input),
      tags: tagsFromSpecifications("security-group-rule", input.TagSpecifications),
    });
    return { Return: true, SecurityGroupRules: added.map((r) => securityGroupRuleView(group, r)) };
  },
});
