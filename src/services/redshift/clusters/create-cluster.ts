/** CreateCluster: validates, places and starts creating a cluster (domain/clusters/create.ts). */
import { createCluster } from "../../../domain/clusters/create.js";
import { NODE_TYPE_NAMES } from "../../../domain/clusters/node-types.js";
import { boolean, integer, list, required, string, structure } from "../../../protocol/shapes.js";
import { operation } from "../../operation.js";
import { ClusterResult, TagList } from "./shapes.js";
import { clusterWire } from "./wire.js";

/**
 * CatalogName as the model constrains it: 1–64 characters, `^[a-z0-9_-]*[a-z]+[a-z0-9_-]*$`
 * (https://docs.aws.amazon.com/redshift/latest/APIReference/API_CreateCluster.html). Written as a
 * lookahead plus one character class so the test is linear (the model's form backtracks).
 */
const CATALOG_NAME = /^(?=[^a-z]*[a-z])[a-z0-9_-]*$/;

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
  SnapshotScheduleIdentifier: string(),
  Tags: TagList,
  // AWS: "This parameter is retired. It does not set the AQUA configuration status." Checked against
  // the model's enum, then ignored: the cluster reports AQUA as AWS now decides it (auto).
  AquaConfigurationStatus: string({ enum: ["enabled", "disabled", "auto"] }),
  // The Glue catalog of federated permissions is not emulated: the name is checked, then ignored.
  CatalogName: string({
    min: 1,
    max: 64,
    pattern: CATALOG_NAME,
    message: "Invalid value '{value}' for parameter {name}: 1 to 64 lowercase letters, digits, underscores and hyphens, with at least one letter.",
  }),
  // Automatic-optimization compute is not emulated: typed so a malformed value is refused, then ignored.
  ExtraComputeForAutomaticOptimization: boolean,
});

export const CreateCluster = operation({
  input: CreateClusterInput,
  output: ClusterResult,
  handler: async (ctx, input) => ({ Cluster: await clusterWire(ctx, await createCluster(ctx, input)) }),
});
