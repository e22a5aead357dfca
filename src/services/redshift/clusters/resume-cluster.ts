/** ResumeCluster: resumes a paused cluster (`resuming` → `available`). */
import { resumeCluster } from "../../../domain/clusters/actions.js";
import { required, string, structure } from "../../../protocol/shapes.js";
import { operation } from "../../operation.js";
import { ClusterResult } from "./shapes.js";
import { clusterWire } from "./wire.js";

export const ResumeClusterInput = structure({ ClusterIdentifier: required(string()) });

export const ResumeCluster = operation({
  input: ResumeClusterInput,
  output: ClusterResult,
  handler: async (ctx, input) => ({ Cluster: await clusterWire(ctx, await resumeCluster(ctx, input.ClusterIdentifier)) }),
});
