/**
 * Pure rules of snapshot sharing (AuthorizeSnapshotAccess / RevokeSnapshotAccess,
 * https://docs.aws.amazon.com/redshift/latest/APIReference/API_AuthorizeSnapshotAccess.html) and of
 * naming a snapshot by identifier or ARN. No store access here: the operations in this folder apply
 * them inside the operation's transaction.
 */
import { InvalidParameterCombination, InvalidParameterValue, MissingParameter } from "../errors.js";

/** The alias AWS documents for sharing a snapshot with AWS Support. */
export const SUPPORT_ACCOUNT = "amazon-redshift-support";

/** A grant's key in the owner's partition. */
export function grantId(snapshotId: string, grantee: string): string {
  return `${snapshotId}/${grantee}`;
}

/**
 * AccountWithRestoreAccess: a 12-digit account id, or `amazon-redshift-support`. Anything else is
 * `InvalidParameterValue` (AWS documents no other form; docs/differences-from-aws.md).
 */
export function checkGrantee(account: string): string {
  if (/^\d{12}$/.test(account) || account === SUPPORT_ACCOUNT) return account;
  throw new InvalidParameterValue(
    `Invalid value '${account}' for parameter AccountWithRestoreAccess: expected a 12-digit AWS account id or ${SUPPORT_ACCOUNT}.`,
  );
}

/** The parts of `arn:<partition>:redshift:<region>:<account>:snapshot:<cluster>/<snapshot>`. */
export interface SnapshotArnParts {
  readonly region: string;
  readonly account: string;
  readonly clusterId: string;
  readonly snapshotId: string;
}

export function parseSnapshotArn(arn: string, parameter = "SnapshotArn"): SnapshotArnParts {
  const m = /^arn:aws(?:-cn|-us-gov)?:redshift:([a-z0-9-]+):(\d{12}):snapshot:([^/]+)\/(.+)$/.exec(arn);
  if (!m) {
    throw new InvalidParameterValue(
      `Invalid value '${arn}' for parameter ${parameter}: expected arn:aws:redshift:<region>:<account>:snapshot:<cluster>/<snapshot>.`,
    );
  }
  return { region: m[1]!, account: m[2]!, clusterId: m[3]!.toLowerCase(), snapshotId: m[4]!.toLowerCase() };
}

/** How a request names a snapshot: SnapshotIdentifier or SnapshotArn (exactly one), optional cluster and owner. */
export interface SnapshotNaming {
  readonly snapshotIdentifier?: string | undefined;
  readonly snapshotArn?: string | undefined;
  readonly snapshotClusterIdentifier?: string | undefined;
  /** RestoreFromClusterSnapshot's OwnerAccount; absent elsewhere. */
  readonly ownerAccount?: string | undefined;
}

/** The snapshot a request designates: its owner's partition and its key there. */
export interface SnapshotTarget {
  readonly owner: string;
  readonly region: string;
  readonly snapshotId: string;
  /** Lower-cased; when given, the snapshot must have been taken of this cluster. */
  readonly clusterId?: string | undefined;
  /** How the request named it, for messages. */
  readonly name: string;
}

/**
 * "You must specify this parameter or snapshotArn, but not both" [M, SnapshotIdentifier]. An ARN
 * names its owner and region: the region must be the caller's (snapshots are shared within a region)
 * and it must agree with OwnerAccount and SnapshotClusterIdentifier when those are given too.
 */
export function snapshotTarget(caller: { account: string; region: string }, naming: SnapshotNaming): SnapshotTarget {
  const { snapshotIdentifier, snapshotArn, snapshotClusterIdentifier, ownerAccount } = naming;
  if (snapshotIdentifier !== undefined && snapshotArn !== undefined) {
    throw new InvalidParameterCombination("Specify either SnapshotIdentifier or SnapshotArn, but not both.");
  }
  const clusterId = snapshotClusterIdentifier === undefined || snapshotClusterIdentifier === "" ? undefined : snapshotClusterIdentifier.toLowerCase();
  if (ownerAccount !== undefined && !/^\d{12}$/.test(ownerAccount)) {
    throw new InvalidParameterValue(`Invalid value '${ownerAccount}' for parameter OwnerAccount: expected a 12-digit AWS account id.`);
  }
  if (snapshotArn !== undefined) {
    const parts = parseSnapshotArn(snapshotArn);
    if (parts.region !== caller.region) {
      throw new InvalidParameterValue(`The snapshot ARN '${snapshotArn}' is in ${parts.region}, not in this region (${caller.region}).`);
    }
    if (ownerAccount !== undefined && ownerAccount !== parts.account) {
      throw new InvalidParameterCombination(`OwnerAccount ${ownerAccount} does not match the account of SnapshotArn '${snapshotArn}'.`);
    }
    if (clusterId !== undefined && clusterId !== parts.clusterId) {
      throw new InvalidParameterCombination(`SnapshotClusterIdentifier '${snapshotClusterIdentifier}' does not match the cluster of SnapshotArn '${snapshotArn}'.`);
    }
    return { owner: parts.account, region: parts.region, snapshotId: parts.snapshotId, clusterId: parts.clusterId, name: snapshotArn };
  }
  if (snapshotIdentifier === undefined || snapshotIdentifier === "") {
    throw new MissingParameter("The request must contain the parameter SnapshotIdentifier or SnapshotArn.");
  }
  return {
    owner: ownerAccount ?? caller.account,
    region: caller.region,
    snapshotId: snapshotIdentifier.toLowerCase(),
    clusterId,
    name: snapshotIdentifier,
  };
}
