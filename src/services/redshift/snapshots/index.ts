/** The snapshot operations of the Redshift service table (one file per action beside this). */
import type { AnyOperation } from "../../operation.js";
import { BatchDeleteClusterSnapshots } from "./batch-delete-cluster-snapshots.js";
import { BatchModifyClusterSnapshots } from "./batch-modify-cluster-snapshots.js";
import { CopyClusterSnapshot } from "./copy-cluster-snapshot.js";
import { CreateClusterSnapshot } from "./create-cluster-snapshot.js";
import { DeleteClusterSnapshot } from "./delete-cluster-snapshot.js";
import { DescribeClusterSnapshots } from "./describe-cluster-snapshots.js";
import { ModifyClusterSnapshot } from "./modify-cluster-snapshot.js";

export type SnapshotOperation =
  | "CreateClusterSnapshot"
  | "DescribeClusterSnapshots"
  | "DeleteClusterSnapshot"
  | "ModifyClusterSnapshot"
  | "CopyClusterSnapshot"
  | "BatchDeleteClusterSnapshots"
  | "BatchModifyClusterSnapshots";

export const snapshotOperations: Record<SnapshotOperation, AnyOperation> = {
  CreateClusterSnapshot,
  DescribeClusterSnapshots,
  DeleteClusterSnapshot,
  ModifyClusterSnapshot,
  CopyClusterSnapshot,
  BatchDeleteClusterSnapshots,
  BatchModifyClusterSnapshots,
};
