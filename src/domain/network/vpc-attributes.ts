/**
 * VPC attributes (DescribeVpcAttribute, ModifyVpcAttribute), with the defaults the VPC User Guide
 * documents (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-dns.html): DNS resolution
 * (`enableDnsSupport`) is on for every VPC; DNS hostnames (`enableDnsHostnames`) are on for a default
 * VPC and off for a VPC made with CreateVpc; Network Address Usage metrics
 * (`enableNetworkAddressUsageMetrics`) are off. A value set with ModifyVpcAttribute is stored on the
 * VPC and wins over the default.
 *
 * ModifyVpcAttribute changes one attribute per call (the API Reference: "You cannot modify the DNS
 * resolution and DNS hostnames attributes in the same request"); several are
 * `InvalidParameterCombination` "Fields for multiple attribute types specified: …" as EC2 answers.
 * DNS hostnames can only be turned on while DNS support is on ("You can only enable DNS hostnames if
 * you've enabled DNS support"): otherwise `InvalidParameterValue`.
 * We decided (AWS documents neither): a call naming no attribute is `MissingParameter`, and turning
 * DNS support off while hostnames are on is allowed (both stay as set; hostnames then do not
 * resolve, as the user guide describes).
 */
import type { DomainContext } from "../context.js";
import type { Vpc } from "../entities.js";
import { InvalidParameterCombination, InvalidParameterValue, MissingParameter } from "../errors.js";
import { requireVpc } from "./vpcs.js";

export const VPC_ATTRIBUTE_NAMES = ["enableDnsSupport", "enableDnsHostnames", "enableNetworkAddressUsageMetrics"] as const;
export type VpcAttributeName = (typeof VPC_ATTRIBUTE_NAMES)[number];

function defaultValue(vpc: Vpc, name: VpcAttributeName): boolean {
  switch (name) {
    case "enableDnsSupport":
      return true;
    case "enableDnsHostnames":
      return vpc.isDefault;
    case "enableNetworkAddressUsageMetrics":
      return false;
  }
}

export function vpcAttributeValue(vpc: Vpc, name: VpcAttributeName): boolean {
  return vpc.attributes?.[name] ?? defaultValue(vpc, name);
}

/** One attribute of one of the caller's VPCs (`InvalidVpcID.NotFound` otherwise). */
export async function describeVpcAttribute(ctx: DomainContext, vpcId: string, name: VpcAttributeName): Promise<{ vpc: Vpc; value: boolean }> {
  const vpc = await requireVpc(ctx, vpcId);
  return { vpc, value: vpcAttributeValue(vpc, name) };
}

export type VpcAttributeChange = Partial<Record<VpcAttributeName, boolean | undefined>>;

/** ModifyVpcAttribute: exactly one attribute, checked before the VPC is looked up (as EC2 does). */
export async function modifyVpcAttribute(ctx: DomainContext, vpcId: string, change: VpcAttributeChange): Promise<void> {
  const named = [...VPC_ATTRIBUTE_NAMES].sort().filter((n) => change[n] !== undefined);
  if (named.length > 1) throw new InvalidParameterCombination(`Fields for multiple attribute types specified: ${named.join(", ")}`);
  const name = named[0];
  if (name === undefined) {
    throw new MissingParameter("The request must contain exactly one of the parameters EnableDnsSupport, EnableDnsHostnames or EnableNetworkAddressUsageMetrics");
  }
  const value = change[name]!;
  const vpc = await requireVpc(ctx, vpcId);
  if (name === "enableDnsHostnames" && value && !vpcAttributeValue(vpc, "enableDnsSupport")) {
    throw new InvalidParameterValue(`Cannot enable DNS hostnames for the vpc '${vpc.id}': DNS support (enableDnsSupport) must be enabled first.`);
  }
  vpc.attributes = { ...vpc.attributes, [name]: value };
  await ctx.tx.vpcs.update(vpc);
}
