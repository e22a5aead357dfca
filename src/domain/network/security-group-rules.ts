/**
 * Security group rules: Authorize/RevokeSecurityGroupIngress/Egress and what DescribeSecurityGroups
 * reports. AWS documents (EC2 API Reference; VPC User Guide "Security group rules"): a rule is a
 * direction, a protocol (`-1` = all, `tcp`, `udp`, `icmp`, `icmpv6` or a protocol number), a port range
 * (required for TCP/UDP and ICMP, ignored for `-1` and other numbers) and one peer (an IPv4 or IPv6
 * block, a prefix list or a security group); each has an `sgr-` id. A new group allows all egress; a
 * `default` group also admits its own members. Authorizing an existing rule is
 * `InvalidPermission.Duplicate`; revoking a rule that does not exist is `InvalidPermission.NotFound`
 * in a non-default VPC, while in the default VPC nothing fails and the rule comes back in
 * `UnknownIpPermissions`. Inbound and outbound rules per group: 60 each (`rules-per-security-group`).
 *
 * We decided: a rule may reference a security group of the caller in the same VPC only (VPC peering
 * is not emulated); prefix lists are not emulated, so naming one is `InvalidPrefixListID.NotFound`.
 * Several message texts and the codes for missing ports or peers are INFERRED (marked below).
 */
import { isIPv6 } from "node:net";
import type { DomainContext } from "../context.js";
import type { SecurityGroup, SecurityGroupRule, Tag } from "../entities.js";
import {
  InvalidParameter,
  InvalidParameterCombination,
  InvalidParameterValue,
  InvalidPermissionDuplicate,
  InvalidPermissionNotFound,
  InvalidPrefixListIDNotFound,
  InvalidSecurityGroupRuleIdNotFound,
  MissingParameter,
  RulesPerSecurityGroupLimitExceeded,
} from "../errors.js";
import { resourceId } from "../ids.js";
import { parseCidr } from "./cidr.js";
import { groupRules, ruleKey, type RuleSpec } from "./rule-set.js";
import { checkGroupText, groupNotFound, groupsByName, requireSecurityGroup } from "./security-groups.js";

/** The model's `IpPermission` as decoded from a request. */
export interface PermissionInput {
  readonly IpProtocol?: string | undefined;
  readonly FromPort?: number | undefined;
  readonly ToPort?: number | undefined;
  readonly UserIdGroupPairs?: readonly { GroupId?: string; GroupName?: string; UserId?: string; Description?: string }[] | undefined;
  readonly IpRanges?: readonly { CidrIp?: string; Description?: string }[] | undefined;
  readonly Ipv6Ranges?: readonly { CidrIpv6?: string; Description?: string }[] | undefined;
  readonly PrefixListIds?: readonly { PrefixListId?: string; Description?: string }[] | undefined;
}

const PROTOCOL_NAMES: Readonly<Record<string, string>> = { "-1": "-1", tcp: "tcp", "6": "tcp", udp: "udp", "17": "udp", icmp: "icmp", "1": "icmp", icmpv6: "icmpv6", "58": "icmpv6" };

/** Names for the four protocols with ports (EC2 reports `tcp`, not `6`); other numbers 0–255 as given. */
export function normaliseProtocol(raw: string | undefined): string {
  if (raw === undefined || raw === "") throw new MissingParameter("The request must contain the parameter ipProtocol");
  const p = raw.toLowerCase();
  const named = PROTOCOL_NAMES[p];
  if (named) return named;
  if (/^(0|[1-9][0-9]{0,2})$/.test(p) && Number(p) <= 255) return p;
  throw new InvalidParameterValue(`Invalid value '${raw}' for IP protocol. Unknown protocol.`);
}

