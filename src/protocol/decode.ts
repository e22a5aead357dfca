/**
 * Request decoding for awsQuery (Redshift, STS) and ec2Query (EC2), driven by the shape tables.
 *
 * awsQuery: member key = locationName ?? member name; lists are `Key.<item>.N` (1-based, sorted
 * numerically) and `Key=` means an explicitly empty list. ec2Query: member key = queryName ??
 * capitalised locationName ?? member name, and every list is flattened (`Key.N`).
 * (docs/wire-protocol.md, Requests;
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/Query-Requests.html)
 *
 * Decoding only converts text to typed values (a malformed boolean, integer or timestamp is
 * `InvalidParameterValue`); `validate.ts` then checks required members and constraints, for form
 * input and for seed files alike. Unknown parameters are ignored, as AWS does.
 */
import { InvalidParameterValue } from "../domain/errors.js";
import type { Member, Shape, StructureShape } from "./shapes.js";

export type WireProtocol = "query" | "ec2";

/**
 * Parsed parameters plus their keys in sorted order. Every key under a prefix lies in one contiguous
 * run of the sorted list, so a lookup is a binary search plus the run itself: decoding a list of N
 * items costs O(N log N), not O(N²) — a 1 MiB body of list items must not hold the event loop for
 * minutes.
 */
export class Params {
  readonly map: ReadonlyMap<string, string>;
  #sorted: string[] | undefined;

  constructor(map: ReadonlyMap<string, string>) {
    this.map = map;
  }

  get(key: string): string | undefined {
    return this.map.get(key);
  }

  keys(): string[] {
    this.#sorted ??= [...this.map.keys()].sort();
    return this.#sorted;
  }

  /** Index of the first sorted key that starts with `prefix`, or of where it would be. */
  #firstUnder(prefix: string): number {
    const keys = this.keys();
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keys[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** True when some parameter is `prefix` itself or lies below `prefix.`. */
  hasUnder(prefix: string): boolean {
    if (this.map.has(prefix)) return true;
    const dotted = prefix + ".";
    return this.keys()[this.#firstUnder(dotted)]?.startsWith(dotted) === true;
  }

  /** The distinct numeric indices N of keys `prefix.N` or `prefix.N.…`, in numeric order. */
  indices(prefix: string): number[] {
    const dotted = prefix + ".";
    const keys = this.keys();
    const found = new Set<number>();
    for (let i = this.#firstUnder(dotted); i < keys.length && keys[i]!.startsWith(dotted); i++) {
      const rest = keys[i]!.slice(dotted.length);
      const dot = rest.indexOf(".");
      const seg = dot === -1 ? rest : rest.slice(0, dot);
      if (/^[1-9][0-9]{0,5}$/.test(seg)) found.add(Number(seg));
    }
    return [...found].sort((a, b) => a - b);
  }
}

export function memberKey(name: string, member: Member, protocol: WireProtocol): string {
  if (protocol === "query") return member.locationName ?? name;
  if (member.queryName !== undefined) return member.queryName;
  if (member.locationName !== undefined) return member.locationName.charAt(0).toUpperCase() + member.locationName.slice(1);
  return name;
}

export function decodeStructure(shape: StructureShape, params: Params, protocol: WireProtocol, prefix = ""): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, member] of Object.entries(shape.members)) {
    const key = prefix + memberKey(name, member, protocol);
    const value = decodeValue(member.shape, params, protocol, key, name);
    if (value !== undefined) out[name] = value;
  }
  return out;
}

function decodeValue(shape: Shape, params: Params, protocol: WireProtocol, key: string, label: string): unknown {
  switch (shape.type) {
    case "structure":
      return params.hasUnder(key) ? decodeStructure(shape, params, protocol, key + ".") : undefined;
    case "list": {
      const raw = params.get(key);
      if (raw === "") return [];
      const base = protocol === "query" ? `${key}.${shape.item}` : key;
      const indices = params.indices(base);
      if (indices.length === 0) return undefined;
      return indices.map((i) => decodeValue(shape.member, params, protocol, `${base}.${i}`, label) ?? decodeEmpty(shape.member));
    }
    default: {
      const raw = params.get(key);
      return raw === undefined ? undefined : parseScalar(shape, raw, label);
    }
  }
}

/** A list item whose key exists only through nested keys that all decoded to nothing. */
function decodeEmpty(shape: Shape): unknown {
  return shape.type === "structure" ? {} : shape.type === "list" ? [] : "";
}

const INTEGER = /^-?[0-9]{1,16}$/;
const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:?\d{2})$/i;

export function parseScalar(shape: Shape, raw: string, label: string): unknown {
  switch (shape.type) {
    case "string":
      return raw;
    case "integer": {
      // The models' Integer is a 32-bit int: a larger number is not one (and would lose digits as a double).
      const n = INTEGER.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
      if (!(n >= INT32_MIN && n <= INT32_MAX)) throw new InvalidParameterValue(`Invalid value '${raw}' for parameter ${label}: not an integer.`);
      return n;
    }
    case "boolean": {
      const lower = raw.trim().toLowerCase();
      if (lower === "true") return true;
      if (lower === "false") return false;
      throw new InvalidParameterValue(`Invalid value '${raw}' for parameter ${label}: expected true or false.`);
    }
    case "timestamp": {
      const ms = ISO_TIMESTAMP.test(raw.trim()) ? Date.parse(raw.trim().replace(/(\.\d{3})\d+/, "$1")) : Number.NaN;
      if (Number.isNaN(ms)) throw new InvalidParameterValue(`Invalid value '${raw}' for parameter ${label}: expected an ISO 8601 timestamp.`);
      return ms;
    }
    default:
      return raw;
  }
}
