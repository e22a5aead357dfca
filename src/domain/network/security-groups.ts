/**
 * VPC security groups: create (names unique per VPC case-insensitively, `default` reserved, no VpcId
 * → the default VPC), look up by id or by name in the default VPC, delete (`CannotDelete` for a
 * `default` group, `DependencyViolation` while a cluster or an endpoint uses it), describe.
 *
 * A group's rules are in rule-set.ts (edited by security-group-rules.ts): a new group has the rules
 * AWS gives it, egress to everything (`-1` to 0.0.0.0/0), and a `default` group also admits all
 * traffic from members of itself (Amazon VPC User Guide, "Default security groups for your VPCs").
 * A group another group's rule references cannot be deleted (`DependencyViolation`).
 * Names and descriptions: up to 255 characters of a-z, A-Z, 0-9, spaces and ._-:/()#,@[]+=&;{}!$*,
 * names not starting with `sg-` (EC2 API Reference, CreateSecurityGroup).
 */
import type { DomainContext } from "../context.js";
import type { SecurityGroup, Tag } from "../entities.js";
import { type AwsError, CannotDelete, DependencyViolation, InvalidGroupDuplicate, InvalidGroupNotFound, InvalidGroupReserved, InvalidParameterValue, MissingParameter } from "../errors.js";
import { resourceId } from "../ids.js";
import { DEFAULT_GROUP_NAME, ensureDefaultVpc } from "./defaults.js";
import { describe, type DescribeRequest, type Described } from "./describe.js";
import { NONE, compileFilters, type FilterInput, type FilterTable } from "./filters.js";
import { groupRules, permissionViews, type PermissionView } from "./rule-set.js";
import { vpcOrDefault } from "./vpcs.js";
import { arnPartition } from "./zones.js";

