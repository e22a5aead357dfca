/**
 * RestoreFromClusterSnapshot through the SDK: the restored cluster's configuration, its lifecycle and
 * RestoreStatus on a ManualClock, restores across accounts, and every refusal in order.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CreateClusterCommand, CreateClusterSnapshotCommand, DescribeClustersCommand, type Cluster } from "@aws-sdk/client-redshift";
import { GRANTEE, GRANTOR, expectAwsError, type Clients } from "../helpers.js";
import { SNAPSHOT_ARN, restore, share, sharingWorld } from "../fixtures/sharing-world.js";
import { createNetwork } from "../fixtures/endpoint-world.js";

async function cluster(clients: Clients, id: string): Promise<Cluster> {
  return (await clients.redshift.send(new DescribeClustersCommand({ ClusterIdentifier: id }))).Clusters![0]!;
}

describe("RestoreFromClusterSnapshot", () => {
  describe("behaviour", () => {
    it("RestoreFromClusterSnapshot: the new cluster has the snapshot's configuration, the default parameter group, and goes creating → available", async () => {
      await using w = await sharingWorld();
      const out = await w.owner.redshift.send(restore({}));
      const created = out.Cluster!;
      assert.equal(created.ClusterIdentifier, "restored");
      assert.equal(created.ClusterStatus, "creating");
      assert.equal(created.NodeType, "ra3.xlplus");
      assert.equal(created.NumberOfNodes, 2);
      assert.equal(created.DBName, "sales");
      assert.equal(created.MasterUsername, "admin");
      assert.equal(created.PreferredMaintenanceWindow, "tue:05:00-tue:05:30");
      assert.equal(created.ClusterParameterGroups?.[0]?.ParameterGroupName, "default.redshift-1.0");
      assert.equal(created.Encrypted, true);
      assert.equal(created.RestoreStatus?.Status, "restoring");
      const settled = await cluster(w.owner, "restored");
      assert.equal(settled.ClusterStatus, "available");
      assert.equal(settled.Endpoint?.Port, 5440);
      assert.equal(settled.RestoreStatus?.Status, "completed");
      assert.equal(settled.RestoreStatus?.EstimatedTimeToCompletionInSeconds, 0);
      assert.ok((settled.RestoreStatus?.SnapshotSizeInMegaBytes ?? 0) > 0);
      assert.equal(settled.RestoreStatus?.ProgressInMegaBytes, settled.RestoreStatus?.SnapshotSizeInMegaBytes);
      const source = await cluster(w.owner, "source");
      assert.equal(source.RestoreStatus, undefined, "a created cluster has no RestoreStatus");
    });

    it("RestoreFromClusterSnapshot: the restore runs for the cluster-create delay, its progress on the emulator's clock", async () => {
      await using w = await sharingWorld({ delays: { "cluster-create": 100_000 } });
      await w.owner.redshift.send(restore({}));
      w.clock.advance(40_000);
      const midway = await cluster(w.owner, "restored");
      assert.equal(midway.ClusterStatus, "creating");
      assert.equal(midway.RestoreStatus?.Status, "restoring");
      assert.equal(midway.RestoreStatus?.ElapsedTimeInSeconds, 40);
      assert.equal(midway.RestoreStatus?.EstimatedTimeToCompletionInSeconds, 60);
      const size = midway.RestoreStatus?.SnapshotSizeInMegaBytes ?? 0;
      assert.equal(midway.RestoreStatus?.ProgressInMegaBytes, Math.floor(size * 0.4));
      w.clock.advance(60_000);
      const done = await cluster(w.owner, "restored");
      assert.equal(done.ClusterStatus, "available");
      assert.equal(done.RestoreStatus?.Status, "completed");
      assert.equal(done.RestoreStatus?.ElapsedTimeInSeconds, 100);
    });

    it("RestoreFromClusterSnapshot: overrides node type and count (RA3 elastic restore), port, window, retention, relocation", async () => {
      await using w = await sharingWorld();
      const out = await w.owner.redshift.send(
        restore({
          NodeType: "ra3.4xlarge",
          NumberOfNodes: 4,
          Port: 5450,
          PreferredMaintenanceWindow: "Sun:01:00-Sun:01:30",
          AutomatedSnapshotRetentionPeriod: 7,
          ManualSnapshotRetentionPeriod: 30,
          AvailabilityZoneRelocation: false,
        }),
      );
      const c = out.Cluster!;
      assert.deepEqual([c.NodeType, c.NumberOfNodes, c.PreferredMaintenanceWindow], ["ra3.4xlarge", 4, "sun:01:00-sun:01:30"]);
      assert.deepEqual([c.AutomatedSnapshotRetentionPeriod, c.ManualSnapshotRetentionPeriod, c.AvailabilityZoneRelocationStatus], [7, 30, "disabled"]);
      assert.equal((await cluster(w.owner, "restored")).Endpoint?.Port, 5450);
    });

    it("RestoreFromClusterSnapshot: availability zone relocation follows the snapshot's cluster unless the request sets it", async () => {
      await using w = await sharingWorld();
      assert.equal((await w.owner.redshift.send(restore({ ClusterIdentifier: "same" }))).Cluster?.AvailabilityZoneRelocationStatus, "enabled");
      await w.owner.redshift.send(
        new CreateClusterCommand({
          ClusterIdentifier: "fixed",
          NodeType: "ra3.xlplus",
          NumberOfNodes: 2,
          MasterUsername: "admin",
          MasterUserPassword: "Passw0rd1",
          AvailabilityZoneRelocation: false,
        }),
      );
      await w.owner.redshift.send(new DescribeClustersCommand({ ClusterIdentifier: "fixed" }));
      await w.owner.redshift.send(new CreateClusterSnapshotCommand({ SnapshotIdentifier: "fixed-snap", ClusterIdentifier: "fixed" }));
      await w.owner.redshift.send(new DescribeClustersCommand({ ClusterIdentifier: "fixed" }));
      const restored = await w.owner.redshift.send(restore({ ClusterIdentifier: "fixed-copy", SnapshotIdentifier: "fixed-snap" }));
      assert.equal(restored.Cluster?.AvailabilityZoneRelocationStatus, "disabled");
      const overridden = await w.owner.redshift.send(restore({ ClusterIdentifier: "moved", SnapshotIdentifier: "fixed-snap", AvailabilityZoneRelocation: true }));
      assert.equal(overridden.Cluster?.AvailabilityZoneRelocationStatus, "enabled");
    });

    it("RestoreFromClusterSnapshot: into a named subnet group, zone and security group of the caller", async () => {
      await using w = await sharingWorld();
      const net = await createNetwork(w.owner, "10.20.0.0/16", "restore-sng");
      const out = await w.owner.redshift.send(
        restore({ ClusterSubnetGroupName: "restore-sng", AvailabilityZone: "us-east-1b", VpcSecurityGroupIds: [net.sgId] }),
      );
      const c = out.Cluster!;
      assert.deepEqual([c.ClusterSubnetGroupName, c.VpcId, c.AvailabilityZone], ["restore-sng", net.vpcId, "us-east-1b"]);
      assert.deepEqual(c.VpcSecurityGroups?.map((g) => g.VpcSecurityGroupId), [net.sgId]);
    });

    it("RestoreFromClusterSnapshot: the grantee restores a shared snapshot into its own account (OwnerAccount, or the ARN)", async () => {
      await using w = await sharingWorld();
      await share(w);
      const out = await w.grantee.redshift.send(restore({ ClusterIdentifier: "copy", OwnerAccount: GRANTOR, SnapshotClusterIdentifier: "source" }));
      assert.equal(out.Cluster?.ClusterNamespaceArn?.split(":")[4], GRANTEE);
      assert.equal(out.Cluster?.DBName, "sales");
      await w.grantee.redshift.send(restore({ ClusterIdentifier: "copy2", SnapshotIdentifier: undefined, SnapshotArn: SNAPSHOT_ARN }));
      const mine = await w.grantee.redshift.send(new DescribeClustersCommand({}));
      assert.deepEqual(mine.Clusters?.map((c) => c.ClusterIdentifier).sort(), ["copy", "copy2"]);
      const owners = await w.owner.redshift.send(new DescribeClustersCommand({}));
      assert.deepEqual(owners.Clusters?.map((c) => c.ClusterIdentifier), ["source"], "nothing appears in the owner's account");
    });
  });

  describe("refusals", () => {
    it("RestoreFromClusterSnapshot: parameter forms first: ClusterIdentifier, snapshot naming, OwnerAccount", async () => {
      await using w = await sharingWorld();
      const send = (input: Parameters<typeof restore>[0]) => w.owner.redshift.send(restore(input));
      await expectAwsError(send({ ClusterIdentifier: undefined }), "MissingParameter", 400);
      await expectAwsError(send({ ClusterIdentifier: "Bad--id", SnapshotIdentifier: "nope" }), "InvalidParameterValue", 400);
      await expectAwsError(send({ SnapshotArn: SNAPSHOT_ARN }), "InvalidParameterCombination", 400);
      await expectAwsError(send({ SnapshotIdentifier: undefined }), "MissingParameter", 400);
      await expectAwsError(send({ OwnerAccount: "someone" }), "InvalidParameterValue", 400);
      await expectAwsError(send({ PreferredMaintenanceWindow: "mon:01:00-mon:01:10", SnapshotIdentifier: "nope" }), "InvalidParameterValue", 400);
      await expectAwsError(send({ MasterPasswordSecretKmsKeyId: "key", SnapshotIdentifier: "nope" }), "InvalidParameterCombination", 400);
      await expectAwsError(send({ Encrypted: false, SnapshotIdentifier: "nope" }), "InvalidParameterValue", 400);
    });

    it("RestoreFromClusterSnapshot: the snapshot next: not found (before ClusterAlreadyExists), another account's without a grant, not yet available", async () => {
      await using w = await sharingWorld({ delays: { "snapshot-create": 60_000 } });
      const err = await expectAwsError(w.owner.redshift.send(restore({ ClusterIdentifier: "source", SnapshotIdentifier: "nope" })), "ClusterSnapshotNotFoundFault", 404);
      assert.match(err.message, /nope/);
      await expectAwsError(w.owner.redshift.send(restore({ SnapshotClusterIdentifier: "other" })), "ClusterSnapshotNotFoundFault", 404);
      // Shared, but named without OwnerAccount: the grantee's own snapshot of that name does not exist.
      await share(w);
      await expectAwsError(w.grantee.redshift.send(restore({})), "ClusterSnapshotNotFoundFault", 404);
      await w.owner.redshift.send(new CreateClusterSnapshotCommand({ SnapshotIdentifier: "late", ClusterIdentifier: "source" }));
      await expectAwsError(w.owner.redshift.send(restore({ SnapshotIdentifier: "late" })), "InvalidClusterSnapshotStateFault", 400);
    });

    it("RestoreFromClusterSnapshot: node type and count the snapshot cannot restore into are InvalidRestore (406); out of range as on create", async () => {
      await using w = await sharingWorld();
      await expectAwsError(w.owner.redshift.send(restore({ NodeType: "dc2.large" })), "InvalidRestoreFault", 406);
      await expectAwsError(w.owner.redshift.send(restore({ NumberOfNodes: 33 })), "NumberOfNodesPerClusterLimitExceededFault", 400);
      await expectAwsError(w.owner.redshift.send(restore({ NodeType: "ra3.4xlarge", NumberOfNodes: 1 })), "InvalidParameterCombination", 400);
      await w.owner.redshift.send(
        new CreateClusterCommand({ ClusterIdentifier: "small", NodeType: "dc2.large", MasterUsername: "admin", MasterUserPassword: "Passw0rd1" }),
      );
      await w.owner.redshift.send(new DescribeClustersCommand({ ClusterIdentifier: "small" }));
      await w.owner.redshift.send(new CreateClusterSnapshotCommand({ SnapshotIdentifier: "dc2", ClusterIdentifier: "small" }));
      await expectAwsError(w.owner.redshift.send(restore({ SnapshotIdentifier: "dc2", NumberOfNodes: 3 })), "InvalidRestoreFault", 406);
      await expectAwsError(w.owner.redshift.send(restore({ SnapshotIdentifier: "dc2", NodeType: "dc2.8xlarge" })), "InvalidRestoreFault", 406);
      const upgraded = await w.owner.redshift.send(restore({ SnapshotIdentifier: "dc2", NodeType: "ra3.xlplus", NumberOfNodes: 2, Port: 5439 }));
      assert.equal(upgraded.Cluster?.NodeType, "ra3.xlplus");
    });

    it("RestoreFromClusterSnapshot: a port outside the node type's ranges, and RA3 options, as on create", async () => {
      await using w = await sharingWorld();
      await expectAwsError(w.owner.redshift.send(restore({ Port: 1200 })), "InvalidParameterValue", 400);
      await expectAwsError(w.owner.redshift.send(restore({ AvailabilityZoneRelocation: true, PubliclyAccessible: true })), "InvalidParameterCombination", 400);
    });

    it("RestoreFromClusterSnapshot: an existing identifier is ClusterAlreadyExists; the node quota is NumberOfNodesQuotaExceeded", async () => {
      await using w = await sharingWorld({ quotas: { "nodes-per-account": 3 } });
      await expectAwsError(w.owner.redshift.send(restore({ ClusterIdentifier: "source" })), "ClusterAlreadyExistsFault", 400);
      await expectAwsError(w.owner.redshift.send(restore({})), "NumberOfNodesQuotaExceededFault", 400);
    });

    it("RestoreFromClusterSnapshot: the caller's resources last: parameter group, snapshot schedule, subnet group, zone, security group", async () => {
      await using w = await sharingWorld();
      await expectAwsError(w.owner.redshift.send(restore({ ClusterParameterGroupName: "nope" })), "ClusterParameterGroupNotFoundFault", 404);
      await expectAwsError(w.owner.redshift.send(restore({ SnapshotScheduleIdentifier: "nope" })), "SnapshotScheduleNotFoundFault", 400);
      await expectAwsError(w.owner.redshift.send(restore({ ClusterSubnetGroupName: "nope" })), "ClusterSubnetGroupNotFoundFault", 400);
      await createNetwork(w.owner, "10.30.0.0/16", "two-zones");
      await expectAwsError(w.owner.redshift.send(restore({ ClusterSubnetGroupName: "two-zones", AvailabilityZone: "us-east-1c" })), "InvalidVPCNetworkStateFault", 400);
      await expectAwsError(w.owner.redshift.send(restore({ VpcSecurityGroupIds: ["sg-0123456789abcdef0"] })), "InvalidParameterValue", 400);
    });

    it("RestoreFromClusterSnapshot: the grantee's restore uses the grantee's resources, never the owner's subnet group", async () => {
      await using w = await sharingWorld();
      await createNetwork(w.owner, "10.40.0.0/16", "owner-only");
      await share(w);
      await expectAwsError(
        w.grantee.redshift.send(restore({ OwnerAccount: GRANTOR, ClusterSubnetGroupName: "owner-only" })),
        "ClusterSubnetGroupNotFoundFault",
        400,
      );
    });
  });
});
