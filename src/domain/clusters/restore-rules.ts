/**
 * Pure rules of RestoreFromClusterSnapshot
 * (https://docs.aws.amazon.com/redshift/latest/APIReference/API_RestoreFromClusterSnapshot.html):
 * the node type and count of the restored cluster (within the snapshot's `RestorableNodeTypes`:
 * "If you have a DC instance type, you must restore into that same instance type and size" [M,
 * NodeType], or into RA3), and the `RestoreStatus` a restored cluster reports.
 */
import type { ClusterRestore } from "../entities.js";
import { InvalidRestore } from "../errors.js";
import { restorableNodeTypes } from "../snapshots/rules.js";
import { nodeTypeSpec } from "./node-types.js";
import { checkNodeRange } from "./nodes.js";

/**
 * The restored cluster's node type and count. Without NodeType: the snapshot's type. A DC2 restore
 * into the same type keeps the snapshot's node count (a different NumberOfNodes is `InvalidRestore`);
 * a restore into a managed-storage type may change the count (RA3 elastic restore), defaulting to the
 * snapshot's count raised to the type's minimum. The count then meets the type's range as on create.
 */
export function restoreNodes(
  snapshot: { readonly nodeType: string; readonly numberOfNodes: number },
  requestedType: string | undefined,
  requestedCount: number | undefined,
): { nodeType: string; numberOfNodes: number } {
  const nodeType = requestedType ?? snapshot.nodeType;
  if (!restorableNodeTypes(snapshot.nodeType).includes(nodeType)) {
    throw new InvalidRestore(
      `A snapshot of a ${snapshot.nodeType} cluster cannot be restored into node type ${nodeType}; ` +
        `it restores into ${restorableNodeTypes(snapshot.nodeType).join(", ")}.`,
    );
  }
  const spec = nodeTypeSpec(nodeType)!;
  if (spec.family === "dc2") {
    if (requestedCount !== undefined && requestedCount !== snapshot.numberOfNodes) {
      throw new InvalidRestore(
        `A ${nodeType} snapshot restores into a ${nodeType} cluster of the same size (${snapshot.numberOfNodes} nodes); ` +
          `to change the number of nodes, restore into an RA3 node type or resize after the restore.`,
      );
    }
    return { nodeType, numberOfNodes: snapshot.numberOfNodes };
  }
  const numberOfNodes = requestedCount ?? Math.max(snapshot.numberOfNodes, spec.minNodes);
  checkNodeRange(nodeType, numberOfNodes);
  return { nodeType, numberOfNodes };
}

/** The model's RestoreStatus structure, in domain terms. */
export interface RestoreStatusView {
  readonly status: "restoring" | "completed";
  readonly snapshotSizeInMegaBytes: number;
  readonly progressInMegaBytes: number;
  readonly currentRestoreRateInMegaBytesPerSecond: number;
  readonly elapsedTimeInSeconds: number;
  readonly estimatedTimeToCompletionInSeconds: number;
}

/**
 * While the restored cluster is `creating`, the restore is `restoring` and its progress grows linearly
 * over the `cluster-create` delay on the emulator's clock; once the cluster has been created it is
 * `completed` for good (AWS: "Returns starting, restoring, completed, or failed"; nothing fails here).
 */
export function restoreStatus(restore: ClusterRestore, creating: boolean, now: number): RestoreStatusView {
  const size = restore.snapshotSizeInMegaBytes;
  const totalMs = Math.max(0, restore.durationMs);
  const elapsedMs = creating ? Math.min(Math.max(0, now - restore.startedAt), totalMs) : totalMs;
  const done = !creating;
  const progress = done || totalMs === 0 ? (done ? size : 0) : Math.floor((size * elapsedMs) / totalMs);
  const elapsedSeconds = Math.floor(elapsedMs / 1000);
  const rate = totalMs === 0 ? 0 : Math.round((size / (totalMs / 1000)) * 1000) / 1000;
  return {
    status: done ? "completed" : "restoring",
    snapshotSizeInMegaBytes: size,
    progressInMegaBytes: progress,
    currentRestoreRateInMegaBytesPerSecond: rate,
    elapsedTimeInSeconds: elapsedSeconds,
    estimatedTimeToCompletionInSeconds: done ? 0 : Math.ceil((totalMs - elapsedMs) / 1000),
  };
}
