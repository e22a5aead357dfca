/**
 * ModifyClusterIamRoles: adds and removes a cluster's IAM roles (`adding` / `removing` until the
 * `cluster-iam-roles` transition completes) and sets its default role (domain/clusters/iam-roles.ts).
 */
import { modifyClusterIamRoles } from "../../../domain/clusters/iam-roles.js";
import { list, required, string, structure } from "../../../protocol/shapes.js";
import { operation } from "../../operation.js";
import { ClusterResult } from "./shapes.js";
import { clusterWire } from "./wire.js";

export const ModifyClusterIamRoles = operation({
  input: structure({
    ClusterIdentifier: required(string()),
    AddIamRoles: list(string(), "IamRoleArn"),
    RemoveIamRoles: list(string(), "IamRoleArn"),
    DefaultIamRoleArn: string(),
  }),
  output: ClusterResult,
  handler: async (ctx, input) => ({ Cluster: await clusterWire(ctx, await modifyClusterIamRoles(ctx, input)) }),
});
