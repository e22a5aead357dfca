/**
 * ModifyCluster (https://docs.aws.amazon.com/redshift/latest/APIReference/API_ModifyCluster.html): the
 * cluster must be `available`; every given parameter is validated as on
 * create, the resulting configuration must be coherent (options.ts), and the cluster goes `modifying` →
 * `available`. Resize, public access, enhanced VPC routing and the master password are pending until
 * then (pending.ts); the rest applies at once, including a rename (the new identifier is reserved
 * immediately, so no other cluster can take it meanwhile).
 *
 * Decision (docs/differences-from-aws.md, Clusters; AWS's docs are silent): while the cluster has
 * endpoint authorizations or
 * Redshift-managed endpoints (from any account), a rename, a port change, or a change that would make the
 * cluster ineligible for endpoints (disabling relocation without Multi-AZ, …) is refused with
 * InvalidClusterState: grants and endpoints are keyed by the identifier and carry the port and address.
 */
import type { DomainContext } from "../context.js";
import type { Cluster, PendingClusterModifications } from "../entities.js";
import { ClusterAlreadyExists, InvalidClusterState, InvalidParameterCombination, InvalidParameterValue } from "../errors.js";
import { applyAutomatedRetention } from "../snapshots/automated.js";
import { beginTransition } from "../lifecycle.js";
import { describePortRanges, nodeTypeSpec, portAllowed } from "./node-types.js";
import { allocateNodes, checkNodeQuota, resolveNodeCount } from "./nodes.js";
import { checkClusterOptions, checkClusterVersion, checkEncrypted, checkMaintenanceTrack, masterPasswordSecretArn } from "./options.js";
import { checkZoneMove, place, resolveSecurityGroups, subnetGroupFor } from "./placement.js";
import {
  checkAutomatedRetention,
  checkManualRetention,
  checkMasterUserPassword,
  checkParameterGroupName,
  normaliseClusterIdentifier,
  normaliseMaintenanceWindow,
} from "./rules.js";
import { getClusterForUpdate } from "./describe.js";
import { resolveClusterParameterGroup } from "../parameter-groups/rules.js";
import { requireStatus, supportsManagedEndpoints } from "./status.js";

export interface ModifyClusterRequest {
  ClusterIdentifier: string;
  ClusterType?: string;
  NodeType?: string;
  NumberOfNodes?: number;
  VpcSecurityGroupIds?: string[];
  MasterUserPassword?: string;
  ManageMasterPassword?: boolean;
  ClusterParameterGroupName?: string;
  AutomatedSnapshotRetentionPeriod?: number;
  ManualSnapshotRetentionPeriod?: number;
  PreferredMaintenanceWindow?: string;
  ClusterVersion?: string;
  AllowVersionUpgrade?: boolean;
  NewClusterIdentifier?: string;
  PubliclyAccessible?: boolean;
  EnhancedVpcRouting?: boolean;
  MaintenanceTrackName?: string;
  Encrypted?: boolean;
  KmsKeyId?: string;
  AvailabilityZoneRelocation?: boolean;
  AvailabilityZone?: string;
  Port?: number;
  MultiAZ?: boolean;
}