/** The stored port range of a protocol: TCP/UDP 0–65535 and ICMP type/code −1–255 required, ICMPv6 optional. */
function portRange(protocol: string, from: number | undefined, to: number | undefined): { fromPort?: number; toPort?: number } {
  const isIcmp = protocol === "icmp" || protocol === "icmpv6";
  if (protocol === "tcp" || protocol === "udp") {
    // INFERRED: the message EC2 is reported to give for a TCP/UDP rule without both ports.
    if (from === undefined || to === undefined) throw new InvalidParameterValue("Invalid value 'Must specify both from and to ports with TCP/UDP.' for portRange");
    if (from < 0 || to > 65535 || from > to) throw new InvalidParameterValue(`Invalid value '${from}-${to}' for portRange: ports are 0–65535, from ≤ to.`);
    return { fromPort: from, toPort: to };
  }
  if (isIcmp) {
    if (protocol === "icmpv6" && from === undefined && to === undefined) return { fromPort: -1, toPort: -1 };
    if (from === undefined || to === undefined) throw new InvalidParameterValue("Invalid value 'Must specify both ICMP type and code.' for portRange");
    if (from < -1 || from > 255 || to < -1 || to > 255) throw new InvalidParameterValue(`Invalid value '${from}/${to}' for ICMP type/code: each is -1 to 255.`);
    return { fromPort: from, toPort: to };
  }
  return {}; // `-1` and other protocol numbers cover every port; EC2 drops a given range.
}

function checkDescription(description: string | undefined): string | undefined {
  if (description === undefined || description === "") return undefined;
  checkGroupText(description, "description");
  return description;
}

function ipv4Block(text: string | undefined): string {
  if (text === undefined || !parseCidr(text)) throw new InvalidParameterValue(`CIDR block ${text ?? ""} is malformed`);
  return text;
}

function ipv6Block(text: string | undefined): string {
  const m = /^([0-9a-fA-F:]+)\/(\d{1,3})$/.exec(text ?? "");
  if (!m || !isIPv6(m[1]!) || Number(m[2]) > 128) throw new InvalidParameterValue(`CIDR block ${text ?? ""} is malformed`);
  return text!.toLowerCase();
}

/** A referenced group: by id, or by name in the default VPC; the caller's, in the same VPC. */
async function referencedGroup(ctx: DomainContext, target: SecurityGroup, pair: { GroupId?: string; GroupName?: string; UserId?: string }): Promise<string> {
  // Another account's group is reachable only over VPC peering, which is not emulated.
  if (pair.UserId !== undefined && pair.UserId !== "" && pair.UserId !== ctx.scope.account) {
    throw new InvalidParameter("You have specified two resources that belong to different networks.");
  }
  let group: SecurityGroup;
  if (pair.GroupId !== undefined && pair.GroupId !== "") {
    group = await requireSecurityGroup(ctx, pair.GroupId);
  } else if (pair.GroupName !== undefined && pair.GroupName !== "") {
    [group] = (await groupsByName(ctx, [pair.GroupName])) as [SecurityGroup];
  } else {
    throw new MissingParameter("The request must contain the parameter groupId or groupName of each referenced group");
  }
  // EC2's words for a reference across VPCs (only peered VPCs may reference each other's groups).
  if (group.vpcId !== target.vpcId) throw new InvalidParameter("You have specified two resources that belong to different networks.");
  return group.id;
}

/** The rules a list of IpPermissions names, one per peer, validated. */
async function expand(ctx: DomainContext, target: SecurityGroup, egress: boolean, permissions: readonly PermissionInput[]): Promise<RuleSpec[]> {
  const out: RuleSpec[] = [];
  for (const p of permissions) {
    const protocol = normaliseProtocol(p.IpProtocol);
    const base = { egress, protocol, ...portRange(protocol, p.FromPort, p.ToPort) };
    const before = out.length;
    for (const r of p.IpRanges ?? []) out.push({ ...base, cidrIpv4: ipv4Block(r.CidrIp), description: checkDescription(r.Description) });
    for (const r of p.Ipv6Ranges ?? []) out.push({ ...base, cidrIpv6: ipv6Block(r.CidrIpv6), description: checkDescription(r.Description) });
    for (const r of p.PrefixListIds ?? []) throw new InvalidPrefixListIDNotFound(`The prefix list ID '${r.PrefixListId ?? ""}' does not exist`);
    for (const g of p.UserIdGroupPairs ?? []) out.push({ ...base, groupId: await referencedGroup(ctx, target, g), description: checkDescription(g.Description) });
    // INFERRED code: a permission must name at least one peer.
    if (out.length === before) throw new MissingParameter("Each IP permission must name a peer: IpRanges, Ipv6Ranges, PrefixListIds or Groups.");
  }
  return out;
}

