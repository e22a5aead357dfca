/**
 * A security group's rule set, as pure functions over the entity: the rules a group has (the ones AWS
 * gives a new group until someone edits them), what makes two rules the same rule, and the grouping
 * into EC2's `IpPermission`s that DescribeSecurityGroups and RevokeSecurityGroup* report.
 */
import type { SecurityGroup, SecurityGroupRule } from "../entities.js";
import { DEFAULT_GROUP_NAME } from "./defaults.js";
import { defaultRuleId } from "./ids.js";

/** A rule before it has an id (what a request names). */
export type RuleSpec = Omit<SecurityGroupRule, "id">;

/** The group's rules: stored ones once edited, else the ones AWS gives a new group. */
export function groupRules(group: SecurityGroup): SecurityGroupRule[] {
  if (group.rules) return group.rules;
  const egress: SecurityGroupRule = { id: defaultRuleId(group.id, "egress"), egress: true, protocol: "-1", cidrIpv4: "0.0.0.0/0" };
  if (group.groupName !== DEFAULT_GROUP_NAME) return [egress];
  return [{ id: defaultRuleId(group.id, "ingress"), egress: false, protocol: "-1", groupId: group.id }, egress];
}

/** What makes two rules the same rule (the description does not). */
export function ruleKey(r: RuleSpec): string {
  const peer = r.cidrIpv4 ?? r.cidrIpv6 ?? r.groupId ?? "";
  return [r.egress ? "out" : "in", r.protocol, r.fromPort ?? "", r.toPort ?? "", peer].join("|");
}

/** Rules grouped as EC2's `IpPermission`s: one per (protocol, port range), peers in rule order. */
export interface PermissionView {
  readonly protocol: string;
  readonly fromPort?: number | undefined;
  readonly toPort?: number | undefined;
  readonly ipv4: { readonly cidr: string; readonly description?: string | undefined }[];
  readonly ipv6: { readonly cidr: string; readonly description?: string | undefined }[];
  readonly groups: { readonly groupId: string; readonly userId: string; readonly description?: string | undefined }[];
}

export function permissionViews(account: string, rules: readonly RuleSpec[]): PermissionView[] {
  const byRange = new Map<string, PermissionView>();
  for (const r of rules) {
    const key = [r.protocol, r.fromPort ?? "", r.toPort ?? ""].join("|");
    let view = byRange.get(key);
    if (!view) {
      view = { protocol: r.protocol, fromPort: r.fromPort, toPort: r.toPort, ipv4: [], ipv6: [], groups: [] };
      byRange.set(key, view);
    }
    if (r.cidrIpv4 !== undefined) view.ipv4.push({ cidr: r.cidrIpv4, description: r.description });
    if (r.cidrIpv6 !== undefined) view.ipv6.push({ cidr: r.cidrIpv6, description: r.description });
    if (r.groupId !== undefined) view.groups.push({ groupId: r.groupId, userId: account, description: r.description });
  }
  return [...byRange.values()];
}
