/**
 * EC2 Describe* filters (`Filter.N.Name` / `Filter.N.Value.M`), declared per resource as data: each
 * filter name maps to the attribute values it compares. Semantics as EC2 documents them
 * ("Filtering your resources", EC2 User Guide):
 * - several filters are AND-ed; several values of one filter are OR-ed;
 * - values are case-sensitive and may use the wildcards `*` (any run) and `?` (one character),
 *   with `\` escaping a literal `*`, `?` or `\`;
 * - `tag:<key>` matches the value of that tag, `tag-key` any tag key;
 * - an unknown filter name is `InvalidParameterValue` "The filter '<name>' is invalid".
 * A filter that names an attribute redshift-local never populates (IPv6 blocks, prefix lists) is
 * accepted and matches nothing, as it would for resources without that attribute on AWS.
 */
import type { Tag } from "../entities.js";
import { InvalidParameterValue } from "../errors.js";

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

const STAR = Symbol("*");
const ONE = Symbol("?");
type GlobToken = string | typeof STAR | typeof ONE;

/**
 * An EC2 filter value as a matcher. Not a regular expression: a value such as `*a*a*a*a*b` would
 * backtrack for minutes against a 256-character tag (and a 1 MiB value overflows the regex
 * compiler), so matching is the linear-space greedy glob walk, O(value × attribute) at worst.
 */
export function globMatcher(value: string): (text: string) => boolean {
  const tokens: GlobToken[] = [];
  const chars = Array.from(value);
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === "\\" && i + 1 < chars.length && "*?\\".includes(chars[i + 1]!)) tokens.push(chars[++i]!);
    else if (c === "*") {
      if (tokens[tokens.length - 1] !== STAR) tokens.push(STAR);
    } else tokens.push(c === "?" ? ONE : c);
  }
  const fixed = tokens.filter((t) => t !== STAR).length;
  return (text) => {
    const t = Array.from(text);
    return fixed <= t.length && globMatch(tokens, t);
  };
}

function globMatch(p: readonly GlobToken[], t: readonly string[]): boolean {
  let pi = 0;
  let ti = 0;
  let star = -1;
  let resume = 0;
  while (ti < t.length) {
    const token = p[pi];
    if (token === STAR) {
      // Remember the star; first try matching it with nothing.
      star = pi++;
      resume = ti;
    } else if (token !== undefined && (token === ONE || token === t[ti])) {
      pi++;
      ti++;
    } else if (star !== -1) {
      // Let the last star swallow one more character and retry what follows it.
      pi = star + 1;
      ti = ++resume;
    } else {
      return false;
    }
  }
  while (p[pi] === STAR) pi++;
  return pi === p.length;
}

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
): CompiledFilters<V> {
  const checks: { values: (v: V) => readonly string[]; patterns: ((text: string) => boolean)[] }[] = [];
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
    checks.push({ values, patterns: input.Values.map(globMatcher) });
  }
  return {
    narrow,
    matches: (v) => checks.every((c) => c.values(v).some((actual) => c.patterns.some((p) => p(actual)))),
  };
}

/** `true` / `false` as EC2 filters compare booleans. */
export function flag(b: boolean): string[] {
  return [b ? "true" : "false"];
}

/** Attributes redshift-local never populates: the filter is valid and matches nothing. */
export const NONE = (): readonly string[] => [];
