/** DeleteClusterSnapshot: a manual, available snapshot (https://docs.aws.amazon.com/redshift/latest/APIReference/API_DeleteClusterSnapshot.html). */
import { deleteClusterSnapshot } from "../../../domain/snapshots/operations.js";
import { required, string, structure } from "../../../protocol/shapes.js";
import { operation } from "../../operation.js";
import { SnapshotResult, snapshotToWire } from "./shapes.js";

export const DeleteClusterSnapshot = operation({
  input: structure({ SnapshotIdentifier: required(string()), SnapshotClusterIdentifier: string() }),
  output: SnapshotResult,
  handler: async (ctx, input) => {
    const snapshot = await deleteClusterSnapshot(ctx, input.SnapshotIdentifier, input.SnapshotClusterIdentifier);
    return { Snapshot: { ...snapshotToWire(snapshot, ctx.now), Status: "deleted" } };
  },
});
