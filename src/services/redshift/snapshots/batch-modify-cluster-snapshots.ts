/** BatchModifyClusterSnapshots: per-item results (domain/snapshots/batch.ts). */
import { batchModifyClusterSnapshots } from "../../../domain/snapshots/batch.js";
import { boolean, integer, required, structure } from "../../../protocol/shapes.js";
import { operation } from "../../operation.js";
import { SnapshotErrorList, SnapshotIdentifierList } from "./batch-shapes.js";

export const BatchModifyClusterSnapshots = operation({
  input: structure({ SnapshotIdentifierList: required(SnapshotIdentifierList), ManualSnapshotRetentionPeriod: integer(), Force: boolean }),
  output: structure({ Resources: SnapshotIdentifierList, Errors: SnapshotErrorList }),
  handler: async (ctx, input) => {
    const result = await batchModifyClusterSnapshots(ctx, input);
    return { Resources: result.resources, Errors: result.errors };
  },
});
