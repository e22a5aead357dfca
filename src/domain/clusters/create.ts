/**
 * CreateCluster (https://docs.aws.amazon.com/redshift/latest/APIReference/API_CreateCluster.html):
 * validate every parameter, then place the cluster (subnet group, zone,
 * security groups), enforce uniqueness and the `nodes-per-account` quota, and start `cluster-create`.
 */
import type { DomainContext } from "../context.js";
import type { Cluster } from "../entities.js";
import { ClusterAlreadyExists, InvalidParameterCombination, InvalidParameterValue, MissingParameter, SnapshotScheduleNotFound } from "../errors.js";
import { uuid } from "../ids.js";
import { scheduleAutomated } from "../snapshots/automated.js";
import { beginTransition } from "../lifecycle.js";
import { storedCluster } from "../settle.js";
import { DuplicateKeyError } from "../../store/store.js";
import { DEFAULT_PORT, describePortRanges, nodeTypeSpec, portAllowed } from "./node-types.js";
import { checkCreateRoles } from "./iam-roles.js";
import { checkNodeQuota, resolveNodeCount } from "./nodes.js";
import {
  DEFAULT_DB_NAME,
  DEFAULT_PARAMETER_GROUP,
  checkClusterOptions,
  checkClusterVersion,
  checkEncrypted,
  checkMaintenanceTrack,
  defaultRelocation,
  masterPasswordSecretArn,
} from "./options.js";
import { placeCluster } from "./placement.js";
import {
  checkAutomatedRetention,
  checkDbName,
  checkManualRetention,
  checkMasterUserPassword,
  checkMasterUsername,
  checkParameterGroupName,
  normaliseClusterIdentifier,
  normaliseMaintenanceWindow,
  randomMaintenanceWindow,
} from "./rules.js";
import { checkTags } from "./tags.js";
import { resolveClusterParameterGroup } from "../parameter-groups/rules.js";

/** The CreateCluster parameters the emulator acts on (AWS member names). */
export interface CreateClusterRequest {
  ClusterIdentifier: string;
  NodeType: string;
  MasterUsername: string;
  MasterUserPassword?: string;
  ManageMasterPassword?: boolean;
  DBName?: string;
  ClusterType?: string;
  NumberOfNodes?: number;
  ClusterSubnetGroupName?: string;
  AvailabilityZone?: string;
  VpcSecurityGroupIds?: string[];
  Port?: number;
  PubliclyAccessible?: boolean;
  Encrypted?: boolean;
  KmsKeyId?: string;
  AvailabilityZoneRelocation?: boolean;
  MultiAZ?: boolean;
  PreferredMaintenanceWindow?: string;
  AutomatedSnapshotRetentionPeriod?: number;
  ManualSnapshotRetentionPeriod?: number;
  ClusterParameterGroupName?: string;
  /** Associates an existing snapshot schedule (SnapshotScheduleNotFound otherwise). */
  SnapshotScheduleIdentifier?: string;
  ClusterVersion?: string;
  AllowVersionUpgrade?: boolean;
  EnhancedVpcRouting?: boolean;
  IamRoles?: string[];
  DefaultIamRoleArn?: string;
  MaintenanceTrackName?: string;
  Tags?: { Key?: string; Value?: string }[];
}

