/**
 * Wire shapes shared by the cluster operations, and the one mapper from a Cluster entity to the
 * model's `Cluster` structure. List item names are the model's xmlName of each list member
 * (@aws-sdk/client-redshift 3.1169 schemas): `<VpcSecurityGroups><VpcSecurityGroup>`,
 * `<ClusterParameterGroups><ClusterParameterGroup>`, `<IamRoles><ClusterIamRole>`, `<Tags><Tag>`,
 * `<ClusterSecurityGroups><ClusterSecurityGroup>`, and `<ClusterNodes><member>` (no xmlName);
 * test/protocol/redshift-cluster-roundtrip.test.ts proves them through the SDK.
 */
import type { Cluster } from "../../../domain/entities.js";
import { redshiftAddressSuffix } from "../../../domain/ids.js";
import { arnPartition } from "../../../domain/network/zones.js";
import { clusterIamRoles } from "../../../domain/clusters/iam-roles.js";
import { clusterTypeOf } from "../../../domain/clusters/nodes.js";
import { totalStorageMiB } from "../../../domain/clusters/node-types.js";
import { clusterPublicKey, revisionNumber } from "../../../domain/clusters/public-key.js";
import { restoreStatus, type RestoreStatusView } from "../../../domain/clusters/restore-rules.js";
import { nextMaintenanceWindowStart } from "../../../domain/clusters/rules.js";
import { availabilityStatus } from "../../../domain/clusters/status.js";
import { parameterGroupStatus } from "../../../domain/parameter-groups/clusters.js";
import type { ClusterScheduleFields } from "../../../domain/snapshot-schedules/cluster-fields.js";
import { boolean, integer, list, string, structure, timestamp, type ValueOf } from "../../../protocol/shapes.js";

export const Tag = structure({ Key: string(), Value: string() });
export const TagList = list(Tag, "Tag");
export const TagKeyList = list(string(), "TagKey");
export const TagValueList = list(string(), "TagValue");

const VpcSecurityGroupMembership = structure({ VpcSecurityGroupId: string(), Status: string() });
const ClusterSecurityGroupMembership = structure({ ClusterSecurityGroupName: string(), Status: string() });
const ClusterParameterStatus = structure({ ParameterName: string(), ParameterApplyStatus: string() });
const ClusterParameterGroupStatus = structure({
  ParameterGroupName: string(),
  ParameterApplyStatus: string(),
  ClusterParameterStatusList: list(ClusterParameterStatus),
});
const ClusterNode = structure({ NodeRole: string(), PrivateIPAddress: string(), PublicIPAddress: string() });
const ClusterIamRole = structure({ IamRoleArn: string(), ApplyStatus: string() });

