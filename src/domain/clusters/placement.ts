/**
 * Where a cluster lives: its subnet group (the named one, else the `default` group of the default VPC),
 * the availability zone and subnet inside it, and its VPC security groups.
 *
 * Decisions (the docs are silent on codes): an AvailabilityZone the group has no subnet in is
 * `InvalidVPCNetworkStateFault`, whose model text is "The cluster subnet group does not cover all
 * Availability Zones"; a security group that does not exist in the caller's account, or is in another
 * VPC, is `InvalidParameterValue` (it is a bad parameter value; InvalidVPCNetworkStateFault is
 * documented for subnet/zone coverage only).
 */
import type { DomainContext } from "../context.js";
import type { Cluster, ClusterSubnetGroup, Subnet } from "../entities.js";
import { InvalidParameterCombination, InvalidParameterValue, InvalidVPCNetworkStateFault } from "../errors.js";
import { defaultSecurityGroup } from "../network/defaults.js";
import { DEFAULT_SUBNET_GROUP, ensureDefaultSubnetGroup, getSubnetGroup } from "../subnet-groups/rules.js";
import { allocateNodes } from "./nodes.js";

export interface Placement {
  readonly subnetGroupName: string;
  readonly vpcId: string;
  readonly availabilityZone: string;
  readonly subnet: Subnet;
  readonly secondaryAvailabilityZone: string | undefined;
}

/** The network a new cluster (created or restored) gets: the fields of its entity that `placeCluster` decides. */
export type ClusterNetwork = Pick<
  Cluster,
  "subnetGroupName" | "vpcId" | "availabilityZone" | "securityGroupIds" | "subnetId" | "subnetCidr" | "secondaryAvailabilityZone" | "nodes"
>;

/**
 * A new cluster's network, checked in this order: the subnet group (`subnetGroupFor`), the zone and
 * subnet in it (`place`), the VPC security groups (`resolveSecurityGroups`), then its nodes'
 * addresses in the subnet.
 */
export async function placeCluster(
  ctx: DomainContext,
  req: {
    readonly subnetGroupName: string | undefined;
    readonly availabilityZone: string | undefined;
    readonly vpcSecurityGroupIds: readonly string[] | undefined;
    readonly multiAz: boolean;
    readonly numberOfNodes: number;
    readonly publiclyAccessible: boolean;
  },
): Promise<ClusterNetwork> {
  const group = await subnetGroupFor(ctx, req.subnetGroupName);
  const placement = await place(ctx, group, req.availabilityZone, req.multiAz);
  const securityGroupIds = await resolveSecurityGroups(ctx, placement.vpcId, req.vpcSecurityGroupIds);
  return {
    subnetGroupName: placement.subnetGroupName,
    vpcId: placement.vpcId,
    availabilityZone: placement.availabilityZone,
    securityGroupIds,
    subnetId: placement.subnet.id,
    subnetCidr: placement.subnet.cidrBlock,
    secondaryAvailabilityZone: placement.secondaryAvailabilityZone,
    nodes: allocateNodes(placement.subnet.cidrBlock, req.numberOfNodes, req.publiclyAccessible),
  };
}

/**
 * No name (or an empty one) means the `default` group; naming `default` — as a cluster reports it —
 * means the same group, created if this is the partition's first use of it.
 */
export async function subnetGroupFor(ctx: DomainContext, name: string | undefined): Promise<ClusterSubnetGroup> {
  return name === undefined || name === "" || name.toLowerCase() === DEFAULT_SUBNET_GROUP ? ensureDefaultSubnetGroup(ctx) : getSubnetGroup(ctx, name);
}

async function groupSubnets(ctx: DomainContext, group: ClusterSubnetGroup): Promise<Subnet[]> {
  const subnets = (await ctx.tx.subnets.getMany(group, group.subnetIds)).filter((s) => s !== undefined);
  if (subnets.length === 0) throw new InvalidVPCNetworkStateFault(`The cluster subnet group '${group.id}' has no usable subnets.`);
  return subnets;
}

/** Distinct zones of the subnets, in subnet order. */
function zonesOf(subnets: readonly Subnet[]): string[] {
  return [...new Set(subnets.map((s) => s.availabilityZone))];
}

/**
 * `<region><letter>`. Compared as text: the region comes from the caller's credential scope, so it is
 * never spliced into a regular expression.
 */
function isZoneOfRegion(zone: string, region: string): boolean {
  return zone.length === region.length + 1 && zone.startsWith(region) && /^[a-z]$/.test(zone.slice(-1));
}

/**
 * Picks the zone (the requested one, which must be covered by the group, else the group's first) and
 * the subnet in it. Multi-AZ deployments use two zones, so the group must cover a second one.
 */
export async function place(
  ctx: DomainContext,
  group: ClusterSubnetGroup,
  availabilityZone: string | undefined,
  multiAz: boolean,
): Promise<Placement> {
  const subnets = await groupSubnets(ctx, group);
  const zones = zonesOf(subnets);
  let zone = zones[0]!;
  if (availabilityZone !== undefined) {
    if (!isZoneOfRegion(availabilityZone, ctx.scope.region)) {
      throw new InvalidParameterValue(`Invalid value '${availabilityZone}' for parameter AvailabilityZone: not an availability zone of ${ctx.scope.region}.`);
    }
    if (!zones.includes(availabilityZone)) {
      throw new InvalidVPCNetworkStateFault(`The cluster subnet group '${group.id}' does not cover availability zone ${availabilityZone}.`);
    }
    zone = availabilityZone;
  }
  let secondary: string | undefined;
  if (multiAz) {
    secondary = zones.find((z) => z !== zone);
    if (secondary === undefined) {
      throw new InvalidVPCNetworkStateFault(`A Multi-AZ cluster needs a subnet group that covers two availability zones; '${group.id}' covers only ${zone}.`);
    }
  }
  return {
    subnetGroupName: group.id,
    vpcId: group.vpcId,
    availabilityZone: zone,
    subnet: subnets.find((s) => s.availabilityZone === zone)!,
    secondaryAvailabilityZone: secondary,
  };
}

/**
 * VpcSecurityGroupIds: each must exist in the caller's account and region and be in the cluster's VPC;
 * none (absent or empty) = the VPC's `default` group [M: "Default: The default VPC security group is
 * associated with the cluster"].
 */
export async function resolveSecurityGroups(ctx: DomainContext, vpcId: string, ids: readonly string[] | undefined): Promise<string[]> {
  if (ids === undefined || ids.length === 0) {
    const group = await defaultSecurityGroup(ctx, { account: ctx.scope.account, region: ctx.scope.region, id: vpcId });
    return group ? [group.id] : [];
  }
  const unique = [...new Set(ids)];
  for (const id of unique) {
    const group = await ctx.tx.securityGroups.get(ctx.scope, id);
    if (!group) throw new InvalidParameterValue(`The security group '${id}' does not exist in this account and region.`);
    if (group.vpcId !== vpcId) {
      throw new InvalidParameterValue(`The security group '${id}' belongs to ${group.vpcId}, not to the cluster's VPC ${vpcId}.`);
    }
  }
  return unique;
}

/** A zone change (ModifyCluster AvailabilityZone) moves the cluster, which needs relocation enabled. */
export function checkZoneMove(currentZone: string, requested: string | undefined, relocationEnabled: boolean): void {
  if (requested === undefined || requested === currentZone) return;
  if (!relocationEnabled) {
    throw new InvalidParameterCombination("Moving a cluster to another availability zone requires availability zone relocation to be enabled.");
  }
}
