/**
 * BatchDeleteClusterSnapshots and BatchModifyClusterSnapshots: each item runs DeleteClusterSnapshot's
 * or ModifyClusterSnapshot's rules; an item that fails is reported in `Errors` (its error code as
 * FailureCode) and the others still apply
 * (https://docs.aws.amazon.com/redshift/latest/APIReference/API_BatchDeleteClusterSnapshots.html,
 * https://docs.aws.amazon.com/redshift/latest/APIReference/API_BatchModifyClusterSnapshots.html).
 * At most 100 identifiers per call (`BatchDeleteRequestSizeExceeded`,
 * `BatchModifyClusterSnapshotsLimitExceededFault`).
 */
import type { DomainContext } from "../context.js";
import { AwsError, BatchDeleteRequestSizeExceeded, BatchModifyClusterSnapshotsLimitExceededFault } from "../errors.js";
import { applyRetention, deleteClusterSnapshot } from "./operations.js";
import { checkSnapshotRetention, getSnapshotForUpdate } from "./rules.js";

export const MAX_BATCH = 100;

export interface SnapshotError {
  SnapshotIdentifier: string;
  SnapshotClusterIdentifier?: string | undefined;
  FailureCode: string;
  FailureReason: string;
}

export interface BatchResult {
  resources: string[];
  errors: SnapshotError[];
}

async function each<T extends { SnapshotIdentifier: string; SnapshotClusterIdentifier?: string | undefined }>(
  items: readonly T[],
  run: (item: T) => Promise<string>,
): Promise<BatchResult> {
  const result: BatchResult = { resources: [], errors: [] };
  for (const item of items) {
    try {
      result.resources.push(await run(item));
    } catch (err) {
      if (!(err instanceof AwsError)) throw err;
      result.errors.push({
        SnapshotIdentifier: item.SnapshotIdentifier,
        SnapshotClusterIdentifier: item.SnapshotClusterIdentifier,
        FailureCode: err.code,
        FailureReason: err.message,
      });
    }
  }
  return result;
}

export async function batchDeleteClusterSnapshots(
  ctx: DomainContext,
  identifiers: readonly { SnapshotIdentifier: string; SnapshotClusterIdentifier?: string | undefined }[],
): Promise<BatchResult> {
  if (identifiers.length > MAX_BATCH) {
    throw new BatchDeleteRequestSizeExceeded(`The maximum number of snapshots in a batch delete is ${MAX_BATCH}; got ${identifiers.length}.`);
  }
  return each(identifiers, async (item) => (await deleteClusterSnapshot(ctx, item.SnapshotIdentifier, item.SnapshotClusterIdentifier)).id);
}

export async function batchModifyClusterSnapshots(
  ctx: DomainContext,
  req: { SnapshotIdentifierList: readonly string[]; ManualSnapshotRetentionPeriod?: number | undefined; Force?: boolean | undefined },
): Promise<BatchResult> {
  if (req.SnapshotIdentifierList.length > MAX_BATCH) {
    throw new BatchModifyClusterSnapshotsLimitExceededFault(
      `The maximum number of snapshot identifiers in a batch modify is ${MAX_BATCH}; got ${req.SnapshotIdentifierList.length}.`,
    );
  }
  if (req.ManualSnapshotRetentionPeriod !== undefined) checkSnapshotRetention(req.ManualSnapshotRetentionPeriod);
  return each(
    req.SnapshotIdentifierList.map((SnapshotIdentifier) => ({ SnapshotIdentifier })),
    async (item) => (await applyRetention(ctx, await getSnapshotForUpdate(ctx, item.SnapshotIdentifier), req.ManualSnapshotRetentionPeriod, req.Force === true)).id,
  );
}
