/**
 * Request decoding for awsQuery (Redshift, STS) and ec2Query (EC2), driven by the shape tables.
 *
 * awsQuery: member key = locationName ?? member name; lists are `Key.<item>.N` (1-based, sorted
 * numerically) and `Key=` means an explicitly empty list. ec2Query: member key = queryName ??
 * capitalised locationName ?? member name, and every list is flattened (`Key.N`).
 * (../shared/reference/aws-protocol.md §1.2, §1.4, §4.1)
 *
 * Decoding only converts text to typed values (a malformed boolean, integer or timestamp is
 * `InvalidParameterValue`); `validate.ts` then checks required members and constraints, for form
 * input and for seed files alike. Unknown parameters are ignored, as AWS does.
 */
import { InvalidParameterValue } from "../domain/errors.js";
import type { Member, Shape, StructureShape } from "./shapes.js";

export type WireProtocol = "query" | "ec2";

/** Parsed parameters plus the sorted key list, so list lookups need not rescan a Map. */
export class Params {
  readonly map: ReadonlyMap<string, string>;
  #keys: string[] | undefined;

  constructor(map: ReadonlyMap<string, string>) {
    this.map = map;
  }

  get(key: string): string | undefined {
    return this.map.get(key);
  }

  keys(): string[] {
    this.#keys ??= [...this.map.keys()];
    return this.#keys;
  }

  /** True when some parameter is `prefix` itself or lies below `prefix.`. */
  hasUnder(prefix: string): boolean {
    if (this.map.has(prefix)) return true;
    const dotted = prefix + ".";
    for (const k of this.keys()) if (k.startsWith(dotted)) return true;
    return false;
  }

  /** The distinct numeric indices N of keys `prefix.N` or `prefix.N.…`, in numeric order. */
  indices(prefix: string): number[] {
    const dotted = prefix + ".";
    const found = new Set<number>();
    for (const k of this.keys()) {
      if (!k.startsWith(dotted)) continue;
      const rest = k.slice(dotted.length);
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
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:?\d{2})$/i;

export function parseScalar(shape: Shape, raw: string, label: string): unknown {
  switch (shape.type) {
    case "string":
      return raw;
    case "integer":
      if (!INTEGER.test(raw.trim())) throw new InvalidParameterValue(`Invalid value '${raw}' for parameter ${label}: not an integer.`);
      return Number(raw.trim());
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
