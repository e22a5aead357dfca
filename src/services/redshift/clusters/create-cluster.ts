/** CreateCluster: validates, places and starts creating a cluster (domain/clusters/create.ts). */
import { createCluster } from "../../../domain/clusters/create.js";
import { NODE_TYPE_NAMES } from "../../../domain/clusters/node-types.js";
import { boolean, integer, list, required, string, structure } from "../../../protocol/shapes.js";
import { operation } from "../../operation.js";
import { ClusterResult, TagList, clusterToWire } from "./shapes.js";

export const CreateClusterInput = structure({
  ClusterIdentifier: required(string()),
  NodeType: required(string({ enum: NODE_TYPE_NAMES })),
  MasterUsername: required(string()),
  MasterUserPassword: string(),
  ManageMasterPassword: boolean,
  DBName: string(),
  ClusterType: string({ enum: ["multi-node", "single-node"] }),
  NumberOfNodes: integer(),
  ClusterSubnetGroupName: string(),
  AvailabilityZone: string(),
  VpcSecurityGroupIds: list(string(), "VpcSecurityGroupId"),
  Port: integer(),
  PubliclyAccessible: boolean,
  Encrypted: boolean,
  KmsKeyId: string(),
  AvailabilityZoneRelocation: boolean,
  MultiAZ: boolean,
  PreferredMaintenanceWindow: string(),
  AutomatedSnapshotRetentionPeriod: integer(),
  ManualSnapshotRetentionPeriod: integer(),
  ClusterParameterGroupName: string(),
  ClusterVersion: string(),
  AllowVersionUpgrade: boolean,
  EnhancedVpcRouting: boolean,
  IamRoles: list(string(), "IamRoleArn"),
  DefaultIamRoleArn: string(),
  MaintenanceTrackName: string(),
  Tags: TagList,
});

export const CreateCluster = operation({
  input: CreateClusterInput,
  output: ClusterResult,
  handler: async (ctx, input) => ({ Cluster: clusterToWire(await createCluster(ctx, input), ctx.now) }),
});
