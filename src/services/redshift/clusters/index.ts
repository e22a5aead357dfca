/** The clusters operations of the Redshift service table (one file per action beside this one). */
import type { AnyOperation } from "../../operation.js";

export const clusterOperations: Record<"CreateCluster" | "DescribeClusters" | "ModifyCluster" | "DeleteCluster" | "PauseCluster" | "ResumeCluster" | "RebootCluster", AnyOperation> = {};
