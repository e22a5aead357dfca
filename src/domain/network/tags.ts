/**
 * Tags given at creation through `TagSpecification.N` (CreateVpc, CreateSubnet, CreateSecurityGroup,
 * AuthorizeSecurityGroupIngress/Egress for the new rules).
 * Rules from the EC2 User Guide "Tag restrictions": at most 50 tags per resource, keys 1–128
 * characters, values 0–256, keys unique per resource and not starting with `aws:`. A specification
 * must name the resource type the operation creates and carry at least one tag.
 */
import type { Tag } from "../entities.js";
import { InvalidParameterValue, TagLimitExceeded } from "../errors.js";

export const MAX_TAGS_PER_RESOURCE = 50;
export const MAX_TAG_KEY_LENGTH = 128;
export const MAX_TAG_VALUE_LENGTH = 256;

export interface TagSpecificationInput {
  readonly ResourceType?: string | undefined;
  readonly Tags?: readonly { readonly Key?: string | undefined; readonly Value?: string | undefined }[] | undefined;
}

export type TaggableType = "vpc" | "subnet" | "security-group" | "security-group-rule";

/** The tags the created resource gets; throws on any specification EC2 would refuse. */
export function tagsFromSpecifications(resourceType: TaggableType, specs: readonly TagSpecificationInput[] | undefined): Tag[] {
  const tags: Tag[] = [];
  const seenTypes = new Set<string>();
  for (const spec of specs ?? []) {
    const type = spec.ResourceType ?? "";
    if (type !== resourceType) {
      throw new InvalidParameterValue(`'${type}' is not a valid taggable resource type for this operation.`);
    }
    if (seenTypes.has(type)) {
      throw new InvalidParameterValue("The same resource type may not be specified more than once in tag specifications");
    }
    seenTypes.add(type);
    if (!spec.Tags || spec.Tags.length === 0) throw new InvalidParameterValue("Tag specification must have at least one tag");
    for (const t of spec.Tags) tags.push(checkTag(t.Key, t.Value ?? ""));
  }
  const keys = new Set<string>();
  for (const t of tags) {
    if (keys.has(t.Key)) throw new InvalidParameterValue(`Duplicate tag key '${t.Key}' specified.`);
    keys.add(t.Key);
  }
  if (tags.length > MAX_TAGS_PER_RESOURCE) {
    throw new TagLimitExceeded(`The maximum number of tags per resource is ${MAX_TAGS_PER_RESOURCE}; ${tags.length} were given.`);
  }
  return tags;
}

export function checkTag(key: string | undefined, value: string): Tag {
  if (key === undefined || key.length === 0) throw new InvalidParameterValue("Tag key must not be empty.");
  if (key.length > MAX_TAG_KEY_LENGTH) {
    throw new InvalidParameterValue(`Tag key exceeds the maximum length of ${MAX_TAG_KEY_LENGTH} characters.`);
  }
  if (value.length > MAX_TAG_VALUE_LENGTH) {
    throw new InvalidParameterValue(`Tag value exceeds the maximum length of ${MAX_TAG_VALUE_LENGTH} characters.`);
  }
  if (key.toLowerCase().startsWith("aws:")) throw new InvalidParameterValue("Tag keys starting with 'aws:' are reserved for internal use");
  return { Key: key, Value: value };
}
