/**
 * Quotas as named constants, overridable with `--quota NAME=N` (library option `quotas`).
 * Defaults from "Quotas and limits in Amazon Redshift"
 * (https://docs.aws.amazon.com/redshift/latest/mgmt/amazon-redshift-limits.html):
 * grantees per cluster 5, Redshift-managed VPC endpoints per cluster 30 and per authorization 5,
 * nodes per account 200, manual ("user") snapshots per account 20 ("Snapshots"), parameter groups per account 20, subnet groups per account 20, subnets per
 * subnet group 20, IAM roles per cluster 50 ("IAM roles for other AWS services"); authentication profile
 * content 4,096 bytes; from the Management Guide, usage limits per feature per cluster 4
 * (https://docs.aws.amazon.com/redshift/latest/mgmt/rs-mgmt-set-limit-cluster.html) and
 * authentication profiles per account 10
 * (https://docs.aws.amazon.com/redshift/latest/mgmt/connecting-with-authentication-profiles-creating.html); and from "Amazon
 * VPC quotas" (https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html): inbound or
 * outbound rules per security group 60 (each direction counts separately).
 *
 * `snapshot-schedules-per-account` is ours too: the model has `SnapshotScheduleQuotaExceeded` but the
 * Quotas page gives no number; 100 (docs/differences-from-aws.md, Snapshot schedules). Likewise
 * `scheduled-actions-per-account` (`ScheduledActionQuotaExceeded`): 200 (Scheduled actions).
 *
 * `accounts-per-snapshot` 20: "You can authorize up to 20 accounts for each snapshot" (Redshift
 * Management Guide, sharing snapshots, https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-snapshots.html),
 * refused as AuthorizationQuotaExceeded.
 *
 * `vpcs-per-grant` is ours: AWS documents no limit on the VPCs one endpoint authorization lists
 * (neither the quotas page above nor
 * https://docs.aws.amazon.com/redshift/latest/APIReference/API_AuthorizeEndpointAccess.html), yet
 * an unbounded `AllowedVPCs` makes every answer that carries the grant grow without limit. 100 is
 * far above what a grant needs (an authorization holds at most 5 endpoints, and an account has 5 VPCs
 * per region by default), so no realistic template reaches it; it is refused as
 * `InvalidParameterValue` naming the quota, since the model declares no fault for it.
 * They are enforced inside the operation's transaction, after locking the parent row, so concurrent
 * requests cannot exceed them.
 */
export const DEFAULT_QUOTAS = {
  "grants-per-cluster": 5,
  "endpoints-per-cluster": 30,
  "endpoints-per-grant": 5,
  "nodes-per-account": 200,
  "subnet-groups-per-account": 20,
  "parameter-groups-per-account": 20,
  "subnets-per-group": 20,
  "rules-per-security-group": 60,
  "vpcs-per-grant": 100,
  "iam-roles-per-cluster": 50,
  "usage-limits-per-feature-per-cluster": 4,
  "authentication-profiles-per-account": 10,
  "authentication-profile-size": 4096,
  "snapshot-schedules-per-account": 100,
  "scheduled-actions-per-account": 200,
  "manual-snapshots-per-account": 20,
  "accounts-per-snapshot": 20,
} as const;

export type QuotaName = keyof typeof DEFAULT_QUOTAS;
export type Quotas = Readonly<Record<QuotaName, number>>;

export function isQuotaName(name: string): name is QuotaName {
  return Object.prototype.hasOwnProperty.call(DEFAULT_QUOTAS, name);
}

/** Folds `NAME=N` strings (CLI) or a partial record (library) over the defaults. */
export function resolveQuotas(overrides: readonly string[] | Partial<Record<QuotaName, number>> | undefined): Quotas {
  const quotas: Record<QuotaName, number> = { ...DEFAULT_QUOTAS };
  if (overrides === undefined) return quotas;
  const entries: [string, number][] = Array.isArray(overrides)
    ? (overrides as readonly string[]).map((spec) => {
        const m = /^([a-z-]+)=(\d+)$/.exec(spec.trim());
        if (!m) throw new RangeError(`invalid quota '${spec}' (use NAME=N)`);
        return [m[1]!, Number(m[2])];
      })
    : Object.entries(overrides as Record<string, number>);
  for (const [name, value] of entries) {
    if (!isQuotaName(name)) throw new RangeError(`unknown quota '${name}' (known: ${Object.keys(DEFAULT_QUOTAS).join(", ")})`);
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`quota ${name} must be a non-negative integer`);
    quotas[name] = value;
  }
  return quotas;
}
