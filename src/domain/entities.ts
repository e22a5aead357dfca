/**
 * Domain entities: what the rules in domain/ reason about. They are neither database rows (see
 * store/sqlite/tables.ts) nor wire shapes (see services/*\/shapes.ts); explicit mappers sit between.
 *
 * Every entity lives in one (account, region) partition and has an `id` unique there, a creation
 * time (epoch ms) and, while a lifecycle transition is under way, `pending` with its due time.
 */
import type { TransitionName } from "./lifecycle.js";

export interface Scope {
  readonly account: string;
  readonly region: string;
}

export interface Pending {
  readonly transition: TransitionName;
  /** Epoch ms at which the transition completes. */
  readonly at: number;
}

export interface Tag {
  Key: string;
  Value: string;
}

export interface EntityBase extends Scope {
  readonly id: string;
  readonly createdAt: number;
  pending?: Pending | undefined;
  /** A due time that is no lifecycle transition (a scheduled action's next run); settle acts on it. */
  dueAt?: number | undefined;
}

// ---- EC2 ------------------------------------------------------------------------------------------
export interface Vpc extends EntityBase {
  /** `vpc-` + 17 hex. */
  readonly id: string;
  cidrBlock: string;
  isDefault: boolean;
  /** CreateVpc's InstanceTenancy; absent means `default`. */
  instanceTenancy?: "default" | "dedicated" | undefined;
  tags: Tag[];
  /** DNS and usage-metrics attributes set by ModifyVpcAttribute; absent means the VPC's default. */
  attributes?: Partial<Record<"enableDnsSupport" | "enableDnsHostnames" | "enableNetworkAddressUsageMetrics", boolean>> | undefined;
}

export interface Subnet extends EntityBase {
  /** `subnet-` + 17 hex. */
  readonly id: string;
  vpcId: string;
  cidrBlock: string;
  availabilityZone: string;
  defaultForAz: boolean;
  mapPublicIpOnLaunch: boolean;
  tags: Tag[];
}

export interface SecurityGroup extends EntityBase {
  /** `sg-` + 17 hex. */
  readonly id: string;
  vpcId: string;
  groupName: string;
  description: string;
  tags: Tag[];
  /** Absent until a rule is authorized or revoked: the group then has the rules AWS gives a new group. */
  rules?: SecurityGroupRule[] | undefined;
}

/** One security group rule: a direction, a protocol with its port range, and exactly one peer. */
export interface SecurityGroupRule {
  /** `sgr-` + 17 hex. */
  readonly id: string;
  readonly egress: boolean;
  /** `-1` (all), `tcp`, `udp`, `icmp`, `icmpv6`, or another protocol number. */
  readonly protocol: string;
  /** Absent when the protocol has no ports (`-1`, other numbers). ICMP: type and code. */
  readonly fromPort?: number | undefined;
  readonly toPort?: number | undefined;
  readonly cidrIpv4?: string | undefined;
  readonly cidrIpv6?: string | undefined;
  /** A referenced security group (same account and VPC). */
  readonly groupId?: string | undefined;
  readonly description?: string | undefined;
  readonly tags?: Tag[] | undefined;
}

// ---- Redshift -------------------------------------------------------------------------------------
export interface ClusterSubnetGroup extends EntityBase {
  /** The group name, lower-cased (AWS stores names lowercase). */
  readonly id: string;
  description: string;
  vpcId: string;
  subnetIds: string[];
  tags: Tag[];
}

export type ClusterStatus =
  | "creating"
  | "available"
  | "modifying"
  | "pausing"
  | "paused"
  | "resuming"
  | "rebooting"
  | "final-snapshot"
  | "deleting";

