/**
 * Redshift CreateTags / DeleteTags / DescribeTags over every type in the registry (registry.ts).
 * Tags live on their resource (`tags` of the entity, the same list CreateCluster and
 * CreateClusterSubnetGroup fill), so a Describe of the resource and DescribeTags always agree.
 *
 * Rules (https://docs.aws.amazon.com/redshift/latest/APIReference/API_CreateTags.html,
 * API_DescribeTags.html, and the Management Guide's "Tagging resources overview"): up to 50 tags per
 * resource (`TagLimitExceededFault`), an existing key gets the new value, keys 1–128 characters,
 * values 0–256, `aws:` reserved (`InvalidTagFault`); DescribeTags takes an ARN or a resource type, not
 * both, and `MaxRecords`/`Marker` only without an ARN, `MaxRecords` 10–50.
 * Decided here (docs/differences-from-aws.md, Tags): a malformed ARN or an unknown resource type is
 * `InvalidParameterValue`; an ARN of another account, region or partition, or of a resource that does
 * not exist, is `ResourceNotFoundFault`; a cluster being deleted refuses new tags
 * (`InvalidClusterState`, which the model lists for CreateTags only).
 */
import type { DomainContext } from "../context.js";
import type { Tag } from "../entities.js";
import { type AwsError, InvalidParameterCombination, InvalidParameterValue, InvalidTagFault, ResourceNotFoundFault, TagLimitExceededFault } from "../errors.js";
import { arnPartition } from "../network/zones.js";
import { checkTagFilter, checkTags, MAX_TAGS } from "../clusters/tags.js";
import { TAGGABLE, findTagged, normaliseResourceType, taggableByArnType, type TaggableType } from "./registry.js";

export const MIN_TAG_RECORDS = 10;
export const MAX_TAG_RECORDS = 50;

interface ParsedArn {
  readonly type: TaggableType | undefined;
  readonly name: string;
  /** The ARN names the caller's own partition, region and account. */
  readonly own: boolean;
}

/** `arn:<partition>:redshift:<region>:<account>:<type>:<name>`; the name may hold `/` and `:`. */
export function parseRedshiftArn(ctx: DomainContext, arn: string): ParsedArn {
  const parts = arn.split(":");
  const invalid = () => new InvalidParameterValue(`Invalid resource name: '${arn}' is not a valid Amazon Redshift ARN.`);
  if (parts.length < 7 || parts[0] !== "arn" || parts[2] !== "redshift") throw invalid();
  const [, partition, , region, account, rawType] = parts as [string, string, string, string, string, string];
  const name = parts.slice(6).join(":");
  if (!/^\d{12}$/.test(account) || region === "" || name === "") throw invalid();
  const known = normaliseResourceType(rawType);
  if (known === undefined || known !== rawType) {
    throw new InvalidParameterValue(`Tagging is not supported for the resource type '${rawType}' of '${arn}'.`);
  }
  const own = partition === arnPartition(ctx.scope.region) && region === ctx.scope.region && account === ctx.scope.account;
  return { type: taggableByArnType(rawType), name, own };
}

function notFound(arn: string): AwsError {
  return new ResourceNotFoundFault(`The resource ${arn} could not be found.`);
}

async function resolve(ctx: DomainContext, arn: string, parsed: ParsedArn, forUpdate: boolean) {
  if (!parsed.own || parsed.type === undefined) throw notFound(arn);
  const entity = await findTagged(ctx, parsed.type, parsed.name, forUpdate);
  if (!entity) throw notFound(arn);
  return entity;
}

export interface CreateTagsRequest {
  readonly ResourceName: string;
  readonly Tags: readonly { Key?: string | undefined; Value?: string | undefined }[];
}

