/**
 * The cluster options Create and Modify share: relocation / Multi-AZ / public access combinations,
 * the managed master password, and engine settings that have a single valid value here.
 *
 * Decisions where AWS documents the rule but not the code:
 * - relocation or Multi-AZ on a non-RA3 node type → `UnsupportedOperation` (real text: "If the cluster
 *   node type isn't RA3, availability zone relocation isn't supported." [OBS-CDK] — "isn't supported");
 * - relocation together with public access or with Multi-AZ, Multi-AZ with fewer than 2 nodes →
 *   `InvalidParameterCombination` (two parameters that cannot go together).
 */
import { randomToken } from "../ids.js";
import { InvalidParameterCombination, InvalidParameterValue, UnsupportedOperation } from "../errors.js";
import { arnPartition } from "../network/zones.js";
import { isRa3 } from "./node-types.js";

export interface ClusterShapeOptions {
  readonly nodeType: string;
  readonly numberOfNodes: number;
  readonly publiclyAccessible: boolean;
  readonly azRelocation: boolean;
  readonly multiAz: boolean;
}

/** Checks a resulting configuration (after defaults on create, after the change on modify). */
export function checkClusterOptions(o: ClusterShapeOptions): void {
  if (o.azRelocation && !isRa3(o.nodeType)) {
    throw new UnsupportedOperation("If the cluster node type isn't RA3, availability zone relocation isn't supported.");
  }
  if (o.multiAz && !isRa3(o.nodeType)) throw new UnsupportedOperation("Multi-AZ deployments are supported only for RA3 node types.");
  if (o.azRelocation && o.publiclyAccessible) {
    throw new InvalidParameterCombination("Availability zone relocation is not supported for publicly accessible clusters.");
  }
  if (o.azRelocation && o.multiAz) {
    throw new InvalidParameterCombination("Availability zone relocation cannot be enabled on a Multi-AZ cluster.");
  }
  if (o.multiAz && o.numberOfNodes < 2) {
    throw new InvalidParameterCombination("A Multi-AZ cluster needs at least 2 nodes in each availability zone.");
  }
}

/**
 * docs/differences-from-aws.md (Clusters): relocation defaults to enabled for an RA3 cluster that is not
 * publicly accessible (and,
 * since the two exclude each other, not Multi-AZ).
 */
export function defaultRelocation(nodeType: string, publiclyAccessible: boolean, multiAz: boolean): boolean {
  return isRa3(nodeType) && !publiclyAccessible && !multiAz;
}

/** "If the value is not encrypted (false), then the operation returns an error" [M, Encrypted]. */
export function checkEncrypted(encrypted: boolean | undefined): void {
  if (encrypted === false) throw new InvalidParameterValue("Clusters must be encrypted: Encrypted cannot be false.");
}

/** Amazon Redshift runs engine version 1.0 only. */
export function checkClusterVersion(version: string | undefined): void {
  if (version !== undefined && version !== "1.0") {
    throw new InvalidParameterValue(`Invalid value '${version}' for parameter ClusterVersion: the only available version is 1.0.`);
  }
}

export const MAINTENANCE_TRACKS = ["current", "trailing"] as const;

export function checkMaintenanceTrack(track: string | undefined): void {
  if (track !== undefined && !(MAINTENANCE_TRACKS as readonly string[]).includes(track)) {
    throw new InvalidParameterValue(`Invalid value '${track}' for parameter MaintenanceTrackName: use current or trailing.`);
  }
}

/** The Secrets Manager secret AWS creates for ManageMasterPassword=true. */
export function masterPasswordSecretArn(region: string, account: string, clusterId: string, username: string): string {
  return `arn:${arnPartition(region)}:secretsmanager:${region}:${account}:secret:redshift!${clusterId}-${username}-${randomToken(6)}`;
}

export const DEFAULT_PARAMETER_GROUP = "default.redshift-1.0";
export const DEFAULT_DB_NAME = "dev";
