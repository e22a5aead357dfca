/** DisableLogging: turns a cluster's audit logging off (domain/clusters/logging.ts). */
import { disableLogging } from "../../../domain/clusters/logging.js";
import { required, string, structure } from "../../../protocol/shapes.js";
import { operation } from "../../operation.js";
import { LoggingStatusShape, loggingStatusToWire } from "./describe-logging-status.js";

export const DisableLogging = operation({
  input: structure({ ClusterIdentifier: required(string()) }),
  output: LoggingStatusShape,
  handler: async (ctx, input) => loggingStatusToWire(await disableLogging(ctx, input.ClusterIdentifier)),
});