export interface Cluster extends EntityBase {
  /** ClusterIdentifier, lower-cased. */
  readonly id: string;
  status: ClusterStatus;
  nodeType: string;
  numberOfNodes: number;
  masterUsername: string;
  dbName: string;
  port: number;
  /** `default` when the cluster was placed in the default VPC without a named group. */
  subnetGroupName: string;
  vpcId: string;
  availabilityZone: string;
  securityGroupIds: string[];
  publiclyAccessible: boolean;
  encrypted: boolean;
  azRelocation: boolean;
  multiAz: boolean;
  /** Namespace UUID (in ClusterNamespaceArn). */
  namespaceId: string;
  automatedSnapshotRetentionPeriod: number;
  preferredMaintenanceWindow: string;
  clusterVersion: string;
  allowVersionUpgrade: boolean;
  enhancedVpcRouting: boolean;
  /** Associated IAM role ARNs, in association order (those being added or removed included). */
  iamRoles: string[];
  /** Roles of `iamRoles` not yet in sync, by ARN; applied when `cluster-iam-roles` completes. */
  iamRoleChanges?: Record<string, "adding" | "removing"> | undefined;
  kmsKeyId?: string | undefined;
  finalSnapshotIdentifier?: string | undefined;
  tags: Tag[];
  /** The subnet (of the subnet group, in `availabilityZone`) the nodes live in, and its CIDR. */
  subnetId: string;
  subnetCidr: string;
  /** Multi-AZ clusters: the second zone. */
  secondaryAvailabilityZone?: string | undefined;
  nodes: ClusterNode[];
  /** -1 = keep manual snapshots forever. */
  manualSnapshotRetentionPeriod: number;
  parameterGroupName: string;
  maintenanceTrackName: string;
  /** Set when ManageMasterPassword is on (the password then lives in Secrets Manager). */
  masterPasswordSecretArn?: string | undefined;
  defaultIamRoleArn?: string | undefined;
  /** Audit logging (EnableLogging / DisableLogging); absent until logging is first enabled. */
  auditLogging?: AuditLogging | undefined;
  /**
   * Parameter changes waiting for a reboot: `group` after the cluster moved to another parameter
   * group, else the names of static parameters of its group that changed since the last reboot.
   * Absent: in sync.
   */
  pendingReboot?: { group?: boolean | undefined; parameters?: string[] | undefined } | undefined;
  /** Changes a ModifyCluster started that take effect when `cluster-modify` completes. */
  pendingModifications?: PendingClusterModifications | undefined;
  /** The snapshot schedule associated with ModifyClusterSnapshotSchedule (its id). */
  snapshotScheduleIdentifier?: string | undefined;
  /**
   * The next automated snapshot (epoch ms), stored as the cluster's `dueAt`: settle takes it while the
   * cluster is available (domain/snapshots/automated.ts). Absent when automated snapshots are off.
   */
  dueAt?: number | undefined;
  /** Set on a cluster created by RestoreFromClusterSnapshot: where it came from and how long the restore takes. */
  restore?: ClusterRestore | undefined;
}

/** What a restored cluster remembers of its restore (for `RestoreStatus`). */
export interface ClusterRestore {
  /** The snapshot's owner account (the caller's own, or the account that shared it). */
  readonly sourceAccount: string;
  readonly snapshotIdentifier: string;
  readonly snapshotSizeInMegaBytes: number;
  /** Epoch ms the restore began (the cluster's creation). */
  readonly startedAt: number;
  /** The `cluster-create` delay the restore runs for. */
  readonly durationMs: number;
}

export interface AuditLogging {
  enabled: boolean;
  destinationType: "s3" | "cloudwatch";
  bucketName?: string | undefined;
  s3KeyPrefix?: string | undefined;
  logExports: string[];
  /** Epoch ms of the EnableLogging call that set the current destination. */
  lastSuccessfulDeliveryTime?: number | undefined;
}

export interface ClusterNode {
  /** `SHARED` (single-node), `LEADER`, `COMPUTE-0`, … */
  role: string;
  privateIp: string;
  publicIp?: string | undefined;
}

export interface PendingClusterModifications {
  nodeType?: string | undefined;
  numberOfNodes?: number | undefined;
  /** A new master password was set (it is never stored). */
  masterUserPassword?: boolean | undefined;
  publiclyAccessible?: boolean | undefined;
  enhancedVpcRouting?: boolean | undefined;
}

/** A cluster parameter group created by the user (the default group of each family is not stored). */
export interface ClusterParameterGroup extends EntityBase {
  /** ParameterGroupName, lower-cased (AWS stores names lowercase). */
  readonly id: string;
  family: string;
  description: string;
  /** Values the user set (ModifyClusterParameterGroup), by parameter name; the others are the family's defaults. */
  values: Record<string, string>;
  tags: Tag[];
}

