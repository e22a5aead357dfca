/** EnableLogging: records an S3 or CloudWatch audit-log destination (domain/clusters/logging.ts). */
import { LOG_DESTINATION_TYPES, enableLogging } from "../../../domain/clusters/logging.js";
import { list, required, string, structure } from "../../../protocol/shapes.js";
import { operation } from "../../operation.js";
import { LoggingStatusShape, loggingStatusToWire } from "./describe-logging-status.js";

export const EnableLogging = operation({
  input: structure({
    ClusterIdentifier: required(string()),
    BucketName: string(),
    S3KeyPrefix: string(),
    LogDestinationType: string({ enum: LOG_DESTINATION_TYPES }),
    LogExports: list(string()),
  }),
  output: LoggingStatusShape,
  handler: async (ctx, input) => loggingStatusToWire(await enableLogging(ctx, input)),
});
