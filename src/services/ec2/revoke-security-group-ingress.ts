/**
 * RevokeSecurityGroupIngress: removes inbound rules named by SecurityGroupRuleIds, IpPermissions or
 * one rule's parameters; a rule the group lacks is `InvalidPermission.NotFound` outside the default VPC
 * and an `UnknownIpPermissions` entry inside it.
 */
import { requestedPermissions, revokeRules } from "../../domain/network/security-group-rules.js";
import { boolean, integer, list, named, string, structure } from "../../protocol/shapes.js";
import { ec2Operation } from "./ec2-operation.js";
import { DryRun, IpPermission, RevokedSecurityGroupRule } from "./shapes.js";
import { revokedRuleView, unknownPermissionsView } from "./views.js";

export const RevokeSecurityGroupIngress = ec2Operation({
  input: structure({
    CidrIp: string(),
    FromPort: integer(),
    GroupId: string(),
    GroupName: string(),
    IpPermissions: list(IpPermission, "item"),
    IpProtocol: string(),
    SourceSecurityGroupName: string(),
    SourceSecurityGroupOwnerId: string(),
    ToPort: integer(),
    SecurityGroupRuleIds: named("SecurityGroupRuleId", list(string(), "item")),
    DryRun,
  }),
  output: structure({
    Return: named("return", boolean),
    UnknownIpPermissions: named("unknownIpPermissionSet", list(IpPermission, "item")),
    RevokedSecurityGroupRules: named("revokedSecurityGroupRuleSet", list(RevokedSecurityGroupRule, "item")),
  }),
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
