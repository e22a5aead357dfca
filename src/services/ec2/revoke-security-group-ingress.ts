/**
 * RevokeSecurityGroupIngress: removes inbound rules named by SecurityGroupRuleIds, IpPermissions or
 * one rule's parameters; a rule the group lacks is `InvalidPermission.NotFound` outside the default VPC
 * and an `UnknownIpPermissions` entry inside it.
 */
import { requestedPermissions, revokeRules } from "../../domain/network/security-group-rules.js";
import { list, named, string, structure } from "../../protocol/shapes.js";
import { ec2Operation } from "./ec2-operation.js";
import { RevokeRulesOutput, RuleRequestMembers } from "./shapes.js";
import { revokedRuleView, unknownPermissionsView } from "./views.js";

export const RevokeSecurityGroupIngress = ec2Operation({
  input: structure({
    GroupId: string(),
    GroupName: string(),
    SecurityGroupRuleIds: named("SecurityGroupRuleId", list(string(), "item")),
    ...RuleRequestMembers,
  }),
  output: RevokeRulesOutput,
  handler: async (ctx, input) => {
    const { group, revoked, unknown } = await revokeRules(ctx, {
      groupId: input.GroupId,
      groupName: input.GroupName,
      egress: false,
      permissions: requestedPermissions(false, input.IpPermissions, input),
      ruleIds: input.SecurityGroupRuleIds,
    });
    return {
      Return: true,
      UnknownIpPermissions: unknownPermissionsView(group, unknown),
      RevokedSecurityGroupRules: revoked.map((r) => revokedRuleView(group, r)),
    };
  },
});
