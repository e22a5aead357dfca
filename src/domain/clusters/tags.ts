/**
 * Redshift resource tags, shared by clusters and cluster subnet groups: validation on create, and the
 * `TagKeys`/`TagValues` filter of the Describe calls.
 *
 * Limits from the Redshift tagging documentation: at most 50 tags per resource
 * (`TagLimitExceededFault`), keys 1–128 characters, values 0–256, and the `aws:` prefix is reserved
 * (`InvalidTagFault`).
 */
import { cursorOf, type PageRequest } from "../../store/store.js";
import type { EntityBase, Tag } from "../entities.js";
import { InvalidTagFault, TagLimitExceededFault } from "../errors.js";

export const MAX_TAGS = 50;

export function checkTags(tags: readonly { Key?: string | undefined; Value?: string | undefined }[] | undefined): Tag[] {
  if (tags === undefined) return [];
  const byKey = new Map<string, string>();
  for (const tag of tags) {
    const key = tag.Key ?? "";
    const value = tag.Value ?? "";
    if (key.length < 1 || key.length > 128) throw new InvalidTagFault(`Tag keys must be between 1 and 128 characters; got '${key}'.`);
    if (value.length > 256) throw new InvalidTagFault(`The value of tag '${key}' is longer than 256 characters.`);
    if (key.toLowerCase().startsWith("aws:")) throw new InvalidTagFault(`Tag keys starting with 'aws:' are reserved: '${key}'.`);
    byKey.set(key, value); // a repeated key keeps its last value
  }
  if (byKey.size > MAX_TAGS) throw new TagLimitExceededFault(`You have exceeded the number of tags allowed (${MAX_TAGS}).`);
  return [...byKey].map(([Key, Value]) => ({ Key, Value }));
}

/**
 * Describe* `TagKeys`/`TagValues`: "If you specify both tag keys and tag values in the same request,
 * Amazon Redshift returns all [resources] that match any combination of the specified keys and values"
 * [M] — a resource matches when one of its tags has a listed key (if keys are given) and a listed value
 * (if values are given). Empty or absent lists do not filter.
 */
export interface TagFilter {
  readonly TagKeys?: readonly string[] | undefined;
  readonly TagValues?: readonly string[] | undefined;
}

/**
 * The filter's keys and values must be ones a tag could have (keys 1–128 characters, values at most
 * 256), else `InvalidTagFault` — on the Describe operations whose model lists that fault (decided:
 * AWS does not say what makes a filter invalid; docs/differences-from-aws.md, the error audit).
 */
export function checkTagFilter(filter: TagFilter): void {
  for (const key of filter.TagKeys ?? []) {
    if (key.length < 1 || key.length > 128) throw new InvalidTagFault(`Tag keys must be between 1 and 128 characters; got '${key}' in TagKeys.`);
  }
  for (const value of filter.TagValues ?? []) {
    if (value.length > 256) throw new InvalidTagFault(`Tag values are at most 256 characters; TagValues has one of ${value.length}.`);
  }
}

export function hasTagFilter(filter: TagFilter): boolean {
  return (filter.TagKeys?.length ?? 0) > 0 || (filter.TagValues?.length ?? 0) > 0;
}

export function matchesTags(tags: readonly Tag[], filter: TagFilter): boolean {
  if (!hasTagFilter(filter)) return true;
  const keys = filter.TagKeys?.length ? new Set(filter.TagKeys) : undefined;
  const values = filter.TagValues?.length ? new Set(filter.TagValues) : undefined;
  return tags.some((t) => (keys === undefined || keys.has(t.Key)) && (values === undefined || values.has(t.Value)));
}

/**
 * A page fetcher that keeps only the records `keep` accepts, for `paginate()`: it scans the store in
 * batches after the cursor until it has `limit` matches, so the marker of a page is the last record
 * returned and the next page resumes right after it.
 */
export function filteredFetch<E extends EntityBase>(
  find: (page: PageRequest) => Promise<E[]>,
  keep: (entity: E) => boolean,
  batch = 200,
): (page: PageRequest) => Promise<E[]> {
  return async ({ after, limit }) => {
    const want = limit ?? Number.POSITIVE_INFINITY;
    const out: E[] = [];
    let cursor = after;
    for (;;) {
      const rows = await find({ after: cursor, limit: batch });
      for (const row of rows) {
        if (!keep(row)) continue;
        out.push(row);
        if (out.length >= want) return out;
      }
      if (rows.length < batch) return out;
      cursor = cursorOf(rows[rows.length - 1]!);
    }
  };
}
