/**
 * EC2 CreateTags / DeleteTags / DescribeTags over the EC2 resources redshift-local has: VPCs,
 * subnets, security groups and security group rules. Tags live on their resource (the `tags` the
 * TagSpecification of the Create call filled), so DescribeVpcs & co. and DescribeTags always agree.
 *
 * Rules (EC2 API Reference CreateTags/DeleteTags/DescribeTags; EC2 User Guide "Tag restrictions"):
 * at most 50 tags per resource (`TagLimitExceeded`), keys 1–128 characters, values 0–256, `aws:`
 * reserved (`InvalidParameterValue`), up to 1000 resource ids per call, all-or-nothing; DeleteTags
 * without tags removes every tag, a tag with a value removes it only when the value matches;
 * DescribeTags filters `key`, `value`, `resource-id`, `resource-type`, `tag:<key>`, `tag-key`.
 * Decided here (docs/differences-from-aws.md, Tags): each resource's not-found code by id prefix
 * (`InvalidVpcID.NotFound`, `InvalidSubnetID.NotFound`, `InvalidGroup.NotFound`,
 * `InvalidSecurityGroupRuleId.NotFound`), any other id `InvalidID`; the first missing id in request
 * order is reported; DescribeTags lists in resource-id then key order.
 */
import type { DomainContext } from "../context.js";
import type { SecurityGroup, Tag } from "../entities.js";
import { type AwsError, InvalidID, InvalidGroupNotFound, InvalidParameterValue, InvalidSecurityGroupRuleIdNotFound, TagLimitExceeded } from "../errors.js";
import { decodeNextToken, encodeNextToken } from "../network/describe.js";
import { compileFilters, type FilterInput, type FilterTable } from "../network/filters.js";
import { groupRules } from "../network/rule-set.js";
import { subnetNotFound } from "../network/subnets.js";
import { checkTag, MAX_TAGS_PER_RESOURCE } from "../network/tags.js";
import { vpcNotFound } from "../network/vpcs.js";
import { mergeTags } from "./redshift.js";

export const MAX_RESOURCES_PER_CALL = 1000;

export type Ec2TaggableType = "vpc" | "subnet" | "security-group" | "security-group-rule";

/** A tagged resource loaded for a change: its tags, and how to write new ones back. */
interface Handle {
  readonly tags: readonly Tag[];
  save(tags: Tag[]): Promise<void>;
}

interface Ec2Taggable {
  readonly type: Ec2TaggableType;
  readonly prefix: string;
  readonly notFound: (id: string) => AwsError;
  readonly load: (ctx: DomainContext, id: string) => Promise<Handle | undefined>;
}

async function groupOfRule(ctx: DomainContext, ruleId: string): Promise<SecurityGroup | undefined> {
  const groups = await ctx.tx.securityGroups.find({ account: ctx.scope.account, region: ctx.scope.region });
  return groups.find((g) => groupRules(g).some((r) => r.id === ruleId));
}

/** The id prefix decides the type; order matters (`sgr-` before `sg-`). */
const EC2_TAGGABLE: readonly Ec2Taggable[] = [
  {
    type: "vpc",
    prefix: "vpc-",
    notFound: (id) => vpcNotFound([id]),
    load: async (ctx, id) => {
      const vpc = await ctx.tx.vpcs.getForUpdate(ctx.scope, id);
      return vpc && { tags: vpc.tags, save: async (tags) => void (await ctx.tx.vpcs.update({ ...vpc, tags })) };
    },
  },
  {
    type: "subnet",
    prefix: "subnet-",
    notFound: (id) => subnetNotFound([id]),
    load: async (ctx, id) => {
      const subnet = await ctx.tx.subnets.getForUpdate(ctx.scope, id);
      return subnet && { tags: subnet.tags, save: async (tags) => void (await ctx.tx.subnets.update({ ...subnet, tags })) };
    },
  },
  {
    type: "security-group-rule",
    prefix: "sgr-",
    notFound: (id) => new InvalidSecurityGroupRuleIdNotFound(`The security group rule ID '${id}' does not exist`),
    load: async (ctx, id) => {
      const found = await groupOfRule(ctx, id);
      const group = found && (await ctx.tx.securityGroups.getForUpdate(ctx.scope, found.id));
      const rules = group && groupRules(group);
      const rule = rules?.find((r) => r.id === id);
      if (!group || !rules || !rule) return undefined;
      return {
        tags: rule.tags ?? [],
        save: async (tags) => {
          const edited = rules.map((r) => (r.id === id ? { ...r, tags: tags.length ? tags : undefined } : r));
          await ctx.tx.securityGroups.update({ ...group, rules: edited });
        },
      };
    },
  },
  {
    type: "security-group",
    prefix: "sg-",
    notFound: (id) => new InvalidGroupNotFound(`The security group '${id}' does not exist`),
    load: async (ctx, id) => {
      const group = await ctx.tx.securityGroups.getForUpdate(ctx.scope, id);
      return group && { tags: group.tags, save: async (tags) => void (await ctx.tx.securityGroups.update({ ...group, tags })) };
    },
  },
];

function typeOf(id: string): Ec2Taggable {
  const type = EC2_TAGGABLE.find((t) => id.startsWith(t.prefix));
  if (!type) throw new InvalidID(`The ID '${id}' is not valid`);
  return type;
}

function checkResourceCount(ids: readonly string[]): void {
  if (ids.length > MAX_RESOURCES_PER_CALL) {
    throw new InvalidParameterValue(`The request may name at most ${MAX_RESOURCES_PER_CALL} resource IDs; ${ids.length} were given.`);
  }
}

