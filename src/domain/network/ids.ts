/**
 * Identifiers of network objects redshift-local does not store separately (the account's DHCP
 * options set, a VPC's CIDR block association): derived from what they belong to, so they are
 * stable across requests and restarts without a table of their own.
 */
import { createHash } from "node:crypto";
import type { Scope } from "../entities.js";

function derived(prefix: string, seed: string): string {
  return `${prefix}-${createHash("sha256").update(seed).digest("hex").slice(0, 17)}`;
}

/** The default DHCP options set every VPC of a partition is associated with (`dopt-…`). */
export function dhcpOptionsId(scope: Scope): string {
  return derived("dopt", `dhcp/${scope.account}/${scope.region}`);
}

/** The association id of a VPC's primary IPv4 CIDR block (`vpc-cidr-assoc-…`). */
export function vpcCidrAssociationId(vpcId: string): string {
  return derived("vpc-cidr-assoc", `cidr/${vpcId}`);
}

/**
 * The rules AWS gives a new group (allow all egress; a `default` group also admits its own members)
 * have ids before anyone edits the group: derived from the group, so they stay the same until then.
 */
export function defaultRuleId(groupId: string, direction: "ingress" | "egress"): string {
  return derived("sgr", `default-rule/${groupId}/${direction}`);
}

/** A VPC's main route table (`rtb-…`), made with the VPC and gone with it. */
export function mainRouteTableId(vpcId: string): string {
  return derived("rtb", `main-route-table/${vpcId}`);
}

/** The main association of a VPC's main route table (`rtbassoc-…`). */
export function mainRouteTableAssociationId(vpcId: string): string {
  return derived("rtbassoc", `main-route-table-association/${vpcId}`);
}

/** A VPC's default network ACL (`acl-…`), made with the VPC and gone with it. */
export function defaultNetworkAclId(vpcId: string): string {
  return derived("acl", `default-network-acl/${vpcId}`);
}

/** The association of a subnet with its VPC's default network ACL (`aclassoc-…`). */
export function networkAclAssociationId(subnetId: string): string {
  return derived("aclassoc", `network-acl-association/${subnetId}`);
}
