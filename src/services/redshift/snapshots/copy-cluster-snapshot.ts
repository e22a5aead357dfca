/** CopyClusterSnapshot in one region (https://docs.aws.amazon.com/redshift/latest/APIReference/API_CopyClusterSnapshot.html). */
import { copyClusterSnapshot } from "../../../domain/snapshots/operations.js";
import { integer, required, string, structure } from "../../../protocol/shapes.js";
import { operation } from "../../operation.js";
import { SnapshotResult, snapshotToWire } from "./shapes.js";

export const CopyClusterSnapshot = operation({
  input: structure({
    SourceSnapshotIdentifier: required(string()),
    SourceSnapshotClusterIdentifier: string(),
    TargetSnapshotIdentifier: required(string()),
    ManualSnapshotRetentionPeriod: integer(),
  }),
  output: SnapshotResult,
  handler: async (ctx, input) => ({ Snapshot: snapshotToWire(await copyClusterSnapshot(ctx, input), ctx.now) }),
});