/**
 * Applies `change` to every resource in request order (a repeated id once), after checking that all of
 * them exist: every id's form first (`InvalidID`), then the first missing one throws its not-found
 * error, and only then does any change (or its quota error) happen. Each resource is loaded again
 * just before its change, so two rules of one group both keep theirs.
 */
async function forEachResource(ctx: DomainContext, ids: readonly string[], change: (tags: readonly Tag[]) => Tag[] | undefined): Promise<void> {
  const unique = [...new Set(ids)];
  const types = unique.map(typeOf);
  for (const [i, id] of unique.entries()) {
    if (!(await types[i]!.load(ctx, id))) throw types[i]!.notFound(id);
  }
  for (const [i, id] of unique.entries()) {
    const handle = (await types[i]!.load(ctx, id))!;
    const next = change(handle.tags);
    if (next) await handle.save(next);
  }
}

export interface Ec2TagInput {
  readonly Key?: string | undefined;
  readonly Value?: string | undefined;
}

/** CreateTags: order — resource count, tags, ids (`InvalidID`, not found), quota; all or nothing. */
export async function createEc2Tags(ctx: DomainContext, ids: readonly string[], tags: readonly Ec2TagInput[]): Promise<void> {
  checkResourceCount(ids);
  const added = tags.map((t) => checkTag(t.Key, t.Value ?? ""));
  await forEachResource(ctx, ids, (have) => {
    const merged = mergeTags(have, added);
    if (merged.length > MAX_TAGS_PER_RESOURCE) {
      throw new TagLimitExceeded(`The maximum number of Tags for a resource has been reached (${MAX_TAGS_PER_RESOURCE}).`);
    }
    return merged;
  });
}

/**
 * DeleteTags: no tags → every tag of each resource; a tag without `Value` → that key whatever its value;
 * with `Value` (even empty) → only when the value matches. Keys not present are ignored.
 */
export async function deleteEc2Tags(ctx: DomainContext, ids: readonly string[], tags: readonly Ec2TagInput[] | undefined): Promise<void> {
  checkResourceCount(ids);
  for (const t of tags ?? []) {
    const key = t.Key ?? "";
    if (key === "") throw new InvalidParameterValue("Tag key must not be empty.");
    if (key.toLowerCase().startsWith("aws:")) throw new InvalidParameterValue("Tag keys starting with 'aws:' are reserved for internal use");
  }
  await forEachResource(ctx, ids, (have) => {
    const kept = tags?.length ? have.filter((h) => !tags.some((t) => t.Key === h.Key && (t.Value === undefined || t.Value === h.Value))) : [];
    return kept.length === have.length ? undefined : kept;
  });
}

export interface TagDescription {
  readonly ResourceId: string;
  readonly ResourceType: Ec2TaggableType;
  readonly Key: string;
  readonly Value: string;
  /** Every tag of the resource (for `tag:<key>` / `tag-key`). */
  readonly resourceTags: readonly Tag[];
}

const TAG_FILTERS: FilterTable<TagDescription> = {
  key: { values: (d) => [d.Key] },
  value: { values: (d) => [d.Value] },
  "resource-id": { values: (d) => [d.ResourceId] },
  "resource-type": { values: (d) => [d.ResourceType] },
};

const TOKEN_KIND = "tags";

export interface DescribeEc2TagsRequest {
  readonly filters?: readonly FilterInput[] | undefined;
  readonly maxResults?: number | undefined;
  readonly nextToken?: string | undefined;
}

/** DescribeTags: every tag of the caller's resources, in (resource id, key) order, MaxResults at a time. */
export async function describeEc2Tags(ctx: DomainContext, req: DescribeEc2TagsRequest): Promise<{ items: TagDescription[]; nextToken?: string }> {
  const filters = compileFilters(TAG_FILTERS, req.filters, (d) => d.resourceTags);
  const after = decodeToken(req.nextToken);
  const partition = { account: ctx.scope.account, region: ctx.scope.region };
  const all: TagDescription[] = [];
  const add = (id: string, type: Ec2TaggableType, tags: readonly Tag[]) => {
    for (const t of tags) all.push({ ResourceId: id, ResourceType: type, Key: t.Key, Value: t.Value, resourceTags: tags });
  };
  for (const v of await ctx.tx.vpcs.find(partition)) add(v.id, "vpc", v.tags);
  for (const s of await ctx.tx.subnets.find(partition)) add(s.id, "subnet", s.tags);
  for (const g of await ctx.tx.securityGroups.find(partition)) {
    add(g.id, "security-group", g.tags);
    for (const r of g.rules ?? []) add(r.id, "security-group-rule", r.tags ?? []);
  }
  const order = (d: TagDescription): readonly [string, string] => [d.ResourceId, d.Key];
  all.sort((a, b) => compare(order(a), order(b)));
  const matching = all.filter((d) => (!after || compare(order(d), after) > 0) && filters.matches(d));
  const limit = req.maxResults;
  if (limit === undefined || matching.length <= limit) return { items: matching };
  const items = matching.slice(0, limit);
  return { items, nextToken: encodeToken(order(items[items.length - 1]!)) };
}

function compare(a: readonly [string, string], b: readonly [string, string]): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  return a[1] === b[1] ? 0 : a[1] < b[1] ? -1 : 1;
}

function encodeToken(position: readonly [string, string]): string {
  return encodeNextToken(TOKEN_KIND, position);
}

function decodeToken(token: string | undefined): readonly [string, string] | undefined {
  return decodeNextToken(TOKEN_KIND, token, ["string", "string"]) as [string, string] | undefined;
}
