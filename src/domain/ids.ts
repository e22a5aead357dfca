/** Generated identifiers in AWS's formats. */
import { createHash, randomFillSync, randomUUID } from "node:crypto";

/**
 * Random bytes for identifiers come from a pool refilled 4 KiB at a time from the CSPRNG: one call
 * into it for a few hundred identifiers, not one each (a CreateEndpointAccess draws three). Each
 * byte is handed out once.
 */
const POOL = Buffer.alloc(4096);
let poolAt = POOL.length;

/** The offset in POOL of `n` fresh random bytes (n ≤ 4096). */
function fresh(n: number): number {
  if (n > POOL.length) throw new RangeError(`at most ${POOL.length} random bytes at once, not ${n}`);
  if (poolAt + n > POOL.length) {
    randomFillSync(POOL);
    poolAt = 0;
  }
  const at = poolAt;
  poolAt += n;
  return at;
}

/** `vpc-`, `subnet-`, `sg-`, `vpce-`, `eni-` … followed by 17 lowercase hex digits. */
export function resourceId(prefix: string): string {
  const at = fresh(9);
  return `${prefix}-${POOL.toString("hex", at, at + 9).slice(0, 17)}`;
}

export function uuid(): string {
  return randomUUID();
}

const ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";

/** `n` random characters from [a-z0-9] (n ≤ 4096). */
export function randomToken(n: number): string {
  const at = fresh(n);
  let out = "";
  for (let i = 0; i < n; i++) out += ALNUM[POOL[at + i]! % ALNUM.length];
  return out;
}

/**
 * The 12-character DNS token AWS puts in every Redshift address of one account and region
 * (`<cluster>.cq7hpqttbcoc.eu-west-1.redshift.amazonaws.com`). Derived, so it is stable without storage.
 */
export function accountDnsToken(account: string, region: string): string {
  const digest = createHash("sha256").update(`${account}/${region}`).digest();
  let out = "";
  for (let i = 0; i < 12; i++) out += ALNUM[digest[i]! % ALNUM.length];
  return out;
}

/** Address suffixes already derived, by account and region; cleared when it reaches its bound. */
const suffixes = new Map<string, string>();
const SUFFIXES_LIMIT = 10_000;

/**
 * `<account token>.<region>.redshift.amazonaws.com`, the end of every Redshift address (cluster or
 * endpoint) of an account and region: kept once derived, as every Describe page and every
 * CreateEndpointAccess asks for it.
 */
export function redshiftAddressSuffix(account: string, region: string): string {
  const key = `${account}/${region}`;
  let suffix = suffixes.get(key);
  if (suffix === undefined) {
    if (suffixes.size >= SUFFIXES_LIMIT) suffixes.clear();
    suffix = `${accountDnsToken(account, region)}.${region}.redshift.amazonaws.com`;
    suffixes.set(key, suffix);
  }
  return suffix;
}
