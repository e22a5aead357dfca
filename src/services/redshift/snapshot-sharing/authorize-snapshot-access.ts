/** AuthorizeSnapshotAccess: the owner lets another account restore a manual snapshot (domain/snapshot-sharing/authorize.ts). */
import { authorizeSnapshotAccess, type SnapshotAccessRequest } from "../../../domain/snapshot-sharing/authorize.js";
import { required, string, structure, type ValueOf } from "../../../protocol/shapes.js";
import { operation } from "../../operation.js";
import { SnapshotResult, snapshotToWire } from "../snapshots/shapes.js";

export const SnapshotAccessMessage = structure({
  SnapshotIdentifier: string(),
  SnapshotArn: string(),
  SnapshotClusterIdentifier: string(),
  AccountWithRestoreAccess: required(string()),
});

/** The domain request of AuthorizeSnapshotAccess and RevokeSnapshotAccess (one input shape). */
export function snapshotAccessRequest(input: ValueOf<typeof SnapshotAccessMessage>): SnapshotAccessRequest {
  return {
    snapshotIdentifier: input.SnapshotIdentifier,
    snapshotArn: input.SnapshotArn,
    snapshotClusterIdentifier: input.SnapshotClusterIdentifier,
    accountWithRestoreAccess: input.AccountWithRestoreAccess,
  };
}

export const AuthorizeSnapshotAccess = operation({
  input: SnapshotAccessMessage,
  output: SnapshotResult,
  handler: async (ctx, input) => ({ Snapshot: snapshotToWire(await authorizeSnapshotAccess(ctx, snapshotAccessRequest(input)), ctx.now) }),
});