/** Adds tags; a key the resource has gets the new value. Order: ARN, tags, resource, state, quota. */
export async function createTags(ctx: DomainContext, req: CreateTagsRequest): Promise<void> {
  const parsed = parseRedshiftArn(ctx, req.ResourceName);
  if (req.Tags.length === 0) throw new InvalidTagFault("At least one tag must be given.");
  const added = checkTags(req.Tags);
  const entity = await resolve(ctx, req.ResourceName, parsed, true);
  parsed.type!.checkWritable?.(entity);
  const merged = mergeTags(entity.tags, added);
  if (merged.length > MAX_TAGS) {
    throw new TagLimitExceededFault(`You have exceeded the number of tags allowed (${MAX_TAGS}) for ${req.ResourceName}.`);
  }
  entity.tags = merged;
  await update(ctx, parsed.type!, entity);
}

/** Existing tags keep their place (a repeated key takes the new value); new keys are appended. */
export function mergeTags(existing: readonly Tag[], added: readonly Tag[]): Tag[] {
  const byKey = new Map(existing.map((t) => [t.Key, t.Value]));
  for (const t of added) byKey.set(t.Key, t.Value);
  return [...byKey].map(([Key, Value]) => ({ Key, Value }));
}

export interface DeleteTagsRequest {
  readonly ResourceName: string;
  readonly TagKeys: readonly string[];
}

/** Removes the named keys; a key the resource does not have is ignored. */
export async function deleteTags(ctx: DomainContext, req: DeleteTagsRequest): Promise<void> {
  const parsed = parseRedshiftArn(ctx, req.ResourceName);
  if (req.TagKeys.length === 0) throw new InvalidTagFault("At least one tag key must be given.");
  for (const key of req.TagKeys) {
    if (key.length < 1 || key.length > 128) throw new InvalidTagFault(`Tag keys must be between 1 and 128 characters; got '${key}'.`);
    if (key.toLowerCase().startsWith("aws:")) throw new InvalidTagFault(`Tag keys starting with 'aws:' are reserved: '${key}'.`);
  }
  // No state check: the model gives DeleteTags no InvalidClusterState, so a cluster being deleted can lose tags.
  const entity = await resolve(ctx, req.ResourceName, parsed, true);
  const remove = new Set(req.TagKeys);
  const kept = entity.tags.filter((t) => !remove.has(t.Key));
  if (kept.length === entity.tags.length) return;
  entity.tags = kept;
  await update(ctx, parsed.type!, entity);
}

async function update(ctx: DomainContext, type: TaggableType, entity: { tags: Tag[] }): Promise<void> {
  const repo = ctx.tx[type.kind] as unknown as { update(e: unknown): Promise<boolean> };
  await repo.update(entity);
}

export interface DescribeTagsRequest {
  readonly ResourceName?: string | undefined;
  readonly ResourceType?: string | undefined;
  readonly MaxRecords?: number | undefined;
  readonly Marker?: string | undefined;
  readonly TagKeys?: readonly string[] | undefined;
  readonly TagValues?: readonly string[] | undefined;
}

export interface TaggedResource {
  readonly Tag: Tag;
  readonly ResourceName: string;
  readonly ResourceType: string;
}

const MARKER_PREFIX = "rl1t.";

/** Position of a tagged resource entry: type index, resource creation time, resource id, tag index. */
type Position = readonly [number, number, string, number];

function encodePosition(p: Position): string {
  return MARKER_PREFIX + Buffer.from(JSON.stringify(p), "utf8").toString("base64url");
}

function decodePosition(marker: string): Position {
  const invalid = () => new InvalidParameterValue(`Invalid Marker '${marker.length > 64 ? marker.slice(0, 64) + "…" : marker}'.`);
  if (!marker.startsWith(MARKER_PREFIX)) throw invalid();
  let p: unknown;
  try {
    p = JSON.parse(Buffer.from(marker.slice(MARKER_PREFIX.length), "base64url").toString("utf8"));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(p) || p.length !== 4 || typeof p[0] !== "number" || typeof p[1] !== "number" || typeof p[2] !== "string" || typeof p[3] !== "number") {
    throw invalid();
  }
  return p as unknown as Position;
}

