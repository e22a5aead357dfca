/** ModifyClusterSnapshot: a manual snapshot's retention (https://docs.aws.amazon.com/redshift/latest/APIReference/API_ModifyClusterSnapshot.html). */
import { modifyClusterSnapshot } from "../../../domain/snapshots/operations.js";
import { boolean, integer, required, string, structure } from "../../../protocol/shapes.js";
import { operation } from "../../operation.js";
import { SnapshotResult, snapshotToWire } from "./shapes.js";

export const ModifyClusterSnapshot = operation({
  input: structure({ SnapshotIdentifier: required(string()), ManualSnapshotRetentionPeriod: integer(), Force: boolean }),
  output: SnapshotResult,
  handler: async (ctx, input) => ({ Snapshot: snapshotToWire(await modifyClusterSnapshot(ctx, input), ctx.now) }),
});