export const ClusterShape = structure({
  ClusterIdentifier: string(),
  NodeType: string(),
  ClusterStatus: string(),
  ClusterAvailabilityStatus: string(),
  MasterUsername: string(),
  DBName: string(),
  Endpoint: structure({ Address: string(), Port: integer() }),
  ClusterCreateTime: timestamp,
  AutomatedSnapshotRetentionPeriod: integer(),
  ManualSnapshotRetentionPeriod: integer(),
  ClusterSecurityGroups: list(ClusterSecurityGroupMembership, "ClusterSecurityGroup"),
  VpcSecurityGroups: list(VpcSecurityGroupMembership, "VpcSecurityGroup"),
  ClusterParameterGroups: list(ClusterParameterGroupStatus, "ClusterParameterGroup"),
  ClusterSubnetGroupName: string(),
  VpcId: string(),
  AvailabilityZone: string(),
  PreferredMaintenanceWindow: string(),
  PendingModifiedValues: structure({
    MasterUserPassword: string(),
    NodeType: string(),
    NumberOfNodes: integer(),
    ClusterType: string(),
    PubliclyAccessible: boolean,
    EnhancedVpcRouting: boolean,
  }),
  ClusterVersion: string(),
  AllowVersionUpgrade: boolean,
  NumberOfNodes: integer(),
  PubliclyAccessible: boolean,
  Encrypted: boolean,
  ClusterPublicKey: string(),
  ClusterNodes: list(ClusterNode),
  ClusterRevisionNumber: string(),
  Tags: TagList,
  KmsKeyId: string(),
  EnhancedVpcRouting: boolean,
  IamRoles: list(ClusterIamRole, "ClusterIamRole"),
  MaintenanceTrackName: string(),
  NextMaintenanceWindowStartTime: timestamp,
  AvailabilityZoneRelocationStatus: string(),
  ClusterNamespaceArn: string(),
  TotalStorageCapacityInMegaBytes: integer(),
  AquaConfiguration: structure({ AquaStatus: string(), AquaConfigurationStatus: string() }),
  DefaultIamRoleArn: string(),
  SnapshotScheduleIdentifier: string(),
  SnapshotScheduleState: string(),
  ExpectedNextSnapshotScheduleTime: timestamp,
  ExpectedNextSnapshotScheduleTimeStatus: string(),
  MasterPasswordSecretArn: string(),
  IpAddressType: string(),
  MultiAZ: string(),
  MultiAZSecondary: structure({ AvailabilityZone: string() }),
  // Sizes and rates are the model's Long/Double: numbers on the wire, as integer() writes them.
  RestoreStatus: structure({
    Status: string(),
    CurrentRestoreRateInMegaBytesPerSecond: integer(),
    SnapshotSizeInMegaBytes: integer(),
    ProgressInMegaBytes: integer(),
    ElapsedTimeInSeconds: integer(),
    EstimatedTimeToCompletionInSeconds: integer(),
  }),
});

export type ClusterWire = ValueOf<typeof ClusterShape>;

/** Output of Create/Modify/Delete/Pause/Resume/Reboot: `<XResult><Cluster>…</Cluster></XResult>`. */
export const ClusterResult = structure({ Cluster: ClusterShape });

/** The cluster's DNS name: `<id>.<12-char account token>.<region>.redshift.amazonaws.com` [BLOG-MWAA]. */
export function clusterAddress(cluster: Pick<Cluster, "id" | "account" | "region">): string {
  return `${cluster.id}.${redshiftAddressSuffix(cluster.account, cluster.region)}`;
}

function parameterGroupStatusToWire(c: Cluster): ValueOf<typeof ClusterParameterGroupStatus> {
  const status = parameterGroupStatus(c);
  return {
    ParameterGroupName: status.name,
    ParameterApplyStatus: status.applyStatus,
    ClusterParameterStatusList: status.parameters.map((p) => ({ ParameterName: p.name, ParameterApplyStatus: p.applyStatus })),
  };
}

/**
 * The model's `Cluster` for one entity. `schedule` carries the snapshot-schedule fields that need the
 * schedule itself (clusterWire loads it); without it only the identifier and state are given.
 */
