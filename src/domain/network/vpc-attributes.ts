/**
 * VPC attributes (DescribeVpcAttribute), as the VPC User Guide documents their values: DNS resolution
 * (`enableDnsSupport`) is on for every VPC; DNS hostnames (`enableDnsHostnames`) are on for a default
 * VPC and off for a VPC made with CreateVpc; Network Address Usage metrics
 * (`enableNetworkAddressUsageMetrics`) are off until turned on.
 *
 * Known gap: ModifyVpcAttribute is not emulated (501), so every VPC keeps these values; they are
 * computed from the VPC rather than stored.
 */
import type { DomainContext } from "../context.js";
import type { Vpc } from "../entities.js";
import { requireVpc } from "./vpcs.js";

export const VPC_ATTRIBUTE_NAMES = ["enableDnsSupport", "enableDnsHostnames", "enableNetworkAddressUsageMetrics"] as const;
export type VpcAttributeName = (typeof VPC_ATTRIBUTE_NAMES)[number];

export function vpcAttributeValue(vpc: Vpc, name: VpcAttributeName): boolean {
  switch (name) {
    case "enableDnsSupport":
      return true;
    case "enableDnsHostnames":
      return vpc.isDefault;
    case "enableNetworkAddressUsageMetrics":
      return false;
  }
}

/** One attribute of one of the caller's VPCs (`InvalidVpcID.NotFound` otherwise). */
export async function describeVpcAttribute(ctx: DomainContext, vpcId: string, name: VpcAttributeName): Promise<{ vpc: Vpc; value: boolean }> {
  const vpc = await requireVpc(ctx, vpcId);
  return { vpc, value: vpcAttributeValue(vpc, name) };
}
