/**
 * EC2 Describe* filters (`Filter.N.Name` / `Filter.N.Value.M`), declared per resource as data: each
 * filter name maps to the attribute values it compares. Semantics as EC2 documents them
 * ("Filtering your resources", EC2 User Guide):
 * - several filters are AND-ed; several values of one filter are OR-ed;
 * - values are case-sensitive and may use the wildcards `*` (any run) and `?` (one character),
 *   with `\` escaping a literal `*`, `?` or `\`;
 * - `tag:<key>` matches the value of that tag, `tag-key` any tag key;
 * - an unknown filter name is `InvalidParameterValue` "The filter '<name>' is invalid";
 * - at most 200 filter values in one call, all filters together: more is `FilterLimitExceeded`
 *   "The maximum number of filter values specified on a single call is 200" (EC2's error code list,
 *   https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html: "The request uses
 *   too many filters or too many filter values").
 *
 * Cost: a call compiles each value once (linear in its length) and then, per resource, converts each
 * compared attribute to code points once and remembers each distinct attribute's answer, so a
 * Describe costs O(distinct attributes × values × matcher). A value is not limited in length (EC2
 * documents no limit): one with more fixed characters than the attribute is refused before matching,
 * and glob.ts matches in O(attribute × ⌈value/32⌉), attributes being short by EC2's own rules (names
 * and descriptions 255, tag keys 128, tag values 256).
 * A filter that names an attribute redshift-local never populates (IPv6 blocks, prefix lists) is
 * accepted and matches nothing, as it would for resources without that attribute on AWS.
 */
import type { Tag } from "../entities.js";
import { FilterLimitExceeded, InvalidParameterValue } from "../errors.js";
import { codePoints, compileGlob, globMatches, type Glob, type MatchMeter } from "./glob.js";

export { globMatcher, type MatchMeter } from "./glob.js";

/** EC2's limit on filter values per call, all filters together. */
export const MAX_FILTER_VALUES = 200;

export interface FilterInput {
  readonly Name?: string | undefined;
  readonly Values?: readonly string[] | undefined;
}

export interface FilterDef<V> {
  /** The attribute values a filter value is compared with. */
  readonly values: (v: V) => readonly string[];
  /** Store index column the filter can be pushed down to when it has one exact value. */
  readonly column?: "id" | "vpcId" | "groupName";
}

export type FilterTable<V> = Readonly<Record<string, FilterDef<V>>>;

export interface CompiledFilters<V> {
  matches(v: V): boolean;
  /** Equality conditions for the store (exact single-value filters on an indexed column). */
  readonly narrow: Readonly<Partial<Record<"id" | "vpcId" | "groupName", string>>>;
}

const WILDCARD = /(?<!\\)[*?]/;

function unescapeLiteral(value: string): string {
  return value.replace(/\\([*?\\])/g, "$1");
}

/**
 * Checks the filter names against the resource's table and returns a matcher. `tagsOf` is given for
 * taggable resources (enables `tag:<key>` and `tag-key`).
 */
export function compileFilters<V>(
  table: FilterTable<V>,
  inputs: readonly FilterInput[] | undefined,
  tagsOf?: (v: V) => readonly Tag[],
  meter?: MatchMeter,
): CompiledFilters<V> {
  let count = 0;
  for (const input of inputs ?? []) count += input.Values?.length ?? 0;
  if (count > MAX_FILTER_VALUES) {
    throw new FilterLimitExceeded(`The maximum number of filter values specified on a single call is ${MAX_FILTER_VALUES}`);
  }
  const checks: Check<V>[] = [];
  const narrow: Partial<Record<"id" | "vpcId" | "groupName", string>> = {};
  for (const input of inputs ?? []) {
    const name = input.Name ?? "";
    let values: ((v: V) => readonly string[]) | undefined;
    if (tagsOf && name.startsWith("tag:") && name.length > 4) {
      const key = name.slice(4);
      values = (v) => tagsOf(v).filter((t) => t.Key === key).map((t) => t.Value);
    } else if (tagsOf && name === "tag-key") {
      values = (v) => tagsOf(v).map((t) => t.Key);
    } else if (Object.prototype.hasOwnProperty.call(table, name)) {
      const def = table[name]!;
      values = def.values;
      const only = input.Values?.length === 1 ? input.Values[0]! : undefined;
      if (def.column && only !== undefined && !WILDCARD.test(only) && narrow[def.column] === undefined) {
        narrow[def.column] = unescapeLiteral(only);
      }
    }
    if (!values) throw new InvalidParameterValue(`The filter '${name === "" ? "null" : name}' is invalid`);
    if (!input.Values || input.Values.length === 0) {
      throw new InvalidParameterValue(`The filter '${name}' must have at least one value`);
    }
    checks.push({ values, globs: input.Values.map(compileGlob), seen: new Map() });
  }
  return {
    narrow,
    matches: (v) => checks.every((c) => c.values(v).some((actual) => checkMatches(c, actual, meter))),
  };
}

interface Check<V> {
  readonly values: (v: V) => readonly string[];
  readonly globs: readonly Glob[];
  /** Answers per distinct attribute value within this call (many resources share a name or a tag). */
  readonly seen: Map<string, boolean>;
}

/** Whether any value of the filter matches `actual`, computed once per distinct attribute per call. */
function checkMatches<V>(check: Check<V>, actual: string, meter?: MatchMeter): boolean {
  let answer = check.seen.get(actual);
  if (answer === undefined) {
    const text = codePoints(actual);
    answer = check.globs.some((g) => globMatches(g, text, meter));
    check.seen.set(actual, answer);
  }
  return answer;
}

/** `true` / `false` as EC2 filters compare booleans. */
export function flag(b: boolean): string[] {
  return [b ? "true" : "false"];
}

/** Attributes redshift-local never populates: the filter is valid and matches nothing. */
export const NONE = (): readonly string[] => [];