function after(a: Position, b: Position): boolean {
  if (a[0] !== b[0]) return a[0] > b[0];
  if (a[1] !== b[1]) return a[1] > b[1];
  if (a[2] !== b[2]) return a[2] > b[2];
  return a[3] > b[3];
}

/** A tag is listed when its key is one of `TagKeys` (if given) and its value one of `TagValues` (if given). */
function tagMatches(tag: Tag, keys: ReadonlySet<string> | undefined, values: ReadonlySet<string> | undefined): boolean {
  return (keys === undefined || keys.has(tag.Key)) && (values === undefined || values.has(tag.Value));
}

export function resourceArn(type: TaggableType, entity: { account: string; region: string }, name: string): string {
  return `arn:${arnPartition(entity.region)}:redshift:${entity.region}:${entity.account}:${type.arnType}:${name}`;
}

export async function describeTags(ctx: DomainContext, req: DescribeTagsRequest): Promise<{ items: TaggedResource[]; marker?: string }> {
  const hasArn = req.ResourceName !== undefined && req.ResourceName !== "";
  const hasType = req.ResourceType !== undefined && req.ResourceType !== "";
  const hasMarker = req.Marker !== undefined && req.Marker !== "";
  if (hasArn && hasType) throw new InvalidParameterCombination("You cannot specify an ARN and a resource type together in the same request.");
  if (hasArn && (req.MaxRecords !== undefined || hasMarker)) {
    throw new InvalidParameterCombination("You cannot use the MaxRecords and Marker parameters together with the ARN parameter.");
  }
  const size = req.MaxRecords ?? MAX_TAG_RECORDS;
  if (!Number.isInteger(size) || size < MIN_TAG_RECORDS || size > MAX_TAG_RECORDS) {
    throw new InvalidParameterValue(`MaxRecords must be between ${MIN_TAG_RECORDS} and ${MAX_TAG_RECORDS}.`);
  }
  checkTagFilter(req);
  const keys = req.TagKeys?.length ? new Set(req.TagKeys) : undefined;
  const values = req.TagValues?.length ? new Set(req.TagValues) : undefined;

  if (hasArn) {
    const arn = req.ResourceName;
    const parsed = parseRedshiftArn(ctx, arn);
    const entity = await resolve(ctx, arn, parsed, false);
    const type = parsed.type!;
    const name = resourceArn(type, entity, type.nameOf(entity));
    return { items: entity.tags.filter((t) => tagMatches(t, keys, values)).map((t) => ({ Tag: { ...t }, ResourceName: name, ResourceType: type.arnType })) };
  }

  let types = TAGGABLE;
  if (hasType) {
    const wanted = normaliseResourceType(req.ResourceType);
    if (wanted === undefined) throw new InvalidParameterValue(`The resource type '${req.ResourceType}' is not valid.`);
    types = TAGGABLE.filter((t) => t.arnType === wanted);
  }
  const start = hasMarker ? decodePosition(req.Marker) : undefined;
  const items: TaggedResource[] = [];
  let last: Position | undefined;
  const partition = { account: ctx.scope.account, region: ctx.scope.region };
  for (const type of types) {
    const typeIndex = TAGGABLE.indexOf(type);
    if (start && typeIndex < start[0]) continue;
    const repo = ctx.tx[type.kind] as unknown as { find(f: typeof partition): Promise<({ id: string; createdAt: number; account: string; region: string; tags: Tag[] })[]> };
    for (const entity of await repo.find(partition)) {
      for (const [i, tag] of entity.tags.entries()) {
        const pos: Position = [typeIndex, entity.createdAt, entity.id, i];
        if (start && !after(pos, start)) continue;
        if (!tagMatches(tag, keys, values)) continue;
        if (items.length === size) return { items, marker: encodePosition(last!) };
        items.push({ Tag: { ...tag }, ResourceName: resourceArn(type, entity, type.nameOf(entity as never)), ResourceType: type.arnType });
        last = pos;
      }
    }
  }
  return { items };
}
