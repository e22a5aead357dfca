/**
 * The security groups of an endpoint (docs/differences-from-aws.md: CreateEndpointAccess #9,
 * ModifyEndpointAccess): every id must name a
 * group of the caller's account in the endpoint's VPC; none given → the VPC's `default` group
 * (Terraform's acceptance test sees exactly one group when it sets none). AWS does not say which
 * fault a bad group gets; InvalidClusterSecurityGroupState is the security-group fault both
 * operations declare (docs/differences-from-aws.md, INFERRED).
 */
import type { DomainContext } from "../context.js";
import { InvalidClusterSecurityGroupState } from "../errors.js";
import { defaultSecurityGroup } from "../network/defaults.js";

/** Resolves the requested ids (duplicates collapse, order kept), or the VPC's default group when none are given. */
export async function resolveSecurityGroups(ctx: DomainContext, vpcId: string, requested: readonly string[] | undefined): Promise<string[]> {
  const ids = [...new Set(requested ?? [])];
  if (ids.length === 0) {
    const fallback = await defaultSecurityGroup(ctx, { account: ctx.scope.account, region: ctx.scope.region, id: vpcId });
    return fallback ? [fallback.id] : [];
  }
  for (const id of ids) {
    const group = await ctx.tx.securityGroups.get(ctx.scope, id);
    if (!group) throw new InvalidClusterSecurityGroupState(`The security group ${id} does not exist in account ${ctx.scope.account}.`);
    if (group.vpcId !== vpcId) {
      throw new InvalidClusterSecurityGroupState(`The security group ${id} belongs to VPC ${group.vpcId}, not to the endpoint's VPC ${vpcId}.`);
    }
  }
  return ids;
}