/** `peer: 0.0.0.0/0, TCP, from port: 22, to port: 22, ALLOW`, as EC2 words a duplicate rule. */
function describeRule(r: RuleSpec): string {
  const peer = r.cidrIpv4 ?? r.cidrIpv6 ?? r.groupId ?? "";
  const protocol = r.protocol === "-1" ? "ALL" : r.protocol.toUpperCase();
  const ports = r.fromPort === undefined ? "" : `, from port: ${r.fromPort}, to port: ${r.toPort}`;
  return `peer: ${peer}, ${protocol}${ports}, ALLOW`;
}

/** AuthorizeSecurityGroupIngress's single-rule parameters (the AWS CLI's `--protocol --port --cidr`). */
export interface FlatRule {
  readonly IpProtocol?: string | undefined;
  readonly FromPort?: number | undefined;
  readonly ToPort?: number | undefined;
  readonly CidrIp?: string | undefined;
  readonly SourceSecurityGroupName?: string | undefined;
  readonly SourceSecurityGroupOwnerId?: string | undefined;
}

const FLAT_PARAMETERS = ["IpProtocol", "FromPort", "ToPort", "CidrIp", "SourceSecurityGroupName", "SourceSecurityGroupOwnerId"] as const;

/**
 * The permissions a request names: `IpPermissions`, or the single-rule parameters. The two forms do
 * not mix (INFERRED code). Egress rules take IpPermissions only ("Not supported. Use IP permissions
 * instead." [M]). Divergence: a SourceSecurityGroupName rule needs IpProtocol here; EC2-Classic's
 * "all of TCP, UDP and ICMP" reading of a name alone is not emulated.
 */
export function requestedPermissions(egress: boolean, ipPermissions: readonly PermissionInput[] | undefined, flat: FlatRule): PermissionInput[] {
  const given = FLAT_PARAMETERS.filter((k) => flat[k] !== undefined && flat[k] !== "");
  if (given.length === 0) return [...(ipPermissions ?? [])];
  if (egress) throw new InvalidParameterValue(`The parameter ${given[0]} is not supported for egress rules. Use IpPermissions instead.`);
  if (ipPermissions?.length) throw new InvalidParameterCombination(`The parameter IpPermissions cannot be used with the parameter ${given[0]}.`);
  if (flat.CidrIp !== undefined && flat.SourceSecurityGroupName !== undefined) {
    throw new InvalidParameterCombination("The parameter CidrIp cannot be used with the parameter SourceSecurityGroupName.");
  }
  return [
    {
      IpProtocol: flat.IpProtocol,
      FromPort: flat.FromPort,
      ToPort: flat.ToPort,
      IpRanges: flat.CidrIp === undefined ? undefined : [{ CidrIp: flat.CidrIp }],
      UserIdGroupPairs:
        flat.SourceSecurityGroupName === undefined ? undefined : [{ GroupName: flat.SourceSecurityGroupName, UserId: flat.SourceSecurityGroupOwnerId }],
    },
  ];
}

export interface RuleRequest {
  readonly groupId?: string | undefined;
  /** Ingress only: a group of the default VPC by name. */
  readonly groupName?: string | undefined;
  readonly egress: boolean;
  readonly permissions: readonly PermissionInput[];
  /** Tags for each new rule (TagSpecification `security-group-rule`). */
  readonly tags?: Tag[] | undefined;
}