export async function createCluster(ctx: DomainContext, req: CreateClusterRequest): Promise<Cluster> {
  const id = normaliseClusterIdentifier(req.ClusterIdentifier);
  const nodeType = req.NodeType;
  const spec = nodeTypeSpec(nodeType);
  if (!spec) throw new InvalidParameterValue(`Invalid node type: ${nodeType}.`);
  checkMasterUsername(req.MasterUsername);
  const managedPassword = req.ManageMasterPassword === true;
  if (managedPassword && req.MasterUserPassword !== undefined) {
    throw new InvalidParameterCombination("You can't use MasterUserPassword if ManageMasterPassword is true.");
  }
  if (!managedPassword) {
    if (req.MasterUserPassword === undefined) {
      throw new MissingParameter("The request must contain the parameter MasterUserPassword (or set ManageMasterPassword to true).");
    }
    checkMasterUserPassword(req.MasterUserPassword);
  }
  // An empty DBName means "the default", as AWS treats it: Terraform's aws_redshift_cluster sends
  // `DBName=` when `database_name` is not set, and AWS creates the `dev` database.
  const dbName = req.DBName === undefined || req.DBName === "" ? DEFAULT_DB_NAME : req.DBName;
  checkDbName(dbName);
  const numberOfNodes = resolveNodeCount(nodeType, req.ClusterType, req.NumberOfNodes);
  const port = req.Port ?? DEFAULT_PORT;
  if (!portAllowed(nodeType, port)) {
    throw new InvalidParameterValue(`Invalid value ${port} for parameter Port: clusters with ${nodeType} nodes accept ports ${describePortRanges(nodeType)}.`);
  }
  checkEncrypted(req.Encrypted);
  checkClusterVersion(req.ClusterVersion);
  checkMaintenanceTrack(req.MaintenanceTrackName);
  const automatedRetention = req.AutomatedSnapshotRetentionPeriod ?? 1;
  checkAutomatedRetention(automatedRetention, spec.family !== "dc2");
  const manualRetention = req.ManualSnapshotRetentionPeriod ?? -1;
  checkManualRetention(manualRetention);
  const window = req.PreferredMaintenanceWindow !== undefined ? normaliseMaintenanceWindow(req.PreferredMaintenanceWindow) : randomMaintenanceWindow();
  const parameterGroupName = req.ClusterParameterGroupName ?? DEFAULT_PARAMETER_GROUP;
  checkParameterGroupName(parameterGroupName);
  const iamRoles = checkCreateRoles(ctx, req.IamRoles ?? [], req.DefaultIamRoleArn);
  const tags = checkTags(req.Tags);

  const publiclyAccessible = req.PubliclyAccessible ?? false;
  const multiAz = req.MultiAZ ?? false;
  const azRelocation = req.AvailabilityZoneRelocation ?? defaultRelocation(nodeType, publiclyAccessible, multiAz);
  checkClusterOptions({ nodeType, numberOfNodes, publiclyAccessible, azRelocation, multiAz });

  if (await ctx.tx.clusters.get(ctx.scope, id)) throw new ClusterAlreadyExists("Cluster already exists");
  await checkNodeQuota(ctx, numberOfNodes);

  const resolvedParameterGroup = await resolveClusterParameterGroup(ctx, parameterGroupName);
  const snapshotScheduleIdentifier = await resolveSnapshotSchedule(ctx, req.SnapshotScheduleIdentifier);
  const network = await placeCluster(ctx, {
    subnetGroupName: req.ClusterSubnetGroupName,
    availabilityZone: req.AvailabilityZone,
    vpcSecurityGroupIds: req.VpcSecurityGroupIds,
    multiAz,
    numberOfNodes,
    publiclyAccessible,
  });

  const cluster: Cluster = {
    account: ctx.scope.account,
    region: ctx.scope.region,
    id,
    createdAt: ctx.now,
    status: "creating",
    nodeType,
    numberOfNodes,
    masterUsername: req.MasterUsername,
    dbName,
    port,
    ...network,
    publiclyAccessible,
    encrypted: true,
    azRelocation,
    multiAz,
    namespaceId: uuid(),
    automatedSnapshotRetentionPeriod: automatedRetention,
    preferredMaintenanceWindow: window,
    clusterVersion: "1.0",
    allowVersionUpgrade: req.AllowVersionUpgrade ?? true,
    enhancedVpcRouting: req.EnhancedVpcRouting ?? false,
    iamRoles,
    kmsKeyId: req.KmsKeyId,
    tags,
    manualSnapshotRetentionPeriod: manualRetention,
    parameterGroupName: resolvedParameterGroup,
    maintenanceTrackName: req.MaintenanceTrackName ?? "current",
    masterPasswordSecretArn: managedPassword ? masterPasswordSecretArn(ctx.scope.region, ctx.scope.account, id, req.MasterUsername) : undefined,
    defaultIamRoleArn: req.DefaultIamRoleArn,
    snapshotScheduleIdentifier,
  };
  beginTransition(cluster, "cluster-create", ctx.now, ctx.delays);
  await scheduleAutomated(ctx, cluster, ctx.now);
  try {
    await ctx.tx.clusters.insert(storedCluster(ctx, cluster));
  } catch (err) {
    if (err instanceof DuplicateKeyError) throw new ClusterAlreadyExists("Cluster already exists");
    throw err;
  }
  return cluster;
}

/** CreateCluster's SnapshotScheduleIdentifier: an existing schedule of the caller's (an empty value is none). */
async function resolveSnapshotSchedule(ctx: DomainContext, raw: string | undefined): Promise<string | undefined> {
  if (raw === undefined || raw === "") return undefined;
  const schedule = await ctx.tx.snapshotSchedules.get(ctx.scope, raw.toLowerCase());
  if (!schedule) throw new SnapshotScheduleNotFound(`Snapshot Schedule ${raw} not found.`);
  return schedule.id;
}
