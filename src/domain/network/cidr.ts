/**
 * IPv4 CIDR arithmetic for VPCs, subnets and endpoint network interfaces: parse, contain, overlap,
 * size and the n-th address of a block. Pure functions over 32-bit unsigned integers; no AWS rules
 * here (the /16–/28 limits and error codes live in vpcs.ts and subnets.ts).
 */

export interface Cidr {
  /** The network address as an unsigned 32-bit integer (host bits zero). */
  readonly base: number;
  /** Prefix length, 0–32. */
  readonly prefix: number;
}

const OCTET = /^(0|[1-9][0-9]{0,2})$/;

/** `10.0.0.1` → 167772161; undefined unless exactly four decimal octets 0–255 without leading zeros. */
export function parseIp(text: string): number | undefined {
  const parts = text.split(".");
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!OCTET.test(part)) return undefined;
    const n = Number(part);
    if (n > 255) return undefined;
    value = value * 256 + n;
  }
  return value;
}

export function formatIp(value: number): string {
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join(".");
}

function mask(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/**
 * `10.0.0.0/16` → { base, prefix }. Undefined when malformed or when host bits are set
 * (`10.0.0.1/16` names an address, not a block: EC2 refuses it as "not a valid CIDR block").
 */
export function parseCidr(text: string): Cidr | undefined {
  const slash = text.indexOf("/");
  if (slash === -1) return undefined;
  const base = parseIp(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  if (base === undefined || !/^(0|[1-9][0-9]?)$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  if (prefix > 32) return undefined;
  if (((base & mask(prefix)) >>> 0) !== base) return undefined;
  return { base, prefix };
}

export function formatCidr(cidr: Cidr): string {
  return `${formatIp(cidr.base)}/${cidr.prefix}`;
}

/** Number of addresses in the block. */
export function cidrSize(cidr: Cidr): number {
  return 2 ** (32 - cidr.prefix);
}

/** True when `inner` lies entirely inside `outer` (a block contains itself). */
export function cidrContains(outer: Cidr, inner: Cidr): boolean {
  return inner.prefix >= outer.prefix && ((inner.base & mask(outer.prefix)) >>> 0) === outer.base;
}

/** True when the blocks share at least one address. */
export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  return cidrContains(a, b) || cidrContains(b, a);
}

/** True when the address lies inside the block. */
export function ipInCidr(ip: number, cidr: Cidr): boolean {
  return ((ip & mask(cidr.prefix)) >>> 0) === cidr.base;
}

/** The n-th address of the block (0 = the network address); RangeError outside the block. */
export function nthAddress(cidr: Cidr, n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= cidrSize(cidr)) {
    throw new RangeError(`address #${n} is outside ${formatCidr(cidr)}`);
  }
  return formatIp(cidr.base + n);
}

/**
 * Addresses AWS reserves in every subnet: the network address, the VPC router (+1), DNS (+2),
 * "future use" (+3) and the last address. (Amazon VPC User Guide, "Subnet CIDR blocks".)
 */
export const RESERVED_ADDRESSES_PER_SUBNET = 5;

/** Usable addresses of a subnet block before any network interface takes one. */
export function usableAddresses(cidr: Cidr): number {
  return Math.max(0, cidrSize(cidr) - RESERVED_ADDRESSES_PER_SUBNET);
}
