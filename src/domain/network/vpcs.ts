/**
 * VPCs: create (IPv4 block /16–/28, `InvalidVpc.Range`), look up (`InvalidVpcID.NotFound`), delete
 * (`DependencyViolation` while subnets or non-default security groups remain; the `default` group
 * goes with the VPC), describe with EC2's filters.
 *
 * Divergence: AWS lets an account delete its default VPC. redshift-local re-creates the default VPC
 * on first use (docs/differences-from-aws.md, EC2) and Redshift places clusters in it, so deleting it is
 * refused with
 * `OperationNotPermitted` instead of letting it come back with a new id on the next request.
 */
import type { DomainContext } from "../context.js";
import type { Tag, Vpc } from "../entities.js";
import { type AwsError, DependencyViolation, InvalidParameterValue, InvalidVpcIDNotFound, InvalidVpcRange, MissingParameter, OperationNotPermitted } from "../errors.js";
import { resourceId } from "../ids.js";
import { parseCidr, type Cidr } from "./cidr.js";
import { createDefaultSecurityGroup, ensureDefaultVpc } from "./defaults.js";
import { describe, type DescribeRequest, type Described } from "./describe.js";
import { NONE, compileFilters, flag, type FilterInput, type FilterTable } from "./filters.js";
import { dhcpOptionsId, vpcCidrAssociationId } from "./ids.js";

export const MIN_BLOCK_PREFIX = 16;
export const MAX_BLOCK_PREFIX = 28;

/** A CIDR parameter, or `InvalidParameterValue` in EC2's words. */
export function requireCidr(text: string, parameter = "cidrBlock"): Cidr {
  const cidr = parseCidr(text);
  if (!cidr) throw new InvalidParameterValue(`Value (${text}) for parameter ${parameter} is invalid. This is not a valid CIDR block.`);
  return cidr;
}

export interface CreateVpcRequest {
  readonly cidrBlock: string | undefined;
  readonly instanceTenancy: string | undefined;
  readonly tags: Tag[];
}

export async function createVpc(ctx: DomainContext, req: CreateVpcRequest): Promise<Vpc> {
  // IPAM pools and Amazon-provided IPv6 blocks are not emulated, so an IPv4 block is required.
  if (req.cidrBlock === undefined) throw new MissingParameter("Either 'cidrBlock' or 'ipv4IpamPoolId' should be provided.");
  const cidr = requireCidr(req.cidrBlock);
  if (cidr.prefix < MIN_BLOCK_PREFIX || cidr.prefix > MAX_BLOCK_PREFIX) throw new InvalidVpcRange(`The CIDR '${req.cidrBlock}' is invalid.`);
  if (req.instanceTenancy === "host") {
    throw new InvalidParameterValue("The tenancy value host is not supported for VPCs. Valid values: default, dedicated.");
  }
  const vpc: Vpc = {
    account: ctx.scope.account,
    region: ctx.scope.region,
    id: resourceId("vpc"),
    createdAt: ctx.now,
    cidrBlock: req.cidrBlock,
    isDefault: false,
    instanceTenancy: req.instanceTenancy === "dedicated" ? "dedicated" : "default",
    tags: req.tags,
  };
  await ctx.tx.vpcs.insert(vpc);
  await createDefaultSecurityGroup(ctx, vpc);
  return vpc;
}

export function vpcNotFound(ids: readonly string[]): AwsError {
  return ids.length === 1
    ? new InvalidVpcIDNotFound(`The vpc ID '${ids[0]}' does not exist`)
    : new InvalidVpcIDNotFound(`The vpc IDs '${ids.join(", ")}' do not exist`);
}

/** A VPC of the caller's partition, or `InvalidVpcID.NotFound`. */
export async function requireVpc(ctx: DomainContext, id: string): Promise<Vpc> {
  const vpc = await ctx.tx.vpcs.get(ctx.scope, id);
  if (!vpc) throw vpcNotFound([id]);
  return vpc;
}

/** The VPC named by `id`, or the partition's default VPC when `id` is absent. */
export async function vpcOrDefault(ctx: DomainContext, id: string | undefined): Promise<Vpc> {
  return id === undefined ? ensureDefaultVpc(ctx) : requireVpc(ctx, id);
}

export async function deleteVpc(ctx: DomainContext, id: string): Promise<void> {
  const vpc = await requireVpc(ctx, id);
  const where = { account: vpc.account, region: vpc.region, vpcId: vpc.id };
  const hasSubnets = (await ctx.tx.subnets.count(where)) > 0;
  const groups = await ctx.tx.securityGroups.find(where);
  if (hasSubnets || groups.some((g) => g.groupName !== "default")) {
    throw new DependencyViolation(`The vpc '${vpc.id}' has dependencies and cannot be deleted.`);
  }
  if (vpc.isDefault) {
    throw new OperationNotPermitted(`The default VPC '${vpc.id}' cannot be deleted in redshift-local: Redshift places clusters in it.`);
  }
  for (const g of groups) await ctx.tx.securityGroups.remove(g, g.id);
  await ctx.tx.vpcs.remove(vpc, vpc.id);
}

/** Attributes of a VPC as EC2 reports them (shared by DescribeVpcs filters and the wire view). */
export function vpcAttributes(vpc: Vpc) {
  return {
    state: "available" as const,
    dhcpOptionsId: dhcpOptionsId(vpc),
    instanceTenancy: vpc.instanceTenancy ?? "default",
    cidrAssociationId: vpcCidrAssociationId(vpc.id),
    cidrAssociationState: "associated" as const,
  };
}

/**
 * DescribeVpcs filters (EC2 API Reference, DescribeVpcs "Filters"), with the camelCase names earlier
 * editions of that reference listed and EC2 still accepts: `isDefault` (Terraform's `data "aws_vpc"
 * { default = true }` sends it), `cidrBlock`, `dhcpOptionsId`.
 */
export const VPC_FILTERS: FilterTable<Vpc> = {
  "vpc-id": { values: (v) => [v.id], column: "id" },
  cidr: { values: (v) => [v.cidrBlock] },
  cidrBlock: { values: (v) => [v.cidrBlock] },
  "cidr-block-association.cidr-block": { values: (v) => [v.cidrBlock] },
  "cidr-block-association.association-id": { values: (v) => [vpcAttributes(v).cidrAssociationId] },
  "cidr-block-association.state": { values: (v) => [vpcAttributes(v).cidrAssociationState] },
  "dhcp-options-id": { values: (v) => [vpcAttributes(v).dhcpOptionsId] },
  dhcpOptionsId: { values: (v) => [vpcAttributes(v).dhcpOptionsId] },
  "is-default": { values: (v) => flag(v.isDefault) },
  isDefault: { values: (v) => flag(v.isDefault) },
  "owner-id": { values: (v) => [v.account] },
  state: { values: () => ["available"] },
  "ipv6-cidr-block-association.ipv6-cidr-block": { values: NONE },
  "ipv6-cidr-block-association.ipv6-pool": { values: NONE },
  "ipv6-cidr-block-association.association-id": { values: NONE },
  "ipv6-cidr-block-association.state": { values: NONE },
};

export async function describeVpcs(ctx: DomainContext, req: DescribeRequest & { readonly filters?: readonly FilterInput[] | undefined }): Promise<Described<Vpc>> {
  return describe(
    ctx,
    {
      tokenKind: "vpc",
      repo: ctx.tx.vpcs,
      filters: compileFilters(VPC_FILTERS, req.filters, (v) => v.tags),
      notFound: vpcNotFound,
      view: async (batch) => batch,
    },
    req,
  );
}
