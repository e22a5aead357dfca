/** PauseCluster: pauses an available cluster (`pausing` → `paused`). */
import { pauseCluster } from "../../../domain/clusters/actions.js";
import { required, string, structure } from "../../../protocol/shapes.js";
import { operation } from "../../operation.js";
import { ClusterResult } from "./shapes.js";
import { clusterWire } from "./wire.js";

export const PauseClusterInput = structure({ ClusterIdentifier: required(string()) });

export const PauseCluster = operation({
  input: PauseClusterInput,
  output: ClusterResult,
  handler: async (ctx, input) => ({ Cluster: await clusterWire(ctx, await pauseCluster(ctx, input.ClusterIdentifier)) }),
});