export type UsageLimitFeatureType = "spectrum" | "concurrency-scaling" | "cross-region-datasharing" | "extra-compute-for-automatic-optimization";
export type UsageLimitLimitType = "time" | "data-scanned";
export type UsageLimitPeriod = "daily" | "weekly" | "monthly";
export type UsageLimitBreachAction = "log" | "emit-metric" | "disable";

/** A usage limit on one feature of one cluster of the partition. */
export interface UsageLimit extends EntityBase {
  /** `rul-` + 12 [a-z0-9]. */
  readonly id: string;
  /** The cluster's id (lower-cased identifier). */
  clusterId: string;
  featureType: UsageLimitFeatureType;
  limitType: UsageLimitLimitType;
  /** Minutes (time) or terabytes (data-scanned). */
  amount: number;
  period: UsageLimitPeriod;
  breachAction: UsageLimitBreachAction;
  tags: Tag[];
}

/** An authentication profile: a named JSON document of driver options, per account and region. */
export interface AuthenticationProfile extends EntityBase {
  /** AuthenticationProfileName as given (names are case-sensitive). */
  readonly id: string;
  /** The JSON text as the caller sent it. */
  content: string;
}

/** A snapshot schedule (CreateSnapshotSchedule); clusters name it by `snapshotScheduleIdentifier`. */
export interface SnapshotSchedule extends EntityBase {
  /** ScheduleIdentifier, lower-cased. */
  readonly id: string;
  definitions: string[];
  description?: string | undefined;
  /** Epoch ms of the create or last modify: where `rate()` definitions count from. */
  anchor: number;
  tags: Tag[];
}

export type ScheduledActionType = "PauseCluster" | "ResumeCluster" | "ResizeCluster";

/** A scheduled action (CreateScheduledAction): runs its target on the server's clock while enabled. */
export interface ScheduledAction extends EntityBase {
  /** ScheduledActionName, lower-cased. */
  readonly id: string;
  name: string;
  targetType: ScheduledActionType;
  /** The target's members as given (ClusterIdentifier, and for ResizeCluster its sizes). */
  target: {
    ClusterIdentifier: string;
    ClusterType?: string | undefined;
    NodeType?: string | undefined;
    NumberOfNodes?: number | undefined;
    Classic?: boolean | undefined;
  };
  /** The target cluster's id (lower-cased), indexed for the cluster-identifier filter. */
  clusterId: string;
  schedule: string;
  iamRole: string;
  description?: string | undefined;
  startTime?: number | undefined;
  endTime?: number | undefined;
  enabled: boolean;
  /** Runs so far and the outcome of the last one (for the record; AWS reports them as events). */
  lastRun?: { at: number; outcome: "succeeded" | "skipped"; reason?: string | undefined } | undefined;
}

export type AuthorizationStatus = "Authorized" | "Revoking";

/** A grant from a cluster owner (the partition's account) to another account. */
export interface Authorization extends EntityBase {
  /** `${clusterId}/${grantee}`. */
  readonly id: string;
  /** = account (the grantor). */
  clusterId: string;
  grantee: string;
  status: AuthorizationStatus;
  allowedAllVpcs: boolean;
  allowedVpcs: string[];
  endpointCount: number;
  /**
   * Random id of this grant's incarnation: an endpoint records the grant it was created under, so an
   * endpoint left over from an earlier grant (its cluster was deleted and re-created, and the grant
   * with it) never decrements the new grant's EndpointCount.
   */
  uid: string;
}

/**
 * One account's right to restore one manual snapshot (AuthorizeSnapshotAccess), kept in the snapshot
 * owner's partition. Its key `${snapshotId}/${grantee}` makes a duplicate grant impossible in the
 * database; the `grantee` index lets a grantee find what was shared with it across owner partitions.
 */
export interface SnapshotGrant extends EntityBase {
  /** `${snapshotId}/${grantee}`. */
  readonly id: string;
  /** The snapshot's id (its SnapshotIdentifier, lower-cased) in the owner's partition. */
  snapshotId: string;
  /** The account allowed to restore it (a 12-digit account id, or `amazon-redshift-support`). */
  grantee: string;
}