export { DEFAULT_GROUP_NAME };
export const MAX_GROUP_TEXT_LENGTH = 255;
const GROUP_TEXT = /^[a-zA-Z0-9 ._\-:/()#,@[\]+=&;{}!$*]*$/;

export interface CreateSecurityGroupRequest {
  readonly groupName: string;
  readonly description: string;
  readonly vpcId: string | undefined;
  readonly tags: Tag[];
}

/** Group names and descriptions, and rule descriptions, share EC2's length and character rules. */
export function checkGroupText(value: string, parameter: string): void {
  if (value.length === 0 || value.length > MAX_GROUP_TEXT_LENGTH) {
    throw new InvalidParameterValue(`Value (${value}) for parameter ${parameter} is invalid. Length must be between 1 and ${MAX_GROUP_TEXT_LENGTH} characters.`);
  }
  if (!GROUP_TEXT.test(value)) {
    throw new InvalidParameterValue(
      `Value (${value}) for parameter ${parameter} is invalid. Valid characters are a-z, A-Z, 0-9, spaces, and ._-:/()#,@[]+=&;{}!$*`,
    );
  }
}

export async function createSecurityGroup(ctx: DomainContext, req: CreateSecurityGroupRequest): Promise<SecurityGroup> {
  checkGroupText(req.groupName, "GroupName");
  checkGroupText(req.description, "GroupDescription");
  if (req.groupName.toLowerCase().startsWith("sg-")) throw new InvalidParameterValue("Group names may not be in the format sg-*.");
  if (req.groupName.toLowerCase() === DEFAULT_GROUP_NAME) {
    throw new InvalidGroupReserved(`The security group '${req.groupName}' is reserved: every VPC has its own 'default' group.`);
  }
  const vpc = await vpcOrDefault(ctx, req.vpcId);
  const existing = await ctx.tx.securityGroups.find({ account: vpc.account, region: vpc.region, vpcId: vpc.id });
  if (existing.some((g) => g.groupName.toLowerCase() === req.groupName.toLowerCase())) {
    throw new InvalidGroupDuplicate(`The security group '${req.groupName}' already exists for VPC '${vpc.id}'`);
  }
  const group: SecurityGroup = {
    account: ctx.scope.account,
    region: ctx.scope.region,
    id: resourceId("sg"),
    createdAt: ctx.now,
    vpcId: vpc.id,
    groupName: req.groupName,
    description: req.description,
    tags: req.tags,
  };
  await ctx.tx.securityGroups.insert(group);
  return group;
}

export function groupNotFound(ids: readonly string[]): AwsError {
  return ids.length === 1
    ? new InvalidGroupNotFound(`The security group '${ids[0]}' does not exist`)
    : new InvalidGroupNotFound(`The security groups '${ids.join(", ")}' do not exist`);
}

/** A security group of the caller's partition, or `InvalidGroup.NotFound`. */
export async function requireSecurityGroup(ctx: DomainContext, id: string): Promise<SecurityGroup> {
  const group = await ctx.tx.securityGroups.get(ctx.scope, id);
  if (!group) throw groupNotFound([id]);
  return group;
}

/** Names refer to groups of the default VPC (EC2: "[Default VPC] The names of the security groups"). */
export async function groupsByName(ctx: DomainContext, names: readonly string[]): Promise<SecurityGroup[]> {
  const vpc = await ensureDefaultVpc(ctx);
  const groups: SecurityGroup[] = [];
  for (const name of new Set(names)) {
    const [group] = await ctx.tx.securityGroups.find({ account: vpc.account, region: vpc.region, vpcId: vpc.id, groupName: name }, { limit: 1 });
    if (!group) throw new InvalidGroupNotFound(`The security group '${name}' does not exist in default VPC '${vpc.id}'`);
    groups.push(group);
  }
  return groups;
}

export async function deleteSecurityGroup(ctx: DomainContext, req: { groupId?: string | undefined; groupName?: string | undefined }): Promise<SecurityGroup> {
  let group: SecurityGroup;
  if (req.groupId !== undefined) group = await requireSecurityGroup(ctx, req.groupId);
  else if (req.groupName !== undefined) [group] = (await groupsByName(ctx, [req.groupName])) as [SecurityGroup];
  else throw new MissingParameter("The request must contain the parameter GroupName or GroupId");
  if (group.groupName === DEFAULT_GROUP_NAME) {
    throw new CannotDelete(`the specified group: "${group.id}" name: "${DEFAULT_GROUP_NAME}" cannot be deleted by a user`);
  }
  if (await groupInUse(ctx, group)) throw new DependencyViolation(`resource ${group.id} has a dependent object`);
  await ctx.tx.securityGroups.remove(group, group.id);
  return group;
}

async function groupInUse(ctx: DomainContext, group: SecurityGroup): Promise<boolean> {
  const partition = { account: group.account, region: group.region };
  const endpoints = await ctx.tx.endpoints.find({ ...partition, vpcId: group.vpcId });
  if (endpoints.some((e) => e.securityGroupIds.includes(group.id))) return true;
  const clusters = await ctx.tx.clusters.find(partition);
  if (clusters.some((c) => c.securityGroupIds.includes(group.id))) return true;
  // Another group's rule that references this one (a group may reference itself and still go).
  const siblings = await ctx.tx.securityGroups.find({ ...partition, vpcId: group.vpcId });
  return siblings.some((g) => g.id !== group.id && groupRules(g).some((r) => r.groupId === group.id));
}

export interface SecurityGroupView {
  readonly group: SecurityGroup;
  readonly arn: string;
  readonly ingress: readonly PermissionView[];
  readonly egress: readonly PermissionView[];
}

export function securityGroupView(group: SecurityGroup): SecurityGroupView {
  const rules = groupRules(group);
  return {
    group,
    arn: `arn:${arnPartition(group.region)}:ec2:${group.region}:${group.account}:security-group/${group.id}`,
    ingress: permissionViews(group.account, rules.filter((r) => !r.egress)),
    egress: permissionViews(group.account, rules.filter((r) => r.egress)),
  };
}

const ruleValues = (pick: (v: SecurityGroupView) => readonly PermissionView[], attr: (r: PermissionView) => readonly string[]) =>
  (v: SecurityGroupView) => pick(v).flatMap(attr);
const port = (n: number | undefined): string[] => (n === undefined ? [] : [String(n)]);
const ingressOf = (v: SecurityGroupView) => v.ingress;
const egressOf = (v: SecurityGroupView) => v.egress;

/**
 * DescribeSecurityGroups filters (EC2 API Reference, DescribeSecurityGroups "Filters"). Rules
 * reference groups by id, so the `group-name` of a referenced group matches nothing; prefix lists
 * are not emulated.
 */
export const SECURITY_GROUP_FILTERS: FilterTable<SecurityGroupView> = {
  "group-id": { values: (v) => [v.group.id], column: "id" },
  "group-name": { values: (v) => [v.group.groupName], column: "groupName" },
  "vpc-id": { values: (v) => [v.group.vpcId], column: "vpcId" },
  description: { values: (v) => [v.group.description] },
  "owner-id": { values: (v) => [v.group.account] },
  "ip-permission.protocol": { values: ruleValues(ingressOf, (r) => [r.protocol]) },
  "ip-permission.from-port": { values: ruleValues(ingressOf, (r) => port(r.fromPort)) },
  "ip-permission.to-port": { values: ruleValues(ingressOf, (r) => port(r.toPort)) },
  "ip-permission.cidr": { values: ruleValues(ingressOf, (r) => r.ipv4.map((p) => p.cidr)) },
  "ip-permission.ipv6-cidr": { values: ruleValues(ingressOf, (r) => r.ipv6.map((p) => p.cidr)) },
  "ip-permission.group-id": { values: ruleValues(ingressOf, (r) => r.groups.map((p) => p.groupId)) },
  "ip-permission.user-id": { values: ruleValues(ingressOf, (r) => r.groups.map((p) => p.userId)) },
  "ip-permission.group-name": { values: NONE },
  "ip-permission.prefix-list-id": { values: NONE },
  "egress.ip-permission.protocol": { values: ruleValues(egressOf, (r) => [r.protocol]) },
  "egress.ip-permission.from-port": { values: ruleValues(egressOf, (r) => port(r.fromPort)) },
  "egress.ip-permission.to-port": { values: ruleValues(egressOf, (r) => port(r.toPort)) },
  "egress.ip-permission.cidr": { values: ruleValues(egressOf, (r) => r.ipv4.map((p) => p.cidr)) },
  "egress.ip-permission.ipv6-cidr": { values: ruleValues(egressOf, (r) => r.ipv6.map((p) => p.cidr)) },
  "egress.ip-permission.group-id": { values: ruleValues(egressOf, (r) => r.groups.map((p) => p.groupId)) },
  "egress.ip-permission.user-id": { values: ruleValues(egressOf, (r) => r.groups.map((p) => p.userId)) },
  "egress.ip-permission.group-name": { values: NONE },
  "egress.ip-permission.prefix-list-id": { values: NONE },
};

export interface DescribeSecurityGroupsRequest extends DescribeRequest {
  readonly names?: readonly string[] | undefined;
  readonly filters?: readonly FilterInput[] | undefined;
}

export async function describeSecurityGroups(ctx: DomainContext, req: DescribeSecurityGroupsRequest): Promise<Described<SecurityGroupView>> {
  const filters = compileFilters(SECURITY_GROUP_FILTERS, req.filters, (v) => v.group.tags);
  const named = req.names === undefined ? undefined : (await groupsByName(ctx, req.names)).map((g) => g.id);
  const ids = req.ids === undefined && named === undefined ? undefined : [...(req.ids ?? []), ...(named ?? [])];
  return describe(
    ctx,
    {
      tokenKind: "security-group",
      repo: ctx.tx.securityGroups,
      filters,
      notFound: groupNotFound,
      view: async (batch) => batch.map(securityGroupView),
    },
    { ...req, ids },
  );
}
