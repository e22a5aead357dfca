/** RevokeSnapshotAccess: the owner stops another account restoring a snapshot (domain/snapshot-sharing/authorize.ts). */
import { revokeSnapshotAccess } from "../../../domain/snapshot-sharing/authorize.js";
import { operation } from "../../operation.js";
import { SnapshotResult, snapshotToWire } from "../snapshots/shapes.js";
import { SnapshotAccessMessage, snapshotAccessRequest } from "./authorize-snapshot-access.js";

export const RevokeSnapshotAccess = operation({
  input: SnapshotAccessMessage,
  output: SnapshotResult,
  handler: async (ctx, input) => ({ Snapshot: snapshotToWire(await revokeSnapshotAccess(ctx, snapshotAccessRequest(input)), ctx.now) }),
});
