/** ModifyCluster: changes settings of an available cluster, which goes `modifying` (domain/clusters/modify.ts). */
import { modifyCluster } from "../../../domain/clusters/modify.js";
import { NODE_TYPE_NAMES } from "../../../domain/clusters/node-types.js";
import { boolean, integer, list, required, string, structure } from "../../../protocol/shapes.js";
import { operation } from "../../operation.js";
import { ClusterResult } from "./shapes.js";
import { clusterWire } from "./wire.js";

export const ModifyClusterInput = structure({
  ClusterIdentifier: required(string()),
  ClusterType: string({ enum: ["multi-node", "single-node"] }),
  NodeType: string({ enum: NODE_TYPE_NAMES }),
  NumberOfNodes: integer(),
  VpcSecurityGroupIds: list(string(), "VpcSecurityGroupId"),
  MasterUserPassword: string(),
  ManageMasterPassword: boolean,
  ClusterParameterGroupName: string(),
  AutomatedSnapshotRetentionPeriod: integer(),
  ManualSnapshotRetentionPeriod: integer(),
  PreferredMaintenanceWindow: string(),
  ClusterVersion: string(),
  AllowVersionUpgrade: boolean,
  NewClusterIdentifier: string(),
  PubliclyAccessible: boolean,
  EnhancedVpcRouting: boolean,
  MaintenanceTrackName: string(),
  Encrypted: boolean,
  KmsKeyId: string(),
  AvailabilityZoneRelocation: boolean,
  AvailabilityZone: string(),
  Port: integer(),
  MultiAZ: boolean,
  // Not emulated: typed so a malformed value is refused, then ignored (as in CreateCluster).
  ExtraComputeForAutomaticOptimization: boolean,
});

export const ModifyCluster = operation({
  input: ModifyClusterInput,
  output: ClusterResult,
  handler: async (ctx, input) => ({ Cluster: await clusterWire(ctx, await modifyCluster(ctx, input)) }),
});
