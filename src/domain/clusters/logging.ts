/**
 * Audit logging: EnableLogging, DisableLogging and DescribeLoggingStatus
 * (https://docs.aws.amazon.com/redshift/latest/mgmt/db-auditing.html,
 * https://docs.aws.amazon.com/redshift/latest/APIReference/API_EnableLogging.html). No S3 or
 * CloudWatch exists here: the destination is validated and recorded on the cluster, and nothing is
 * delivered.
 *
 * AWS documents: destinations `s3` (a bucket, optionally a key prefix) or `cloudwatch`; `LogExports`
 * among `connectionlog`, `userlog`, `useractivitylog`; the bucket follows S3's naming rules
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html) else
 * `InvalidS3BucketNameFault`; the prefix is at most 256 letters, separators, digits or `_ . : / = + - @`
 * (the model's S3KeyPrefixValue) else `InvalidS3KeyPrefixFault`; the cluster must exist
 * (`ClusterNotFound`) and be `available` (`InvalidClusterState`: "The specified cluster is not in
 * the available state").
 * We decided (docs/differences-from-aws.md, Clusters): parameters are checked before the cluster is
 * looked up; without `LogDestinationType` the destination is `s3`; `s3` needs `BucketName`, and
 * `cloudwatch` needs `LogExports` and takes neither `BucketName` nor `S3KeyPrefix`
 * (`InvalidParameterCombination`); repeated log types count once; enabling again replaces the
 * destination; disabling a cluster whose logging is off answers the disabled status.
 * `LastSuccessfulDeliveryTime` is the time of the EnableLogging call that set the current destination
 * (nothing can fail to arrive, so `LastFailureTime`/`LastFailureMessage` are never set), and it stays
 * after DisableLogging. DescribeLoggingStatus answers in every status of an existing cluster.
 */
import type { DomainContext } from "../context.js";
import type { AuditLogging } from "../entities.js";
import { InvalidParameterCombination, InvalidParameterValue, InvalidS3BucketNameFault, InvalidS3KeyPrefixFault } from "../errors.js";
import { getCluster, getClusterForUpdate } from "./describe.js";
import { requireStatus } from "./status.js";

export const LOG_TYPES = ["connectionlog", "userlog", "useractivitylog"] as const;
export const LOG_DESTINATION_TYPES = ["s3", "cloudwatch"] as const;
export const MAX_S3_KEY_PREFIX = 256;

export interface LoggingStatus {
  readonly enabled: boolean;
  readonly bucketName?: string | undefined;
  readonly s3KeyPrefix?: string | undefined;
  readonly destinationType?: "s3" | "cloudwatch" | undefined;
  readonly logExports?: readonly string[] | undefined;
  readonly lastSuccessfulDeliveryTime?: number | undefined;
}

function statusOf(logging: AuditLogging | undefined): LoggingStatus {
  if (!logging) return { enabled: false };
  if (!logging.enabled) return { enabled: false, lastSuccessfulDeliveryTime: logging.lastSuccessfulDeliveryTime };
  return {
    enabled: true,
    bucketName: logging.bucketName,
    s3KeyPrefix: logging.s3KeyPrefix,
    destinationType: logging.destinationType,
    logExports: logging.logExports,
    lastSuccessfulDeliveryTime: logging.lastSuccessfulDeliveryTime,
  };
}

