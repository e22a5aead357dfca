/**
 * RestoreFromClusterSnapshot
 * (https://docs.aws.amazon.com/redshift/latest/APIReference/API_RestoreFromClusterSnapshot.html):
 * a new cluster in the caller's account from one of its own snapshots or from a snapshot another
 * account shared with it (`OwnerAccount`). "By default, Amazon Redshift creates the resulting cluster
 * with the same configuration as the original cluster from which the snapshot was created, except
 * that the new cluster is created with the default cluster security and parameter groups."
 *
 * Check order (AWS documents none; docs/differences-from-aws.md, Snapshot sharing and restore):
 * parameter forms → the snapshot (exists for the caller, available) → node type and count → port,
 * retention and cluster options for the resulting type → ClusterAlreadyExists → node quota →
 * parameter group, snapshot schedule, subnet group, zone and security groups (as CreateCluster).
 * The cluster then goes `creating` → `available` on the `cluster-create` delay and reports
 * `RestoreStatus`.
 */
import type { DomainContext } from "../context.js";
import type { Cluster } from "../entities.js";
import { ClusterAlreadyExists, InvalidClusterSnapshotState, InvalidParameterCombination, InvalidParameterValue } from "../errors.js";
import { uuid } from "../ids.js";
import { beginTransition } from "../lifecycle.js";
import { storedCluster } from "../settle.js";
import { resolveClusterParameterGroup } from "../parameter-groups/rules.js";
import { getSchedule } from "../snapshot-schedules/operations.js";
import { accessibleSnapshot } from "../snapshot-sharing/lookup.js";
import { snapshotTarget } from "../snapshot-sharing/rules.js";
import { scheduleAutomated } from "../snapshots/automated.js";
import { DuplicateKeyError } from "../../store/store.js";
import { checkCreateRoles } from "./iam-roles.js";
import { describePortRanges, nodeTypeSpec, portAllowed } from "./node-types.js";
import { checkNodeQuota } from "./nodes.js";
import { DEFAULT_PARAMETER_GROUP, checkClusterOptions, checkEncrypted, checkMaintenanceTrack, defaultRelocation, masterPasswordSecretArn } from "./options.js";
import { placeCluster } from "./placement.js";
import { restoreNodes } from "./restore-rules.js";
import { checkAutomatedRetention, checkManualRetention, checkParameterGroupName, normaliseClusterIdentifier, normaliseMaintenanceWindow } from "./rules.js";

export interface RestoreClusterRequest {
  readonly clusterIdentifier: string;
  readonly snapshotIdentifier?: string | undefined;
  readonly snapshotArn?: string | undefined;
  readonly snapshotClusterIdentifier?: string | undefined;
  readonly ownerAccount?: string | undefined;
  readonly nodeType?: string | undefined;
  readonly numberOfNodes?: number | undefined;
  readonly port?: number | undefined;
  readonly availabilityZone?: string | undefined;
  readonly clusterSubnetGroupName?: string | undefined;
  readonly vpcSecurityGroupIds?: string[] | undefined;
  readonly publiclyAccessible?: boolean | undefined;
  readonly availabilityZoneRelocation?: boolean | undefined;
  readonly multiAz?: boolean | undefined;
  readonly allowVersionUpgrade?: boolean | undefined;
  readonly clusterParameterGroupName?: string | undefined;
  readonly preferredMaintenanceWindow?: string | undefined;
  readonly automatedSnapshotRetentionPeriod?: number | undefined;
  readonly manualSnapshotRetentionPeriod?: number | undefined;
  readonly kmsKeyId?: string | undefined;
  readonly encrypted?: boolean | undefined;
  readonly enhancedVpcRouting?: boolean | undefined;
  readonly iamRoles?: string[] | undefined;
  readonly defaultIamRoleArn?: string | undefined;
  readonly maintenanceTrackName?: string | undefined;
  readonly snapshotScheduleIdentifier?: string | undefined;
  readonly manageMasterPassword?: boolean | undefined;
  readonly masterPasswordSecretKmsKeyId?: string | undefined;
}

