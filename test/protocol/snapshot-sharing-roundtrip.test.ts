/**
 * The snapshot-sharing and restore shape tables proved against the official SDK, both ways, without
 * a server: AuthorizeSnapshotAccess / RevokeSnapshotAccess / RestoreFromClusterSnapshot requests with
 * every member decode (and validate) to the command's input (`VpcSecurityGroupIds.VpcSecurityGroupId.N`,
 * `IamRoles.IamRoleArn.N`); the Snapshot and the restored Cluster with its `RestoreStatus` parse back.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { AuthorizeSnapshotAccessCommand, RedshiftClient, RestoreFromClusterSnapshotCommand, RevokeSnapshotAccessCommand } from "@aws-sdk/client-redshift";
import { redshift } from "../../src/services/redshift/index.js";
import { plain, roundTrip as sharedRoundTrip } from "./roundtrip.js";

async function roundTrip(name: string, command: { input: object }, output: Record<string, unknown> | undefined): Promise<unknown> {
  return (await sharedRoundTrip(RedshiftClient, redshift, name, command, output)).parsed;
}

const SNAPSHOT = {
  SnapshotIdentifier: "snap",
  ClusterIdentifier: "analytics",
  Status: "available",
  OwnerAccount: "111111111111",
  AccountsWithRestoreAccess: [{ AccountId: "222222222222" }, { AccountAlias: "amazon-redshift-support" }],
  SnapshotArn: "arn:aws:redshift:us-east-1:111111111111:snapshot:analytics/snap",
};

const RESTORED = {
  ClusterIdentifier: "copy",
  ClusterStatus: "creating",
  NodeType: "ra3.xlplus",
  NumberOfNodes: 2,
  RestoreStatus: {
    Status: "restoring",
    CurrentRestoreRateInMegaBytesPerSecond: 8.533,
    SnapshotSizeInMegaBytes: 1536,
    ProgressInMegaBytes: 512,
    ElapsedTimeInSeconds: 60,
    EstimatedTimeToCompletionInSeconds: 120,
  },
};

describe("snapshot sharing and restore shapes round-trip through @aws-sdk/client-redshift", () => {
  it("AuthorizeSnapshotAccess / RevokeSnapshotAccess: every member decodes; the Snapshot with both forms of AccountWithRestoreAccess parses", async () => {
    for (const [name, command] of [
      [
        "AuthorizeSnapshotAccess",
        new AuthorizeSnapshotAccessCommand({ SnapshotIdentifier: "snap", SnapshotClusterIdentifier: "analytics", AccountWithRestoreAccess: "222222222222" }),
      ],
      ["AuthorizeSnapshotAccess", new AuthorizeSnapshotAccessCommand({ SnapshotArn: SNAPSHOT.SnapshotArn, AccountWithRestoreAccess: "amazon-redshift-support" })],
      [
        "RevokeSnapshotAccess",
        new RevokeSnapshotAccessCommand({ SnapshotArn: SNAPSHOT.SnapshotArn, SnapshotClusterIdentifier: "analytics", AccountWithRestoreAccess: "222222222222" }),
      ],
    ] as const) {
      assert.deepEqual(await roundTrip(name, command, { Snapshot: SNAPSHOT }), { Snapshot: plain(SNAPSHOT) }, name);
    }
  });

  it("RestoreFromClusterSnapshot: every member decodes (lists included); the Cluster and its RestoreStatus parse", async () => {
    const command = new RestoreFromClusterSnapshotCommand({
      ClusterIdentifier: "copy",
      SnapshotArn: SNAPSHOT.SnapshotArn,
      SnapshotClusterIdentifier: "analytics",
      OwnerAccount: "111111111111",
      NodeType: "ra3.4xlarge",
      NumberOfNodes: 4,
      Port: 5440,
      AvailabilityZone: "us-east-1b",
      ClusterSubnetGroupName: "sng",
      VpcSecurityGroupIds: ["sg-0123456789abcdef0", "sg-0123456789abcdef1"],
      PubliclyAccessible: false,
      AvailabilityZoneRelocation: true,
      MultiAZ: false,
      AllowVersionUpgrade: false,
      ClusterParameterGroupName: "params",
      PreferredMaintenanceWindow: "sun:01:00-sun:01:30",
      AutomatedSnapshotRetentionPeriod: 7,
      ManualSnapshotRetentionPeriod: -1,
      KmsKeyId: "key",
      Encrypted: true,
      EnhancedVpcRouting: true,
      IamRoles: ["arn:aws:iam::222222222222:role/A", "arn:aws:iam::222222222222:role/B"],
      DefaultIamRoleArn: "arn:aws:iam::222222222222:role/A",
      MaintenanceTrackName: "trailing",
      SnapshotScheduleIdentifier: "nightly",
      ManageMasterPassword: true,
      MasterPasswordSecretKmsKeyId: "key",
      AquaConfigurationStatus: "auto",
      IpAddressType: "ipv4",
    });
    assert.deepEqual(await roundTrip("RestoreFromClusterSnapshot", command, { Cluster: RESTORED }), { Cluster: plain(RESTORED) });
  });
});