export async function describeLoggingStatus(ctx: DomainContext, identifier: string): Promise<LoggingStatus> {
  return statusOf((await getCluster(ctx, identifier)).auditLogging);
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const RESERVED_PREFIXES = ["xn--", "sthree-", "amzn-s3-demo-"];
const RESERVED_SUFFIXES = ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"];

/** S3 general purpose bucket naming rules, or `InvalidS3BucketNameFault` naming the rule broken. */
export function checkBucketName(name: string): void {
  const fail = (why: string) => {
    throw new InvalidS3BucketNameFault(`The S3 bucket name '${name}' is invalid: ${why}.`);
  };
  if (name.length < 3 || name.length > 63) fail("a bucket name is 3 to 63 characters long");
  if (!/^[a-z0-9.-]+$/.test(name)) fail("a bucket name has only lowercase letters, digits, periods and hyphens");
  if (!/^[a-z0-9]/.test(name) || !/[a-z0-9]$/.test(name)) fail("a bucket name begins and ends with a letter or a digit");
  if (name.includes("..")) fail("a bucket name has no two adjacent periods");
  if (IPV4.test(name)) fail("a bucket name is not formatted as an IP address");
  if (RESERVED_PREFIXES.some((p) => name.startsWith(p))) fail(`a bucket name does not start with ${RESERVED_PREFIXES.join(", ")}`);
  if (RESERVED_SUFFIXES.some((s) => name.endsWith(s))) fail(`a bucket name does not end with ${RESERVED_SUFFIXES.join(", ")}`);
}

/** The model's S3KeyPrefixValue: at most 256 of letters, separators, digits and `_ . : / = + - @`. */
export function checkS3KeyPrefix(prefix: string): void {
  if ([...prefix].length > MAX_S3_KEY_PREFIX || !/^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u.test(prefix)) {
    throw new InvalidS3KeyPrefixFault(
      `The S3 key prefix '${prefix}' is invalid: it has at most ${MAX_S3_KEY_PREFIX} characters, each a letter, a digit, whitespace or one of _ . : / = + - @.`,
    );
  }
}

export interface EnableLoggingRequest {
  readonly ClusterIdentifier: string;
  readonly BucketName?: string | undefined;
  readonly S3KeyPrefix?: string | undefined;
  readonly LogDestinationType?: string | undefined;
  readonly LogExports?: readonly string[] | undefined;
}

function checkLogExports(exports: readonly string[]): string[] {
  for (const t of exports) {
    if (!(LOG_TYPES as readonly string[]).includes(t)) {
      throw new InvalidParameterValue(`Invalid value '${t}' for parameter LogExports: valid log types are ${LOG_TYPES.join(", ")}.`);
    }
  }
  return [...new Set(exports)];
}

export async function enableLogging(ctx: DomainContext, req: EnableLoggingRequest): Promise<LoggingStatus> {
  const destinationType = (req.LogDestinationType ?? "s3") as AuditLogging["destinationType"]; // the shape's enum has checked it
  const logExports = checkLogExports(req.LogExports ?? []);
  if (destinationType === "s3") {
    if (req.BucketName === undefined) throw new InvalidParameterCombination("BucketName is required when LogDestinationType is s3.");
    checkBucketName(req.BucketName);
    if (req.S3KeyPrefix !== undefined) checkS3KeyPrefix(req.S3KeyPrefix);
  } else {
    if (req.BucketName !== undefined || req.S3KeyPrefix !== undefined) {
      throw new InvalidParameterCombination("BucketName and S3KeyPrefix cannot be specified when LogDestinationType is cloudwatch.");
    }
    if (logExports.length === 0) throw new InvalidParameterCombination("LogExports must name at least one log type when LogDestinationType is cloudwatch.");
  }
  const cluster = await getClusterForUpdate(ctx, req.ClusterIdentifier);
  requireStatus(cluster);
  cluster.auditLogging = {
    enabled: true,
    destinationType,
    bucketName: destinationType === "s3" ? req.BucketName : undefined,
    s3KeyPrefix: destinationType === "s3" ? req.S3KeyPrefix : undefined,
    logExports,
    lastSuccessfulDeliveryTime: ctx.now,
  };
  await ctx.tx.clusters.update(cluster);
  return statusOf(cluster.auditLogging);
}

export async function disableLogging(ctx: DomainContext, identifier: string): Promise<LoggingStatus> {
  const cluster = await getClusterForUpdate(ctx, identifier);
  requireStatus(cluster);
  if (cluster.auditLogging?.enabled) {
    cluster.auditLogging = { enabled: false, destinationType: cluster.auditLogging.destinationType, logExports: [], lastSuccessfulDeliveryTime: cluster.auditLogging.lastSuccessfulDeliveryTime };
    await ctx.tx.clusters.update(cluster);
  }
  return statusOf(cluster.auditLogging);
}
