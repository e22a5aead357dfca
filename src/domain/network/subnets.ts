/**
 * Subnets: create (block inside its VPC and /16–/28 → else `InvalidSubnet.Range`; no overlap with
 * another subnet of the VPC → else `InvalidSubnet.Conflict`; zone one of the region's three), look
 * up, delete (`DependencyViolation` while a cluster subnet group or an endpoint's network interface
 * uses it; a cluster is always in a subnet of its group, the `default` group included), describe
 * with EC2's filters.
 *
 * AvailableIpAddressCount = block size − the 5 addresses AWS reserves − one per endpoint network
 * interface placed in the subnet, computed when read so it always agrees with the endpoints.
 */
import type { DomainContext } from "../context.js";
import type { Subnet, Tag } from "../entities.js";
import { type AwsError, DependencyViolation, InvalidParameterCombination, InvalidParameterValue, InvalidSubnetConflict, InvalidSubnetIDNotFound, InvalidSubnetRange, MissingParameter } from "../errors.js";
import { resourceId } from "../ids.js";
import { cidrContains, cidrsOverlap, parseCidr, usableAddresses } from "./cidr.js";
import { describe, type DescribeRequest, type Described } from "./describe.js";
import { NONE, compileFilters, flag, type FilterInput, type FilterTable } from "./filters.js";
import { MAX_BLOCK_PREFIX, MIN_BLOCK_PREFIX, requireCidr, requireVpc } from "./vpcs.js";
import { arnPartition, regionZones, zoneById, zoneByName, type AvailabilityZoneInfo } from "./zones.js";

export interface CreateSubnetRequest {
  readonly vpcId: string;
  readonly cidrBlock: string | undefined;
  readonly availabilityZone: string | undefined;
  readonly availabilityZoneId: string | undefined;
  readonly tags: Tag[];
}

export async function createSubnet(ctx: DomainContext, req: CreateSubnetRequest): Promise<Subnet> {
  // IPv6-only subnets and IPAM pools are not emulated, so an IPv4 block is required.
  if (req.cidrBlock === undefined) throw new MissingParameter("Either 'cidrBlock' or 'ipv6CidrBlock' should be provided.");
  const cidr = requireCidr(req.cidrBlock);
  const requestedZone = resolveZone(ctx.scope.region, req.availabilityZone, req.availabilityZoneId);
  const vpc = await requireVpc(ctx, req.vpcId);
  const vpcCidr = parseCidr(vpc.cidrBlock);
  if (!vpcCidr || cidr.prefix < MIN_BLOCK_PREFIX || cidr.prefix > MAX_BLOCK_PREFIX || !cidrContains(vpcCidr, cidr)) {
    throw new InvalidSubnetRange(`The CIDR '${req.cidrBlock}' is invalid.`);
  }
  const siblings = await ctx.tx.subnets.find({ account: vpc.account, region: vpc.region, vpcId: vpc.id });
  const overlaps = (s: Subnet) => {
    const other = parseCidr(s.cidrBlock);
    return other !== undefined && cidrsOverlap(other, cidr);
  };
  if (siblings.some(overlaps)) {
    throw new InvalidSubnetConflict(`The CIDR '${req.cidrBlock}' conflicts with another subnet`);
  }
  const subnet: Subnet = {
    account: ctx.scope.account,
    region: ctx.scope.region,
    id: resourceId("subnet"),
    createdAt: ctx.now,
    vpcId: vpc.id,
    cidrBlock: req.cidrBlock,
    availabilityZone: (requestedZone ?? leastUsedZone(ctx.scope.region, siblings)).zoneName,
    defaultForAz: false,
    mapPublicIpOnLaunch: false,
    tags: req.tags,
  };
  await ctx.tx.subnets.insert(subnet);
  return subnet;
}

