/** CreateClusterSnapshot (https://docs.aws.amazon.com/redshift/latest/APIReference/API_CreateClusterSnapshot.html). */
import { createClusterSnapshot } from "../../../domain/snapshots/operations.js";
import { integer, required, string, structure } from "../../../protocol/shapes.js";
import { operation } from "../../operation.js";
import { TagList } from "../clusters/shapes.js";
import { SnapshotResult, snapshotToWire } from "./shapes.js";

export const CreateClusterSnapshot = operation({
  input: structure({
    SnapshotIdentifier: required(string()),
    ClusterIdentifier: required(string()),
    ManualSnapshotRetentionPeriod: integer(),
    Tags: TagList,
  }),
  output: SnapshotResult,
  handler: async (ctx, input) => ({ Snapshot: snapshotToWire(await createClusterSnapshot(ctx, input), ctx.now) }),
});
