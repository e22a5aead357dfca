/** BatchDeleteClusterSnapshots: per-item results (domain/snapshots/batch.ts). */
import { batchDeleteClusterSnapshots } from "../../../domain/snapshots/batch.js";
import { list, required, string, structure } from "../../../protocol/shapes.js";
import { operation } from "../../operation.js";
import { SnapshotErrorList, SnapshotIdentifierList } from "./batch-shapes.js";

const DeleteClusterSnapshotMessage = structure({ SnapshotIdentifier: required(string()), SnapshotClusterIdentifier: string() });

export const BatchDeleteClusterSnapshots = operation({
  input: structure({ Identifiers: required(list(DeleteClusterSnapshotMessage, "DeleteClusterSnapshotMessage")) }),
  output: structure({ Resources: SnapshotIdentifierList, Errors: SnapshotErrorList }),
  handler: async (ctx, input) => {
    const result = await batchDeleteClusterSnapshots(ctx, input.Identifiers);
    return { Resources: result.resources, Errors: result.errors };
  },
});
