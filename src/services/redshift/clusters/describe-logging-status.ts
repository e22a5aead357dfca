/**
 * DescribeLoggingStatus: a cluster's audit logging (domain/clusters/logging.ts). Terraform's
 * `aws_redshift_cluster` and `aws_redshift_logging` read it on every refresh.
 */
import { describeLoggingStatus, type LoggingStatus } from "../../../domain/clusters/logging.js";
import { boolean, list, required, string, structure, timestamp, type ValueOf } from "../../../protocol/shapes.js";
import { operation } from "../../operation.js";

export const DescribeLoggingStatusInput = structure({ ClusterIdentifier: required(string()) });

/**
 * `LoggingStatus` (result wrappers `DescribeLoggingStatusResult`, `EnableLoggingResult`,
 * `DisableLoggingResult`); `LogExports` is a `LogTypeList` of `<member>` items. The model's
 * `S3Tables` (the `s3table` destination) is not declared: that destination is not offered here.
 */
export const LoggingStatusShape = structure({
  LoggingEnabled: boolean,
  BucketName: string(),
  S3KeyPrefix: string(),
  LastSuccessfulDeliveryTime: timestamp,
  LastFailureTime: timestamp,
  LastFailureMessage: string(),
  LogDestinationType: string(),
  LogExports: list(string()),
});

export function loggingStatusToWire(s: LoggingStatus): ValueOf<typeof LoggingStatusShape> {
  return {
    LoggingEnabled: s.enabled,
    BucketName: s.bucketName,
    S3KeyPrefix: s.s3KeyPrefix,
    LastSuccessfulDeliveryTime: s.lastSuccessfulDeliveryTime,
    LogDestinationType: s.destinationType,
    // No log types exported: the member is absent, not an empty list (the hashicorp/aws provider reads an empty
    // list as a change from an unset `log_exports`, so a plan after an S3-only aws_redshift_logging never settles).
    LogExports: s.logExports === undefined || s.logExports.length === 0 ? undefined : [...s.logExports],
  };
}

export const DescribeLoggingStatus = operation({
  readOnly: true,
  input: DescribeLoggingStatusInput,
  output: LoggingStatusShape,
  handler: async (ctx, input) => loggingStatusToWire(await describeLoggingStatus(ctx, input.ClusterIdentifier)),
});
