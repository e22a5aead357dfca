/**
 * The model's `Snapshot` structure and its one mapper, shared by every snapshot operation. List item
 * names per the SDK schema: `<Snapshots><Snapshot>`, `<AccountsWithRestoreAccess><AccountWithRestoreAccess>`,
 * `<RestorableNodeTypes><NodeType>`, `<Tags><Tag>`, `<Resources><String>`, `<Errors><SnapshotErrorMessage>`;
 * test/protocol/snapshots-roundtrip.test.ts proves them through the SDK. The model's Double and Long
 * members carry whole numbers here, so they are declared as integers.
 */
import type { ClusterSnapshot } from "../../../domain/entities.js";
import { arnPartition } from "../../../domain/network/zones.js";
import { revisionNumber } from "../../../domain/clusters/public-key.js";
import { SUPPORT_ACCOUNT } from "../../../domain/snapshot-sharing/rules.js";
import { remainingDays, restorableNodeTypes } from "../../../domain/snapshots/rules.js";
import { boolean, integer, list, string, structure, timestamp, type ValueOf } from "../../../protocol/shapes.js";
import { TagList } from "../clusters/shapes.js";

const AccountWithRestoreAccess = structure({ AccountId: string(), AccountAlias: string() });

export const SnapshotShape = structure({
  SnapshotIdentifier: string(),
  ClusterIdentifier: string(),
  SnapshotCreateTime: timestamp,
  Status: string(),
  Port: integer(),
  AvailabilityZone: string(),
  ClusterCreateTime: timestamp,
  MasterUsername: string(),
  ClusterVersion: string(),
  EngineFullVersion: string(),
  SnapshotType: string(),
  NodeType: string(),
  NumberOfNodes: integer(),
  DBName: string(),
  VpcId: string(),
  Encrypted: boolean,
  KmsKeyId: string(),
  EncryptedWithHSM: boolean,
  AccountsWithRestoreAccess: list(AccountWithRestoreAccess, "AccountWithRestoreAccess"),
  OwnerAccount: string(),
  TotalBackupSizeInMegaBytes: integer(),
  ActualIncrementalBackupSizeInMegaBytes: integer(),
  BackupProgressInMegaBytes: integer(),
  CurrentBackupRateInMegaBytesPerSecond: integer(),
  EstimatedSecondsToCompletion: integer(),
  ElapsedTimeInSeconds: integer(),
  SourceRegion: string(),
  Tags: TagList,
  RestorableNodeTypes: list(string(), "NodeType"),
  EnhancedVpcRouting: boolean,
  MaintenanceTrackName: string(),
  ManualSnapshotRetentionPeriod: integer(),
  ManualSnapshotRemainingDays: integer(),
  SnapshotRetentionStartTime: timestamp,
  MasterPasswordSecretArn: string(),
  SnapshotArn: string(),
});

export const SnapshotList = list(SnapshotShape, "Snapshot");
export const SnapshotResult = structure({ Snapshot: SnapshotShape });

export function snapshotArn(s: Pick<ClusterSnapshot, "account" | "region" | "id" | "clusterIdentifier">): string {
  return `arn:${arnPartition(s.region)}:redshift:${s.region}:${s.account}:snapshot:${s.clusterIdentifier}/${s.id}`;
}

/**
 * `AccountsWithRestoreAccess` is "visible only to the snapshot owner" and "null if no accounts are
 * authorized"; AWS Support appears under its alias. `viewer` is the calling account (absent: the owner).
 */
function accountsWithRestoreAccess(s: ClusterSnapshot, viewer: string | undefined): { AccountId?: string; AccountAlias?: string }[] | undefined {
  if ((viewer !== undefined && viewer !== s.account) || s.accountsWithRestoreAccess.length === 0) return undefined;
  return s.accountsWithRestoreAccess.map((a) => (a === SUPPORT_ACCOUNT ? { AccountAlias: a } : { AccountId: a }));
}

export function snapshotToWire(s: ClusterSnapshot, now: number, viewer?: string): ValueOf<typeof SnapshotShape> {
  const src = s.source;
  const available = s.status === "available";
  const manual = s.snapshotType === "manual";
  const elapsedMs = Math.max(0, (available ? (s.retentionStart ?? s.createdAt) : now) - s.createdAt);
  const remainingMs = s.pending !== undefined ? Math.max(0, s.pending.at - now) : 0;
  return {
    SnapshotIdentifier: s.id,
    ClusterIdentifier: s.clusterIdentifier,
    SnapshotCreateTime: s.createdAt,
    Status: s.status,
    Port: src.port,
    AvailabilityZone: src.availabilityZone,
    ClusterCreateTime: src.clusterCreateTime,
    MasterUsername: src.masterUsername,
    ClusterVersion: src.clusterVersion,
    EngineFullVersion: `${src.clusterVersion}.${revisionNumber(src)}`,
    SnapshotType: s.snapshotType,
    NodeType: src.nodeType,
    NumberOfNodes: src.numberOfNodes,
    DBName: src.dbName,
    VpcId: src.vpcId,
    Encrypted: src.encrypted,
    KmsKeyId: src.kmsKeyId,
    EncryptedWithHSM: false,
    AccountsWithRestoreAccess: accountsWithRestoreAccess(s, viewer),
    OwnerAccount: s.account,
    TotalBackupSizeInMegaBytes: s.sizeMb,
    ActualIncrementalBackupSizeInMegaBytes: s.sizeMb,
    BackupProgressInMegaBytes: available ? s.sizeMb : 0,
    CurrentBackupRateInMegaBytesPerSecond: 0,
    EstimatedSecondsToCompletion: Math.ceil(remainingMs / 1000),
    ElapsedTimeInSeconds: Math.floor(elapsedMs / 1000),
    SourceRegion: s.region,
    Tags: s.tags.map((t) => ({ ...t })),
    RestorableNodeTypes: restorableNodeTypes(src.nodeType),
    EnhancedVpcRouting: src.enhancedVpcRouting,
    MaintenanceTrackName: src.maintenanceTrackName,
    ManualSnapshotRetentionPeriod: manual ? s.retentionPeriod : undefined,
    ManualSnapshotRemainingDays: manual ? remainingDays(s, now) : undefined,
    SnapshotRetentionStartTime: manual && available ? s.retentionStart : undefined,
    MasterPasswordSecretArn: src.masterPasswordSecretArn,
    SnapshotArn: snapshotArn(s),
  };
}