export function clusterToWire(c: Cluster, now: number, schedule?: ClusterScheduleFields): ClusterWire {
  const pending = c.pendingModifications;
  return {
    ClusterIdentifier: c.id,
    NodeType: c.nodeType,
    ClusterStatus: c.status,
    ClusterAvailabilityStatus: availabilityStatus(c.status),
    MasterUsername: c.masterUsername,
    DBName: c.dbName,
    // AWS has no endpoint to report until the cluster exists (omitted while creating).
    Endpoint: c.status === "creating" ? undefined : { Address: clusterAddress(c), Port: c.port },
    ClusterCreateTime: c.createdAt,
    AutomatedSnapshotRetentionPeriod: c.automatedSnapshotRetentionPeriod,
    ManualSnapshotRetentionPeriod: c.manualSnapshotRetentionPeriod,
    ClusterSecurityGroups: [],
    VpcSecurityGroups: c.securityGroupIds.map((id) => ({ VpcSecurityGroupId: id, Status: "active" })),
    ClusterParameterGroups: [parameterGroupStatusToWire(c)],
    ClusterSubnetGroupName: c.subnetGroupName,
    VpcId: c.vpcId,
    AvailabilityZone: c.availabilityZone,
    PreferredMaintenanceWindow: c.preferredMaintenanceWindow,
    PendingModifiedValues:
      pending === undefined
        ? undefined
        : {
            MasterUserPassword: pending.masterUserPassword ? "****" : undefined,
            NodeType: pending.nodeType,
            NumberOfNodes: pending.numberOfNodes,
            ClusterType: pending.numberOfNodes !== undefined ? clusterTypeOf(pending.numberOfNodes) : undefined,
            PubliclyAccessible: pending.publiclyAccessible,
            EnhancedVpcRouting: pending.enhancedVpcRouting,
          },
    ClusterVersion: c.clusterVersion,
    AllowVersionUpgrade: c.allowVersionUpgrade,
    NumberOfNodes: c.numberOfNodes,
    PubliclyAccessible: c.publiclyAccessible,
    Encrypted: c.encrypted,
    ClusterPublicKey: clusterPublicKey(c),
    ClusterNodes: c.nodes.map((n) => ({ NodeRole: n.role, PrivateIPAddress: n.privateIp, PublicIPAddress: n.publicIp })),
    ClusterRevisionNumber: revisionNumber(c),
    Tags: c.tags,
    KmsKeyId: c.kmsKeyId,
    EnhancedVpcRouting: c.enhancedVpcRouting,
    IamRoles: clusterIamRoles(c).map((r) => ({ IamRoleArn: r.arn, ApplyStatus: r.applyStatus })),
    MaintenanceTrackName: c.maintenanceTrackName,
    NextMaintenanceWindowStartTime: nextMaintenanceWindowStart(c.preferredMaintenanceWindow, now),
    AvailabilityZoneRelocationStatus: c.azRelocation ? "enabled" : "disabled",
    ClusterNamespaceArn: `arn:${arnPartition(c.region)}:redshift:${c.region}:${c.account}:namespace:${c.namespaceId}`,
    TotalStorageCapacityInMegaBytes: totalStorageMiB(c.nodeType, c.numberOfNodes),
    AquaConfiguration: { AquaStatus: "disabled", AquaConfigurationStatus: "auto" },
    DefaultIamRoleArn: c.defaultIamRoleArn,
    SnapshotScheduleIdentifier: c.snapshotScheduleIdentifier,
    SnapshotScheduleState: c.snapshotScheduleIdentifier === undefined ? undefined : (schedule?.state ?? "ACTIVE"),
    ExpectedNextSnapshotScheduleTime: schedule?.expectedNext?.at,
    ExpectedNextSnapshotScheduleTimeStatus: schedule?.expectedNext?.status,
    MasterPasswordSecretArn: c.masterPasswordSecretArn,
    IpAddressType: "ipv4",
    MultiAZ: c.multiAz ? "Enabled" : "Disabled",
    MultiAZSecondary: c.multiAz && c.secondaryAvailabilityZone !== undefined ? { AvailabilityZone: c.secondaryAvailabilityZone } : undefined,
    RestoreStatus: c.restore === undefined ? undefined : restoreStatusToWire(restoreStatus(c.restore, c.status === "creating", now)),
  };
}

function restoreStatusToWire(r: RestoreStatusView): NonNullable<ClusterWire["RestoreStatus"]> {
  return {
    Status: r.status,
    CurrentRestoreRateInMegaBytesPerSecond: r.currentRestoreRateInMegaBytesPerSecond,
    SnapshotSizeInMegaBytes: r.snapshotSizeInMegaBytes,
    ProgressInMegaBytes: r.progressInMegaBytes,
    ElapsedTimeInSeconds: r.elapsedTimeInSeconds,
    EstimatedTimeToCompletionInSeconds: r.estimatedTimeToCompletionInSeconds,
  };
}
