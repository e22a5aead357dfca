/** Restore from a snapshot and cross-account snapshot sharing (one file per action beside this). */
import type { AnyOperation } from "../../operation.js";
import { AuthorizeSnapshotAccess } from "./authorize-snapshot-access.js";
import { RestoreFromClusterSnapshot } from "./restore-from-cluster-snapshot.js";
import { RevokeSnapshotAccess } from "./revoke-snapshot-access.js";

export type SnapshotSharingOperation = "RestoreFromClusterSnapshot" | "AuthorizeSnapshotAccess" | "RevokeSnapshotAccess";

export const snapshotSharingOperations: Record<SnapshotSharingOperation, AnyOperation> = {
  RestoreFromClusterSnapshot,
  AuthorizeSnapshotAccess,
  RevokeSnapshotAccess,
};
