/** Generated identifiers in AWS's formats. */
import { createHash, randomBytes, randomUUID } from "node:crypto";

/** `vpc-`, `subnet-`, `sg-`, `vpce-`, `eni-` … followed by 17 lowercase hex digits. */
export function resourceId(prefix: string): string {
  return `${prefix}-${randomBytes(9).toString("hex").slice(0, 17)}`;
}

export function uuid(): string {
  return randomUUID();
}

const ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";

/** `n` random characters from [a-z0-9]. */
export function randomToken(n: number): string {
  const bytes = randomBytes(n);
  let out = "";
  for (let i = 0; i < n; i++) out += ALNUM[bytes[i]! % ALNUM.length];
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
