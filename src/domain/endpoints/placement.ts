/**
 * Where an endpoint lives in the caller's network (docs/differences-from-aws.md, Endpoints; Management
 * Guide: Redshift picks a
 * subnet of the group with free addresses and creates one network interface, not re-created in
 * another zone if that zone fails): its VPC is the subnet group's VPC, and its one interface goes to
 * the group's subnet holding the fewest of the account's endpoint interfaces, so endpoints spread over
 * the group's subnets and zones. The private IP is the lowest address of that subnet not taken by
 * another endpoint interface, skipping the 4 first and the last address as AWS reserves them.
 */
import type { DomainContext } from "../context.js";
import type { ClusterSubnetGroup, Subnet } from "../entities.js";
import { InvalidParameterValue } from "../errors.js";
import { randomToken, redshiftAddressSuffix } from "../ids.js";
import { cidrSize, nthAddress, parseCidr } from "../network/cidr.js";

export interface InterfacePlacement {
  readonly subnet: Subnet;
  readonly privateIpAddress: string;
}

export async function placeInterface(ctx: DomainContext, group: ClusterSubnetGroup): Promise<InterfacePlacement> {
  const subnets = (await ctx.tx.subnets.getMany(ctx.scope, group.subnetIds)).filter((s) => s !== undefined);
  // Every endpoint interface in this VPC belongs to an endpoint of this account (the subnets are its
  // own). Read from the index (store/tables.ts `nested`): one value per interface, no entity decoded.
  const inVpc = { account: ctx.scope.account, region: ctx.scope.region, vpcId: group.vpcId };
  const used = new Map<string, number>();
  for (const value of await ctx.tx.endpoints.values(inVpc, "subnetId")) {
    const subnetId = String(value);
    used.set(subnetId, (used.get(subnetId) ?? 0) + 1);
  }
  const order = subnets
    .map((subnet, index) => ({ subnet, index, used: used.get(subnet.id) ?? 0 }))
    .sort((a, b) => a.used - b.used || a.index - b.index);
  for (const { subnet, used: interfaces } of order) {
    const taken = interfaces === 0 ? new Set<string>() : new Set((await ctx.tx.endpoints.values({ ...inVpc, subnetId: subnet.id }, "privateIpAddress")).map(String));
    const ip = freeAddress(subnet.cidrBlock, taken);
    if (ip !== undefined) return { subnet, privateIpAddress: ip };
  }
  // AWS names no fault for this; the text is Redshift Serverless's for the same condition.
  throw new InvalidParameterValue(`Insufficient free IP addresses found in the subnets of cluster subnet group ${group.id}.`);
}

/** The lowest usable address of an IPv4 CIDR block not in `taken`, or undefined when it is full. */
export function freeAddress(cidr: string, taken: ReadonlySet<string>): string | undefined {
  const block = parseCidr(cidr);
  if (!block || block.prefix > 30) return undefined;
  const size = cidrSize(block);
  // AWS reserves the network address, the next three (router, DNS, future use) and the last one.
  for (let n = 4; n < size - 1; n++) {
    const ip = nthAddress(block, n);
    if (!taken.has(ip)) return ip;
  }
  return undefined;
}

/**
 * `<name>-endpoint-<20 [a-z0-9]>.<cluster owner's 12-char token>.<region>.redshift.amazonaws.com`, as
 * observed on AWS (docs/differences-from-aws.md, Endpoints): the token is the one in the cluster's own
 * address.
 */
export function endpointAddress(name: string, clusterOwner: string, region: string): string {
  return `${name.toLowerCase()}-endpoint-${randomToken(20)}.${redshiftAddressSuffix(clusterOwner, region)}`;
}