/** The group whose rules change, locked for the rest of the transaction (its rule list is rewritten). */
async function targetGroup(ctx: DomainContext, req: RuleRequest): Promise<SecurityGroup> {
  let id: string;
  if (req.groupId !== undefined && req.groupId !== "") id = req.groupId;
  else if (!req.egress && req.groupName !== undefined && req.groupName !== "") id = ((await groupsByName(ctx, [req.groupName])) as [SecurityGroup])[0].id;
  else throw new MissingParameter(req.egress ? "The request must contain the parameter groupId" : "The request must contain the parameter groupName or groupId");
  const group = await ctx.tx.securityGroups.getForUpdate(ctx.scope, id);
  if (!group) throw groupNotFound([id]);
  return group;
}

export async function authorizeRules(ctx: DomainContext, req: RuleRequest): Promise<{ group: SecurityGroup; added: SecurityGroupRule[] }> {
  const group = await targetGroup(ctx, req);
  if (req.permissions.length === 0) throw new MissingParameter("The request must contain the parameter ipPermissions");
  const candidates = await expand(ctx, group, req.egress, req.permissions);
  const existing = groupRules(group);
  const seen = new Set(existing.map(ruleKey));
  for (const c of candidates) {
    const key = ruleKey(c);
    if (seen.has(key)) throw new InvalidPermissionDuplicate(`the specified rule "${describeRule(c)}" already exists`);
    seen.add(key);
  }
  const sameDirection = existing.filter((r) => r.egress === req.egress).length;
  if (sameDirection + candidates.length > ctx.quotas["rules-per-security-group"]) {
    throw new RulesPerSecurityGroupLimitExceeded("The maximum number of rules per security group has been reached.");
  }
  const tags = req.tags?.length ? req.tags : undefined;
  const added = candidates.map((c) => ({ id: resourceId("sgr"), ...c, tags }));
  group.rules = [...existing, ...added];
  await ctx.tx.securityGroups.update(group);
  return { group, added };
}

export interface RevokeRequest extends RuleRequest {
  readonly ruleIds?: readonly string[] | undefined;
}

export interface Revoked {
  readonly group: SecurityGroup;
  readonly revoked: SecurityGroupRule[];
  /** Default VPC only: the rules named that the group does not have. */
  readonly unknown: RuleSpec[];
}

export async function revokeRules(ctx: DomainContext, req: RevokeRequest): Promise<Revoked> {
  const group = await targetGroup(ctx, req);
  const ids = req.ruleIds ?? [];
  if (ids.length === 0 && req.permissions.length === 0) throw new MissingParameter("The request must contain the parameter ipPermissions or securityGroupRuleIds");
  const existing = groupRules(group);
  // Lookups by id and by rule key: a request naming many rules costs O(request + rules), not their product.
  const byId = new Map(existing.filter((r) => r.egress === req.egress).map((r) => [r.id, r]));
  const byKey = new Map(existing.map((r) => [ruleKey(r), r]));
  const remove = new Set<string>();
  for (const id of ids) {
    const rule = byId.get(id);
    // INFERRED message text.
    if (!rule) throw new InvalidSecurityGroupRuleIdNotFound(`The security group rule ID '${id}' does not exist`);
    remove.add(rule.id);
  }
  const unknown: RuleSpec[] = [];
  for (const c of await expand(ctx, group, req.egress, req.permissions)) {
    const match = byKey.get(ruleKey(c));
    if (match) remove.add(match.id);
    else unknown.push(c);
  }
  const vpc = await ctx.tx.vpcs.get(ctx.scope, group.vpcId);
  if (unknown.length > 0 && !vpc?.isDefault) throw new InvalidPermissionNotFound("The specified rule does not exist in this security group.");
  const revoked = existing.filter((r) => remove.has(r.id));
  if (revoked.length > 0) {
    group.rules = existing.filter((r) => !remove.has(r.id));
    await ctx.tx.securityGroups.update(group);
  }
  return { group, revoked, unknown };
}

/** `arn:aws:ec2:<region>:<account>:security-group-rule/sgr-…`. */
export function ruleArn(group: SecurityGroup, rule: SecurityGroupRule, partition: string): string {
  return `arn:${partition}:ec2:${group.region}:${group.account}:security-group-rule/${rule.id}`;
}

