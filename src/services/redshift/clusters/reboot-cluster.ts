/** RebootCluster: reboots an available cluster (`rebooting` → `available`). */
import { rebootCluster } from "../../../domain/clusters/actions.js";
import { required, string, structure } from "../../../protocol/shapes.js";
import { operation } from "../../operation.js";
import { ClusterResult } from "./shapes.js";
import { clusterWire } from "./wire.js";

export const RebootClusterInput = structure({ ClusterIdentifier: required(string()) });

export const RebootCluster = operation({
  input: RebootClusterInput,
  output: ClusterResult,
  handler: async (ctx, input) => ({ Cluster: await clusterWire(ctx, await rebootCluster(ctx, input.ClusterIdentifier)) }),
});
