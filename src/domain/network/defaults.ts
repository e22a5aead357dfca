/**
 * The default network every (account, region) has on AWS, created on first use
 * (https://docs.aws.amazon.com/vpc/latest/userguide/default-vpc.html): a
 * default VPC 172.31.0.0/16 (`IsDefault=true`), one default /20 subnet in each of the zones
 * `<region>a`, `b`, `c`, and a `default` security group in every VPC.
 */
import type { DomainContext } from "../context.js";
import type { Scope, SecurityGroup, Vpc } from "../entities.js";
import { resourceId } from "../ids.js";

export const DEFAULT_VPC_CIDR = "172.31.0.0/16";
/** The name of every VPC's own security group (reserved: CreateSecurityGroup refuses it). */
export const DEFAULT_GROUP_NAME = "default";
export const ZONE_SUFFIXES = ["a", "b", "c"] as const;

export function availabilityZones(region: string): string[] {
  return ZONE_SUFFIXES.map((s) => `${region}${s}`);
}

/** The partition's default VPC, created (with its subnets and default group) when first needed. */
export async function ensureDefaultVpc(ctx: DomainContext, scope: Scope = ctx.scope): Promise<Vpc> {
  const [existing] = await ctx.tx.vpcs.find({ account: scope.account, region: scope.region, isDefault: true }, { limit: 1 });
  if (existing) return existing;
  const vpc: Vpc = {
    account: scope.account,
    region: scope.region,
    id: resourceId("vpc"),
    createdAt: ctx.now,
    cidrBlock: DEFAULT_VPC_CIDR,
    isDefault: true,
    tags: [],
  };
  await ctx.tx.vpcs.insert(vpc);
  await createDefaultSecurityGroup(ctx, vpc);
  for (const [i, zone] of availabilityZones(scope.region).entries()) {
    await ctx.tx.subnets.insert({
      account: scope.account,
      region: scope.region,
      id: resourceId("subnet"),
      createdAt: ctx.now,
      vpcId: vpc.id,
      cidrBlock: `172.31.${i * 16}.0/20`,
      availabilityZone: zone,
      defaultForAz: true,
      mapPublicIpOnLaunch: true,
      tags: [],
    });
  }
  return vpc;
}

/** Every VPC gets a security group named `default` when it is created. */
export async function createDefaultSecurityGroup(ctx: DomainContext, vpc: Vpc): Promise<SecurityGroup> {
  const group: SecurityGroup = {
    account: vpc.account,
    region: vpc.region,
    id: resourceId("sg"),
    createdAt: ctx.now,
    vpcId: vpc.id,
    groupName: DEFAULT_GROUP_NAME,
    description: "default VPC security group",
    tags: [],
  };
  await ctx.tx.securityGroups.insert(group);
  return group;
}

/** The `default` security group of a VPC of the caller's partition. */
export async function defaultSecurityGroup(ctx: DomainContext, vpc: Pick<Vpc, "account" | "region" | "id">): Promise<SecurityGroup | undefined> {
  const [group] = await ctx.tx.securityGroups.find({ account: vpc.account, region: vpc.region, vpcId: vpc.id, groupName: DEFAULT_GROUP_NAME }, { limit: 1 });
  return group;
}
