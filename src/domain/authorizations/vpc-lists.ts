/**
 * The VPC list of a grant and of an Authorize/Revoke request, bounded by the `vpcs-per-grant` quota
 * (quotas.ts explains the value; AWS documents none) and handled with sets, so a request costs time
 * linear in its VPC list whatever the size of the grant.
 */
import type { Quotas } from "../quotas.js";
import { InvalidParameterValue } from "../errors.js";

/** How many ids an error message lists before "and N more": the answer stays small. */
const LISTED_IN_MESSAGES = 5;

/**
 * The distinct VPC ids of a request, in the order given. More than the quota can never succeed
 * (a grant holds at most that many), so such a request is refused as a parameter error before any
 * lookup (documented check order: step 1, parameters — docs/differences-from-aws.md).
 */
export function requestedVpcs(quotas: Quotas, vpcIds: readonly string[] | undefined): string[] {
  const distinct = [...new Set(vpcIds ?? [])];
  const limit = quotas["vpcs-per-grant"];
  if (distinct.length > limit) {
    throw new InvalidParameterValue(
      `Invalid value for parameter VpcIds: ${distinct.length} distinct VPCs given; an authorization lists at most ${limit} VPCs (quota vpcs-per-grant).`,
    );
  }
  return distinct;
}

/** `vpc-1, vpc-2, … and 3 more`: ids named in an error message, at most a handful. */
export function listIds(ids: readonly string[]): string {
  const shown = ids.slice(0, LISTED_IN_MESSAGES).join(", ");
  return ids.length > LISTED_IN_MESSAGES ? `${shown} and ${ids.length - LISTED_IN_MESSAGES} more` : shown;
}
