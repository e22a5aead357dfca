/**
 * DescribeLoggingStatus: whether a cluster's audit logging is on (domain/clusters/logging.ts). Terraform's
 * `aws_redshift_cluster` reads it on every refresh.
 */
import { describeLoggingStatus } from "../../../domain/clusters/logging.js";
import { boolean, list, required, string, structure, timestamp } from "../../../protocol/shapes.js";
import { operation } from "../../operation.js";

export const DescribeLoggingStatusInput = structure({ ClusterIdentifier: required(string()) });

/**
 * `LoggingStatus` (result wrapper `DescribeLoggingStatusResult`); `LogExports` is a `LogTypeList` of
 * `<member>` items. The model's `S3Tables` (the `s3table` destination) is not declared: no destination
 * is ever set here, so it is never sent.
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

export const DescribeLoggingStatus = operation({
  readOnly: true,
  input: DescribeLoggingStatusInput,
  output: LoggingStatusShape,
  handler: async (ctx, input) => {
    const status = await describeLoggingStatus(ctx, input.ClusterIdentifier);
    return { LoggingEnabled: status.enabled };
  },
});
