/**
 * Cluster subnet group rules
 * (https://docs.aws.amazon.com/redshift/latest/APIReference/API_CreateClusterSubnetGroup.html,
 * docs/differences-from-aws.md): names, subnet resolution, lookups, and
 * the `default` group AWS reports for clusters placed in the default VPC.
 */
import type { DomainContext } from "../context.js";
import type { ClusterSubnetGroup, Subnet } from "../entities.js";
import { ClusterSubnetGroupNotFoundFault, ClusterSubnetQuotaExceededFault, InvalidParameterValue, InvalidSubnet } from "../errors.js";
import { ensureDefaultVpc } from "../network/defaults.js";

/**
 * The name AWS gives the subnet group of clusters created without `ClusterSubnetGroupName` (real CLI
 * output shows `"ClusterSubnetGroupName": "default"`); users cannot create a group with this name.
 */
export const DEFAULT_SUBNET_GROUP = "default";

/** ClusterSubnetGroupName on create: ≤255 letters, digits or hyphens, not `default`; stored lowercase. */
export function normaliseSubnetGroupName(raw: string): string {
  const name = raw.toLowerCase();
  if (!/^[a-z0-9-]{1,255}$/.test(name)) {
    throw new InvalidParameterValue(
      `Invalid value '${raw}' for parameter ClusterSubnetGroupName: it must contain no more than 255 alphanumeric characters or hyphens.`,
    );
  }
  if (name === DEFAULT_SUBNET_GROUP) throw new InvalidParameterValue(`The subnet group name '${raw}' is reserved and cannot be used.`);
  return name;
}

/** The caller's group by name (case-insensitive), else `ClusterSubnetGroupNotFoundFault` (400). */
export async function getSubnetGroup(ctx: DomainContext, name: string): Promise<ClusterSubnetGroup> {
  const group = await ctx.tx.subnetGroups.get(ctx.scope, name.toLowerCase());
  if (!group) throw new ClusterSubnetGroupNotFoundFault(`ClusterSubnetGroup not found: ${name}`);
  return group;
}

export interface ResolvedSubnets {
  readonly vpcId: string;
  /** In the order given, duplicates removed. */
  readonly subnets: Subnet[];
}

/**
 * The subnets of a create/modify request: each must exist in the caller's account and region, all in
 * one VPC (`InvalidSubnet`), and at most the `subnets-per-group` quota (`ClusterSubnetQuotaExceededFault`).
 */
export async function resolveSubnets(ctx: DomainContext, subnetIds: readonly string[]): Promise<ResolvedSubnets> {
  const ids = [...new Set(subnetIds)];
  if (ids.length === 0) throw new InvalidParameterValue("The parameter SubnetIds must contain at least one subnet.");
  const limit = ctx.quotas["subnets-per-group"];
  if (ids.length > limit) {
    throw new ClusterSubnetQuotaExceededFault(`The request would result in the cluster subnet group having more than ${limit} subnets.`);
  }
  const found = await ctx.tx.subnets.getMany(ctx.scope, ids);
  const subnets: Subnet[] = [];
  for (const [i, subnet] of found.entries()) {
    if (!subnet) throw new InvalidSubnet(`The subnet '${ids[i]}' is not valid: it does not exist in this account and region.`);
    subnets.push(subnet);
  }
  const vpcIds = new Set(subnets.map((s) => s.vpcId));
  if (vpcIds.size > 1) throw new InvalidSubnet(`Not all of the subnets are in the same VPC (${[...vpcIds].join(", ")}).`);
  return { vpcId: subnets[0]!.vpcId, subnets };
}

/**
 * The `default` subnet group: the default VPC's default subnets, created the first time a cluster is
 * placed without a named group. It is a real group afterwards (listed, usable by name, in use while a
 * cluster uses it) but does not count against `subnet-groups-per-account`.
 */
export async function ensureDefaultSubnetGroup(ctx: DomainContext): Promise<ClusterSubnetGroup> {
  const existing = await ctx.tx.subnetGroups.get(ctx.scope, DEFAULT_SUBNET_GROUP);
  if (existing) return existing;
  const vpc = await ensureDefaultVpc(ctx);
  const subnets = (await ctx.tx.subnets.find({ account: ctx.scope.account, region: ctx.scope.region, vpcId: vpc.id }))
    .filter((s) => s.defaultForAz)
    .sort((a, b) => a.availabilityZone.localeCompare(b.availabilityZone));
  const group: ClusterSubnetGroup = {
    account: ctx.scope.account,
    region: ctx.scope.region,
    id: DEFAULT_SUBNET_GROUP,
    createdAt: ctx.now,
    description: "default",
    vpcId: vpc.id,
    subnetIds: subnets.map((s) => s.id),
    tags: [],
  };
  await ctx.tx.subnetGroups.insert(group);
  return group;
}

/** A group with its subnets, as the wire shape needs them (zone of each subnet). */
export interface SubnetGroupView {
  readonly group: ClusterSubnetGroup;
  readonly subnets: readonly { readonly id: string; readonly availabilityZone: string | undefined }[];
}

export async function viewSubnetGroup(ctx: DomainContext, group: ClusterSubnetGroup): Promise<SubnetGroupView> {
  const found = await ctx.tx.subnets.getMany(group, group.subnetIds);
  return { group, subnets: group.subnetIds.map((id, i) => ({ id, availabilityZone: found[i]?.availabilityZone })) };
}
