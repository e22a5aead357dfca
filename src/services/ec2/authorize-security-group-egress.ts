/**
 * AuthorizeSecurityGroupEgress: adds outbound rules, given as IpPermissions (the single-rule
 * parameters are "Not supported" for egress [M] and are refused); the group by id only.
 */
import { authorizeRules, requestedPermissions } from "../../domain/network/security-group-rules.js";
import { tagsFromSpecifications } from "../../domain/network/tags.js";
import { required, string, structure } from "../../protocol/shapes.js";
import { ec2Operation } from "./ec2-operation.js";
import { AuthorizeRulesOutput, RuleRequestMembers, TagSpecifications } from "./shapes.js";
import { securityGroupRuleView } from "./views.js";

export const AuthorizeSecurityGroupEgress = ec2Operation({
  input: structure({ GroupId: required(string()), TagSpecifications, ...RuleRequestMembers }),
  output: AuthorizeRulesOutput,
  handler: async (ctx, input) => {
    const { group, added } = await authorizeRules(ctx, {
      groupId: input.GroupId,
      egress: true,
      permissions: requestedPermissions(true, input.IpPermissions, input),
      tags: tagsFromSpecifications("security-group-rule", input.TagSpecifications),
    });
    return { Return: true, SecurityGroupRules: added.map((r) => securityGroupRuleView(group, r)) };
  },
});