export async function restoreFromClusterSnapshot(ctx: DomainContext, req: RestoreClusterRequest): Promise<Cluster> {
  // 1. Parameter forms, before anything is read.
  const id = normaliseClusterIdentifier(req.clusterIdentifier);
  const target = snapshotTarget(ctx.scope, req);
  if (req.masterPasswordSecretKmsKeyId !== undefined && req.manageMasterPassword !== true) {
    throw new InvalidParameterCombination("You can use MasterPasswordSecretKmsKeyId only if ManageMasterPassword is true.");
  }
  checkEncrypted(req.encrypted);
  checkMaintenanceTrack(req.maintenanceTrackName);
  const window = req.preferredMaintenanceWindow !== undefined ? normaliseMaintenanceWindow(req.preferredMaintenanceWindow) : undefined;
  if (req.manualSnapshotRetentionPeriod !== undefined) checkManualRetention(req.manualSnapshotRetentionPeriod);
  const parameterGroupName = req.clusterParameterGroupName ?? DEFAULT_PARAMETER_GROUP;
  checkParameterGroupName(parameterGroupName);
  const iamRoles = checkCreateRoles(ctx, req.iamRoles ?? [], req.defaultIamRoleArn);

  // 2. The snapshot, as the caller may see it.
  const snapshot = await accessibleSnapshot(ctx, target);
  if (snapshot.status !== "available") {
    throw new InvalidClusterSnapshotState(`Snapshot ${snapshot.id} is ${snapshot.status}; only an available snapshot can be restored.`);
  }
  const source = snapshot.source;
  const own = snapshot.account === ctx.scope.account;

  // 3. The resulting cluster's shape.
  const { nodeType, numberOfNodes } = restoreNodes(source, req.nodeType, req.numberOfNodes);
  const spec = nodeTypeSpec(nodeType)!;
  const port = req.port ?? source.port;
  if (!portAllowed(nodeType, port)) {
    throw new InvalidParameterValue(`Invalid value ${port} for parameter Port: clusters with ${nodeType} nodes accept ports ${describePortRanges(nodeType)}.`);
  }
  const automatedRetention = req.automatedSnapshotRetentionPeriod ?? source.automatedSnapshotRetentionPeriod;
  checkAutomatedRetention(automatedRetention, spec.family !== "dc2");
  const publiclyAccessible = req.publiclyAccessible ?? false;
  const multiAz = req.multiAz ?? false;
  // The snapshot's setting carries over ("the same configuration as the original cluster") where the
  // resulting cluster allows it.
  const azRelocation = req.availabilityZoneRelocation ?? (source.azRelocation && defaultRelocation(nodeType, publiclyAccessible, multiAz));
  checkClusterOptions({ nodeType, numberOfNodes, publiclyAccessible, azRelocation, multiAz });

  // 4. Uniqueness and quotas in the caller's account.
  if (await ctx.tx.clusters.get(ctx.scope, id)) throw new ClusterAlreadyExists("Cluster already exists");
  await checkNodeQuota(ctx, numberOfNodes);

  // 5. Where it goes (the caller's resources; a shared snapshot's subnet group is the owner's, so
  //    the grantee's restore defaults to its own `default` group).
  const resolvedParameterGroup = await resolveClusterParameterGroup(ctx, parameterGroupName);
  const schedule = req.snapshotScheduleIdentifier !== undefined ? await getSchedule(ctx, req.snapshotScheduleIdentifier) : undefined;
  const groupName = req.clusterSubnetGroupName ?? (own ? await ownGroupIfPresent(ctx, source.subnetGroupName) : undefined);
  const network = await placeCluster(ctx, {
    subnetGroupName: groupName,
    availabilityZone: req.availabilityZone,
    vpcSecurityGroupIds: req.vpcSecurityGroupIds,
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
    masterUsername: source.masterUsername,
    dbName: source.dbName,
    port,
    ...network,
    publiclyAccessible,
    encrypted: true,
    azRelocation,
    multiAz,
    namespaceId: uuid(),
    automatedSnapshotRetentionPeriod: automatedRetention,
    preferredMaintenanceWindow: window ?? source.preferredMaintenanceWindow,
    clusterVersion: source.clusterVersion,
    allowVersionUpgrade: req.allowVersionUpgrade ?? true,
    enhancedVpcRouting: req.enhancedVpcRouting ?? false,
    iamRoles,
    // The owner's key stays the owner's: a grantee's cluster uses the key it names, else AWS's.
    kmsKeyId: req.kmsKeyId ?? (own ? source.kmsKeyId : undefined),
    tags: [],
    manualSnapshotRetentionPeriod: req.manualSnapshotRetentionPeriod ?? source.manualSnapshotRetentionPeriod,
    parameterGroupName: resolvedParameterGroup,
    maintenanceTrackName: req.maintenanceTrackName ?? source.maintenanceTrackName,
    masterPasswordSecretArn:
      req.manageMasterPassword === true ? masterPasswordSecretArn(ctx.scope.region, ctx.scope.account, id, source.masterUsername) : undefined,
    defaultIamRoleArn: req.defaultIamRoleArn,
    snapshotScheduleIdentifier: schedule?.id,
    restore: {
      sourceAccount: snapshot.account,
      snapshotIdentifier: snapshot.id,
      snapshotSizeInMegaBytes: snapshot.sizeMb,
      startedAt: ctx.now,
      durationMs: ctx.delays["cluster-create"],
    },
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

/** The source cluster's subnet group, when the caller still has it (else the `default` group). */
async function ownGroupIfPresent(ctx: DomainContext, name: string): Promise<string | undefined> {
  return (await ctx.tx.subnetGroups.get(ctx.scope, name.toLowerCase())) ? name : undefined;
}