export type EndpointStatus = "creating" | "active" | "modifying" | "deleting";

/** A Redshift-managed VPC endpoint, owned by the partition's account. */
export interface Endpoint extends EntityBase {
  /** EndpointName, lower-cased (names are unique case-insensitively). */
  readonly id: string;
  /** EndpointName as given. */
  name: string;
  status: EndpointStatus;
  clusterId: string;
  /** Account that owns the cluster (= account for same-account endpoints). */
  clusterOwner: string;
  subnetGroupName: string;
  vpcId: string;
  port: number;
  address: string;
  securityGroupIds: string[];
  /** `uid` of the grant a cross-account endpoint was created under (absent for same-account ones). */
  authorizationUid?: string | undefined;
  vpcEndpointId: string;
  networkInterface: {
    networkInterfaceId: string;
    subnetId: string;
    privateIpAddress: string;
    availabilityZone: string;
  };
}

export type SnapshotStatus = "creating" | "available";
export type SnapshotType = "manual" | "automated";

/**
 * The source cluster's configuration as it was when a snapshot was taken: what a restore recreates
 * (RestoreFromClusterSnapshot) and what the `Snapshot` shape reports.
 */
export interface SnapshotSource {
  /** The cluster's id (lower-cased identifier) and creation time. */
  clusterIdentifier: string;
  clusterCreateTime: number;
  nodeType: string;
  numberOfNodes: number;
  port: number;
  dbName: string;
  masterUsername: string;
  subnetGroupName: string;
  vpcId: string;
  availabilityZone: string;
  securityGroupIds: string[];
  publiclyAccessible: boolean;
  encrypted: boolean;
  kmsKeyId?: string | undefined;
  azRelocation: boolean;
  multiAz: boolean;
  parameterGroupName: string;
  maintenanceTrackName: string;
  enhancedVpcRouting: boolean;
  iamRoles: string[];
  defaultIamRoleArn?: string | undefined;
  clusterVersion: string;
  allowVersionUpgrade: boolean;
  automatedSnapshotRetentionPeriod: number;
  manualSnapshotRetentionPeriod: number;
  preferredMaintenanceWindow: string;
  masterPasswordSecretArn?: string | undefined;
  snapshotScheduleIdentifier?: string | undefined;
  namespaceId: string;
}

/** A cluster snapshot (manual, automated or final), owned by the partition's account. */
export interface ClusterSnapshot extends EntityBase {
  /** SnapshotIdentifier, lower-cased: unique per account and region (automated: `rs:CLUSTER-YYYY-MM-DD-HH-MM-SS`). */
  readonly id: string;
  status: SnapshotStatus;
  snapshotType: SnapshotType;
  /** The source cluster's id (indexed for the ClusterIdentifier filter). */
  clusterIdentifier: string;
  source: SnapshotSource;
  /**
   * Manual: days kept from `retentionStart` (-1 = forever). Automated: the cluster's
   * AutomatedSnapshotRetentionPeriod, kept in step by ModifyCluster. `dueAt` is the expiry.
   */
  retentionPeriod: number;
  /** Epoch ms the retention counts from (the snapshot's completion, or the last ModifyClusterSnapshot). */
  retentionStart: number;
  /** TotalBackupSizeInMegaBytes. */
  sizeMb: number;
  /**
   * Accounts that may restore the snapshot (AuthorizeSnapshotAccess), in grant order; filled by the
   * snapshot sharing operations.
   */
  accountsWithRestoreAccess: string[];
  tags: Tag[];
}

export interface EntityKinds {
  vpcs: Vpc;
  subnets: Subnet;
  securityGroups: SecurityGroup;
  subnetGroups: ClusterSubnetGroup;
  clusters: Cluster;
  authorizations: Authorization;
  endpoints: Endpoint;
  parameterGroups: ClusterParameterGroup;
  usageLimits: UsageLimit;
  authenticationProfiles: AuthenticationProfile;
  snapshotSchedules: SnapshotSchedule;
  scheduledActions: ScheduledAction;
  snapshots: ClusterSnapshot;
  snapshotGrants: SnapshotGrant;
}
export type EntityKind = keyof EntityKinds;
