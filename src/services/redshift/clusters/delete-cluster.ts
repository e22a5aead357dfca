/** DeleteCluster: starts deleting; the cluster, its grants and endpoints go when it is gone (cascade.ts). */
import { deleteCluster } from "../../../domain/clusters/actions.js";
import { boolean, integer, required, string, structure } from "../../../protocol/shapes.js";
import { operation } from "../../operation.js";
import { ClusterResult } from "./shapes.js";
import { clusterWire } from "./wire.js";

export const DeleteClusterInput = structure({
  ClusterIdentifier: required(string()),
  SkipFinalClusterSnapshot: boolean,
  FinalClusterSnapshotIdentifier: string(),
  FinalClusterSnapshotRetentionPeriod: integer(),
});

export const DeleteCluster = operation({
  input: DeleteClusterInput,
  output: ClusterResult,
  handler: async (ctx, input) => ({ Cluster: await clusterWire(ctx, await deleteCluster(ctx, input)) }),
});
