/**
 * RevokeSecurityGroupEgress: removes outbound rules named by SecurityGroupRuleIds or IpPermissions
 * (Terraform's aws_security_group revokes the allow-all egress rule of every group it creates).
 */
import { requestedPermissions, revokeRules } from "../../domain/network/security-group-rules.js";
import { list, named, required, string, structure } from "../../protocol/shapes.js";
import { ec2Operation } from "./ec2-operation.js";
import { RevokeRulesOutput, RuleRequestMembers } from "./shapes.js";
import { revokedRuleView, unknownPermissionsView } from "./views.js";

export const RevokeSecurityGroupEgress = ec2Operation({
  input: structure({
    GroupId: required(string()),
    SecurityGroupRuleIds: named("SecurityGroupRuleId", list(string(), "item")),
    ...RuleRequestMembers,
  }),
  output: RevokeRulesOutput,
  handler: async (ctx, input) => {
    const { group, revoked, unknown } = await revokeRules(ctx, {
      groupId: input.GroupId,
      egress: true,
      permissions: requestedPermissions(true, input.IpPermissions, input),
      ruleIds: input.SecurityGroupRuleIds,
    });
    return {
      Return: true,
      UnknownIpPermissions: unknownPermissionsView(group, unknown),
      RevokedSecurityGroupRules: revoked.map((r) => revokedRuleView(group, r)),
    };
  },
});