export async function modifyCluster(ctx: DomainContext, req: ModifyClusterRequest): Promise<Cluster> {
  const cluster = await getClusterForUpdate(ctx, req.ClusterIdentifier);
  requireStatus(cluster);

  // The configuration the request asks for.
  const nodeType = req.NodeType ?? cluster.nodeType;
  const spec = nodeTypeSpec(nodeType);
  if (!spec) throw new InvalidParameterValue(`Invalid node type: ${nodeType}.`);
  const resizing = req.NodeType !== undefined || req.NumberOfNodes !== undefined || req.ClusterType !== undefined;
  const numberOfNodes = resizing
    ? resolveNodeCount(nodeType, req.ClusterType, req.NumberOfNodes ?? (req.ClusterType === "single-node" ? undefined : cluster.numberOfNodes))
    : cluster.numberOfNodes;
  if (req.Port !== undefined && !portAllowed(nodeType, req.Port)) {
    throw new InvalidParameterValue(`Invalid value ${req.Port} for parameter Port: clusters with ${nodeType} nodes accept ports ${describePortRanges(nodeType)}.`);
  }
  const publiclyAccessible = req.PubliclyAccessible ?? cluster.publiclyAccessible;
  const multiAz = req.MultiAZ ?? cluster.multiAz;
  const azRelocation = req.AvailabilityZoneRelocation ?? cluster.azRelocation;
  checkClusterOptions({ nodeType, numberOfNodes, publiclyAccessible, azRelocation, multiAz });
  checkZoneMove(cluster.availabilityZone, req.AvailabilityZone, azRelocation);
  checkEncrypted(req.Encrypted);
  checkClusterVersion(req.ClusterVersion);
  checkMaintenanceTrack(req.MaintenanceTrackName);
  if (req.AutomatedSnapshotRetentionPeriod !== undefined || req.NodeType !== undefined) {
    checkAutomatedRetention(req.AutomatedSnapshotRetentionPeriod ?? cluster.automatedSnapshotRetentionPeriod, spec.family !== "dc2");
  }
  if (req.ManualSnapshotRetentionPeriod !== undefined) checkManualRetention(req.ManualSnapshotRetentionPeriod);
  if (req.ClusterParameterGroupName !== undefined) checkParameterGroupName(req.ClusterParameterGroupName);
  const window = req.PreferredMaintenanceWindow !== undefined ? normaliseMaintenanceWindow(req.PreferredMaintenanceWindow) : undefined;
  if (req.MasterUserPassword !== undefined) {
    if (req.ManageMasterPassword === true) throw new InvalidParameterCombination("You can't use MasterUserPassword if ManageMasterPassword is true.");
    checkMasterUserPassword(req.MasterUserPassword);
  } else if (req.ManageMasterPassword === false && cluster.masterPasswordSecretArn !== undefined) {
    throw new InvalidParameterCombination("MasterUserPassword is required to turn ManageMasterPassword off.");
  }
  const newId = req.NewClusterIdentifier !== undefined ? normaliseClusterIdentifier(req.NewClusterIdentifier, "NewClusterIdentifier") : cluster.id;
  const renaming = newId !== cluster.id;
  if (renaming && (await ctx.tx.clusters.get(ctx.scope, newId))) throw new ClusterAlreadyExists("Cluster already exists");

  await refuseWhileEndpointsDepend(ctx, cluster, {
    renaming,
    portChange: req.Port !== undefined && req.Port !== cluster.port,
    eligibleAfter: supportsManagedEndpoints({ nodeType, azRelocation, multiAz }),
  });
  if (numberOfNodes > cluster.numberOfNodes) await checkNodeQuota(ctx, numberOfNodes, cluster.id);
  const parameterGroupName =
    req.ClusterParameterGroupName !== undefined ? await resolveClusterParameterGroup(ctx, req.ClusterParameterGroupName) : cluster.parameterGroupName;

  // Where the cluster ends up: a zone move or turning Multi-AZ on needs the subnet group's zones.
  const moving = req.AvailabilityZone !== undefined && req.AvailabilityZone !== cluster.availabilityZone;
  if (moving || multiAz !== cluster.multiAz) {
    const group = await subnetGroupFor(ctx, cluster.subnetGroupName);
    const placement = await place(ctx, group, req.AvailabilityZone ?? cluster.availabilityZone, multiAz);
    cluster.availabilityZone = placement.availabilityZone;
    cluster.secondaryAvailabilityZone = placement.secondaryAvailabilityZone;
    if (moving) {
      cluster.subnetId = placement.subnet.id;
      cluster.subnetCidr = placement.subnet.cidrBlock;
      cluster.nodes = allocateNodes(cluster.subnetCidr, cluster.numberOfNodes, cluster.publiclyAccessible);
    }
  }
  if (req.VpcSecurityGroupIds !== undefined) cluster.securityGroupIds = await resolveSecurityGroups(ctx, cluster.vpcId, req.VpcSecurityGroupIds);

  // Changes that apply at once.
  if (req.Port !== undefined) cluster.port = req.Port;
  cluster.azRelocation = azRelocation;
  cluster.multiAz = multiAz;
  if (window !== undefined) cluster.preferredMaintenanceWindow = window;
  const previousRetention = cluster.automatedSnapshotRetentionPeriod;
  if (req.AutomatedSnapshotRetentionPeriod !== undefined) cluster.automatedSnapshotRetentionPeriod = req.AutomatedSnapshotRetentionPeriod;
  await applyAutomatedRetention(ctx, cluster, previousRetention);
  if (req.ManualSnapshotRetentionPeriod !== undefined) cluster.manualSnapshotRetentionPeriod = req.ManualSnapshotRetentionPeriod;
  if (req.AllowVersionUpgrade !== undefined) cluster.allowVersionUpgrade = req.AllowVersionUpgrade;
  if (parameterGroupName !== cluster.parameterGroupName) {
    // A new group applies at the next reboot, whatever its parameters.
    cluster.parameterGroupName = parameterGroupName;
    cluster.pendingReboot = { group: true };
  }
  if (req.MaintenanceTrackName !== undefined) cluster.maintenanceTrackName = req.MaintenanceTrackName;
  if (req.KmsKeyId !== undefined) cluster.kmsKeyId = req.KmsKeyId;
  if (req.MasterUserPassword !== undefined) cluster.masterPasswordSecretArn = undefined;
  else if (req.ManageMasterPassword === true && cluster.masterPasswordSecretArn === undefined) {
    cluster.masterPasswordSecretArn = masterPasswordSecretArn(cluster.region, cluster.account, newId, cluster.masterUsername);
  }

  // Changes that take effect when the modification completes.
  const pending: PendingClusterModifications = {};
  if (nodeType !== cluster.nodeType) pending.nodeType = nodeType;
  if (numberOfNodes !== cluster.numberOfNodes) pending.numberOfNodes = numberOfNodes;
  if (req.MasterUserPassword !== undefined) pending.masterUserPassword = true;
  if (publiclyAccessible !== cluster.publiclyAccessible) pending.publiclyAccessible = publiclyAccessible;
  if (req.EnhancedVpcRouting !== undefined && req.EnhancedVpcRouting !== cluster.enhancedVpcRouting) pending.enhancedVpcRouting = req.EnhancedVpcRouting;
  cluster.pendingModifications = Object.keys(pending).length > 0 ? pending : undefined;

  if (!renaming) {
    beginTransition(cluster, "cluster-modify", ctx.now, ctx.delays);
    await ctx.tx.clusters.update(cluster);
    return cluster;
  }
  const renamed: Cluster = { ...cluster, id: newId };
  beginTransition(renamed, "cluster-modify", ctx.now, ctx.delays);
  await ctx.tx.clusters.remove(cluster, cluster.id);
  await ctx.tx.clusters.insert(renamed);
  // Usage limits follow the cluster to its new identifier.
  for (const limit of await ctx.tx.usageLimits.find({ account: cluster.account, region: cluster.region, clusterId: cluster.id })) {
    await ctx.tx.usageLimits.update({ ...limit, clusterId: newId });
  }
  // So do its automated snapshots, which live and die with it; manual snapshots keep the identifier they were taken under.
  for (const snapshot of await ctx.tx.snapshots.find({ account: cluster.account, region: cluster.region, clusterIdentifier: cluster.id, snapshotType: "automated" })) {
    await ctx.tx.snapshots.update({ ...snapshot, clusterIdentifier: newId });
  }
  return renamed;
}

async function refuseWhileEndpointsDepend(
  ctx: DomainContext,
  cluster: Cluster,
  change: { renaming: boolean; portChange: boolean; eligibleAfter: boolean },
): Promise<void> {
  const losesEligibility = supportsManagedEndpoints(cluster) && !change.eligibleAfter;
  if (!change.renaming && !change.portChange && !losesEligibility) return;
  const grants = await ctx.tx.authorizations.count({ account: cluster.account, region: cluster.region, clusterId: cluster.id });
  const endpoints = await ctx.tx.endpoints.count({ region: cluster.region, clusterOwner: cluster.account, clusterId: cluster.id });
  if (grants + endpoints === 0) return;
  const what = change.renaming ? "renamed" : change.portChange ? "given another port" : "made ineligible for Redshift-managed VPC endpoints";
  throw new InvalidClusterState(
    `Cluster ${cluster.id} cannot be ${what} while it has endpoint authorizations or Redshift-managed VPC endpoints (${grants} grants, ${endpoints} endpoints).`,
  );
}