function resolveZone(region: string, name: string | undefined, id: string | undefined): AvailabilityZoneInfo | undefined {
  const valid = () => regionZones(region).map((z) => z.zoneName).join(", ");
  const byName = name === undefined ? undefined : zoneByName(region, name);
  if (name !== undefined && !byName) {
    throw new InvalidParameterValue(
      `Value (${name}) for parameter availabilityZone is invalid. Subnets can currently only be created in the following availability zones: ${valid()}.`,
    );
  }
  const byId = id === undefined ? undefined : zoneById(region, id);
  if (id !== undefined && !byId) {
    throw new InvalidParameterValue(
      `Value (${id}) for parameter availabilityZoneId is invalid. Valid zone ids: ${regionZones(region).map((z) => z.zoneId).join(", ")}.`,
    );
  }
  if (byName && byId && byName.zoneId !== byId.zoneId) {
    throw new InvalidParameterCombination(`The Availability Zone ${name} and the Availability Zone ID ${id} do not refer to the same zone.`);
  }
  return byName ?? byId;
}

/** AWS picks a zone when none is given; we pick the one with the fewest subnets of the VPC, so subnets spread. */
function leastUsedZone(region: string, siblings: readonly Subnet[]): AvailabilityZoneInfo {
  const zones = regionZones(region);
  const count = (z: AvailabilityZoneInfo) => siblings.filter((s) => s.availabilityZone === z.zoneName).length;
  return zones.reduce((best, z) => (count(z) < count(best) ? z : best));
}

export function subnetNotFound(ids: readonly string[]): AwsError {
  return ids.length === 1
    ? new InvalidSubnetIDNotFound(`The subnet ID '${ids[0]}' does not exist`)
    : new InvalidSubnetIDNotFound(`The subnet IDs '${ids.join(", ")}' do not exist`);
}

/** A subnet of the caller's partition, or `InvalidSubnetID.NotFound`. */
export async function requireSubnet(ctx: DomainContext, id: string): Promise<Subnet> {
  const subnet = await ctx.tx.subnets.get(ctx.scope, id);
  if (!subnet) throw subnetNotFound([id]);
  return subnet;
}

export async function deleteSubnet(ctx: DomainContext, id: string): Promise<void> {
  const subnet = await requireSubnet(ctx, id);
  if (await subnetInUse(ctx, subnet)) {
    throw new DependencyViolation(`The subnet '${subnet.id}' has dependencies and cannot be deleted.`);
  }
  await ctx.tx.subnets.remove(subnet, subnet.id);
}

async function subnetInUse(ctx: DomainContext, subnet: Subnet): Promise<boolean> {
  const partition = { account: subnet.account, region: subnet.region };
  const groups = await ctx.tx.subnetGroups.find({ ...partition, vpcId: subnet.vpcId });
  if (groups.some((g) => g.subnetIds.includes(subnet.id))) return true;
  const endpoints = await ctx.tx.endpoints.find({ ...partition, vpcId: subnet.vpcId });
  return endpoints.some((e) => e.networkInterface.subnetId === subnet.id);
}

/**
 * Subnet options callers cannot change here (ModifySubnetAttribute is not emulated), at AWS's
 * defaults for an IPv4-only subnet.
 */
export const SUBNET_OPTIONS = {
  mapCustomerOwnedIpOnLaunch: false,
  assignIpv6AddressOnCreation: false,
  enableDns64: false,
  ipv6Native: false,
  hostnameType: "ip-name",
  enableResourceNameDnsARecord: false,
  enableResourceNameDnsAAAARecord: false,
} as const;

/** A subnet with what EC2 reports about it beyond the stored entity. */
export interface SubnetView {
  readonly subnet: Subnet;
  readonly zone: AvailabilityZoneInfo | undefined;
  readonly availableIpAddressCount: number;
  readonly arn: string;
}

