/**
 * The snapshot shape tables proved against the official SDK, both ways, without a server: each
 * request the SDK serializes decodes (and validates) to the command's input, and every output member
 * we declare parses back (`<Snapshots><Snapshot>`, `<AccountsWithRestoreAccess><AccountWithRestoreAccess>`,
 * `<RestorableNodeTypes><NodeType>`, `<Tags><Tag>`, `<Resources><String>`, `<Errors><SnapshotErrorMessage>`).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  BatchDeleteClusterSnapshotsCommand,
  BatchModifyClusterSnapshotsCommand,
  CopyClusterSnapshotCommand,
  CreateClusterSnapshotCommand,
  DeleteClusterSnapshotCommand,
  DescribeClusterSnapshotsCommand,
  ModifyClusterSnapshotCommand,
  RedshiftClient,
} from "@aws-sdk/client-redshift";
import type { ClusterSnapshot } from "../../src/domain/entities.js";
import { redshift } from "../../src/services/redshift/index.js";
import { SnapshotShape, snapshotToWire } from "../../src/services/redshift/snapshots/shapes.js";
import { assertPopulated, plain, roundTrip as sharedRoundTrip } from "./roundtrip.js";

async function roundTrip(name: string, command: { input: object }, output: Record<string, unknown> | undefined): Promise<unknown> {
  return (await sharedRoundTrip(RedshiftClient, redshift, name, command, output)).parsed;
}

const T = Date.UTC(2026, 0, 5, 10, 0, 0);
const ENTITY: ClusterSnapshot = {
  account: "111111111111",
  region: "us-east-1",
  id: "snap-1",
  createdAt: T,
  status: "available",
  snapshotType: "manual",
  clusterIdentifier: "analytics",
  source: {
    clusterIdentifier: "analytics",
    clusterCreateTime: T - 3_600_000,
    nodeType: "dc2.large",
    numberOfNodes: 2,
    port: 5440,
    dbName: "sales",
    masterUsername: "admin",
    subnetGroupName: "sng",
    vpcId: "vpc-0123456789abcdef0",
    availabilityZone: "us-east-1a",
    securityGroupIds: ["sg-0123456789abcdef0"],
    publiclyAccessible: false,
    encrypted: true,
    kmsKeyId: "arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab",
    azRelocation: false,
    multiAz: false,
    parameterGroupName: "default.redshift-1.0",
    maintenanceTrackName: "trailing",
    enhancedVpcRouting: true,
    iamRoles: [],
    clusterVersion: "1.0",
    allowVersionUpgrade: true,
    automatedSnapshotRetentionPeriod: 1,
    manualSnapshotRetentionPeriod: -1,
    preferredMaintenanceWindow: "sat:03:00-sat:03:30",
    masterPasswordSecretArn: "arn:aws:secretsmanager:us-east-1:111111111111:secret:redshift!analytics-admin-AbCdEf",
    namespaceId: "00000000-0000-4000-8000-000000000000",
  },
  retentionPeriod: 7,
  retentionStart: T + 60_000,
  sizeMb: 64,
  accountsWithRestoreAccess: ["222222222222"],
  tags: [{ Key: "env", Value: "prod <&>" }],
};
const SNAPSHOT = {
  ...snapshotToWire(ENTITY, T + 120_000),
  // Both members of the list item, as AWS answers for AWS Support beside an account.
  AccountsWithRestoreAccess: [{ AccountId: "222222222222", AccountAlias: "amazon-redshift-support" }],
  KmsKeyId: ENTITY.source.kmsKeyId,
};

describe("Snapshot shapes round-trip through @aws-sdk/client-redshift", () => {
  it("the fixture populates every member the Snapshot shape declares", () => {
    assertPopulated(SnapshotShape, SNAPSHOT, "Snapshot");
  });

  it("snapshotToWire: the mapper fills what clients read (ARN, remaining days, restorable types, AWS Support's alias)", () => {
    const wire = snapshotToWire({ ...ENTITY, accountsWithRestoreAccess: ["222222222222", "amazon-redshift-support"] }, T + 60_000 + 86_400_000 + 1);
    assert.equal(wire.SnapshotArn, "arn:aws:redshift:us-east-1:111111111111:snapshot:analytics/snap-1");
    assert.equal(wire.ManualSnapshotRemainingDays, 6);
    assert.deepEqual(wire.AccountsWithRestoreAccess, [{ AccountId: "222222222222" }, { AccountAlias: "amazon-redshift-support" }]);
    assert.deepEqual(wire.RestorableNodeTypes, ["dc2.large", "ra3.large", "ra3.xlplus", "ra3.4xlarge", "ra3.16xlarge"]);
    assert.equal(wire.EngineFullVersion, "1.0.76969");
    const automated = snapshotToWire({ ...ENTITY, snapshotType: "automated" }, T);
    assert.equal(automated.ManualSnapshotRetentionPeriod, undefined);
    assert.equal(automated.SnapshotRetentionStartTime, undefined);
  });

  it("CreateClusterSnapshot: every member and Tags.Tag.N decode; the snapshot comes back whole", async () => {
    const parsed = await roundTrip(
      "CreateClusterSnapshot",
      new CreateClusterSnapshotCommand({ SnapshotIdentifier: "snap-1", ClusterIdentifier: "analytics", ManualSnapshotRetentionPeriod: 7, Tags: [{ Key: "env", Value: "prod" }] }),
      { Snapshot: SNAPSHOT },
    );
    assert.deepEqual(parsed, { Snapshot: plain(SNAPSHOT) });
  });

  it("DescribeClusterSnapshots: every filter decodes (SortingEntities.SnapshotSortingEntity.N, TagKeys.TagKey.N); <Snapshots><Snapshot> and the Marker parse", async () => {
    const out = { Snapshots: [SNAPSHOT, { ...SNAPSHOT, SnapshotIdentifier: "snap-2", Tags: [] }], Marker: "rl1.next" };
    const parsed = await roundTrip(
      "DescribeClusterSnapshots",
      new DescribeClusterSnapshotsCommand({
        ClusterIdentifier: "analytics",
        SnapshotIdentifier: "snap-1",
        SnapshotArn: "arn:aws:redshift:us-east-1:111111111111:snapshot:analytics/snap-1",
        SnapshotType: "manual",
        StartTime: new Date(T),
        EndTime: new Date(T + 1000),
        MaxRecords: 20,
        Marker: "rl1.x",
        OwnerAccount: "111111111111",
        TagKeys: ["env"],
        TagValues: ["prod", "dev"],
        ClusterExists: true,
        SortingEntities: [{ Attribute: "CREATE_TIME", SortOrder: "DESC" }, { Attribute: "TOTAL_SIZE" }],
      }),
      out,
    );
    assert.deepEqual(parsed, plain(out));
    assert.deepEqual(await roundTrip("DescribeClusterSnapshots", new DescribeClusterSnapshotsCommand({}), { Snapshots: [] }), { Snapshots: [] });
  });

  it("Modify/Copy/DeleteClusterSnapshot: the requests decode; the snapshot parses", async () => {
    for (const [name, command] of [
      ["ModifyClusterSnapshot", new ModifyClusterSnapshotCommand({ SnapshotIdentifier: "snap-1", ManualSnapshotRetentionPeriod: 3, Force: true })],
      [
        "CopyClusterSnapshot",
        new CopyClusterSnapshotCommand({ SourceSnapshotIdentifier: "rs:analytics-2026-01-05-10-00-00", SourceSnapshotClusterIdentifier: "analytics", TargetSnapshotIdentifier: "keep", ManualSnapshotRetentionPeriod: -1 }),
      ],
      ["DeleteClusterSnapshot", new DeleteClusterSnapshotCommand({ SnapshotIdentifier: "snap-1", SnapshotClusterIdentifier: "analytics" })],
    ] as const) {
      assert.deepEqual(await roundTrip(name, command, { Snapshot: SNAPSHOT }), { Snapshot: plain(SNAPSHOT) }, name);
    }
  });

  it("BatchDelete/BatchModifyClusterSnapshots: Identifiers.DeleteClusterSnapshotMessage.N and SnapshotIdentifierList.String.N decode; Resources and Errors parse", async () => {
    const out = {
      Resources: ["a", "b"],
      Errors: [{ SnapshotIdentifier: "c", SnapshotClusterIdentifier: "analytics", FailureCode: "ClusterSnapshotNotFound", FailureReason: "Snapshot c not found." }],
    };
    const del = await roundTrip(
      "BatchDeleteClusterSnapshots",
      new BatchDeleteClusterSnapshotsCommand({ Identifiers: [{ SnapshotIdentifier: "a" }, { SnapshotIdentifier: "c", SnapshotClusterIdentifier: "analytics" }] }),
      out,
    );
    assert.deepEqual(del, out);
    const mod = await roundTrip(
      "BatchModifyClusterSnapshots",
      new BatchModifyClusterSnapshotsCommand({ SnapshotIdentifierList: ["a", "b", "c"], ManualSnapshotRetentionPeriod: 5, Force: false }),
      out,
    );
    assert.deepEqual(mod, out);
  });
});