/** Views of a batch of subnets; one endpoint query per VPC in the batch. */
export async function subnetViews(ctx: DomainContext, subnets: readonly Subnet[]): Promise<SubnetView[]> {
  const used = new Map<string, number>();
  for (const vpcId of new Set(subnets.map((s) => s.vpcId))) {
    const endpoints = await ctx.tx.endpoints.find({ account: ctx.scope.account, region: ctx.scope.region, vpcId });
    for (const e of endpoints) used.set(e.networkInterface.subnetId, (used.get(e.networkInterface.subnetId) ?? 0) + 1);
  }
  return subnets.map((subnet) => {
    const cidr = parseCidr(subnet.cidrBlock);
    return {
      subnet,
      zone: zoneByName(subnet.region, subnet.availabilityZone),
      availableIpAddressCount: Math.max(0, (cidr ? usableAddresses(cidr) : 0) - (used.get(subnet.id) ?? 0)),
      arn: `arn:${arnPartition(subnet.region)}:ec2:${subnet.region}:${subnet.account}:subnet/${subnet.id}`,
    };
  });
}

/** DescribeSubnets filters (EC2 API Reference, DescribeSubnets "Filters"; camelCase aliases included). */
export const SUBNET_FILTERS: FilterTable<SubnetView> = {
  "subnet-id": { values: (v) => [v.subnet.id], column: "id" },
  "vpc-id": { values: (v) => [v.subnet.vpcId], column: "vpcId" },
  "availability-zone": { values: (v) => [v.subnet.availabilityZone] },
  availabilityZone: { values: (v) => [v.subnet.availabilityZone] },
  "availability-zone-id": { values: (v) => (v.zone ? [v.zone.zoneId] : []) },
  availabilityZoneId: { values: (v) => (v.zone ? [v.zone.zoneId] : []) },
  "available-ip-address-count": { values: (v) => [String(v.availableIpAddressCount)] },
  cidr: { values: (v) => [v.subnet.cidrBlock] },
  "cidr-block": { values: (v) => [v.subnet.cidrBlock] },
  cidrBlock: { values: (v) => [v.subnet.cidrBlock] },
  "default-for-az": { values: (v) => flag(v.subnet.defaultForAz) },
  defaultForAz: { values: (v) => flag(v.subnet.defaultForAz) },
  "map-public-ip-on-launch": { values: (v) => flag(v.subnet.mapPublicIpOnLaunch) },
  "map-customer-owned-ip-on-launch": { values: () => flag(SUBNET_OPTIONS.mapCustomerOwnedIpOnLaunch) },
  "enable-dns64": { values: () => flag(SUBNET_OPTIONS.enableDns64) },
  "ipv6-native": { values: () => flag(SUBNET_OPTIONS.ipv6Native) },
  "owner-id": { values: (v) => [v.subnet.account] },
  state: { values: () => ["available"] },
  "subnet-arn": { values: (v) => [v.arn] },
  "ipv6-cidr-block-association.ipv6-cidr-block": { values: NONE },
  "ipv6-cidr-block-association.association-id": { values: NONE },
  "ipv6-cidr-block-association.state": { values: NONE },
  "outpost-arn": { values: NONE },
  "customer-owned-ipv4-pool": { values: NONE },
  "enable-lni-at-device-index": { values: NONE },
  "private-dns-name-options-on-launch.hostname-type": { values: () => [SUBNET_OPTIONS.hostnameType] },
  "private-dns-name-options-on-launch.enable-resource-name-dns-a-record": { values: () => flag(SUBNET_OPTIONS.enableResourceNameDnsARecord) },
  "private-dns-name-options-on-launch.enable-resource-name-dns-aaaa-record": { values: () => flag(SUBNET_OPTIONS.enableResourceNameDnsAAAARecord) },
};

export async function describeSubnets(
  ctx: DomainContext,
  req: DescribeRequest & { readonly filters?: readonly FilterInput[] | undefined },
): Promise<Described<SubnetView>> {
  return describe(
    ctx,
    {
      tokenKind: "subnet",
      repo: ctx.tx.subnets,
      filters: compileFilters(SUBNET_FILTERS, req.filters, (v) => v.subnet.tags),
      notFound: subnetNotFound,
      view: (batch) => subnetViews(ctx, batch),
    },
    req,
  );
}
