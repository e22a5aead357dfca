import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  AuthorizeEndpointAccessCommand,
  CreateClusterParameterGroupCommand,
  CreateClusterSubnetGroupCommand,
  CreateEndpointAccessCommand,
  ModifyClusterCommand,
  PauseClusterCommand,
  RevokeEndpointAccessCommand,
  type ModifyClusterCommandInput,
} from "@aws-sdk/client-redshift";
import { GRANTEE, GRANTOR, clientsFor, expectAwsError, startServer, type Clients } from "../helpers.js";
import { clockedServer, createCluster, createNet, defaultNet, describeCluster } from "../fixtures/clusters-world.js";

const modify = (c: Clients, input: Omit<ModifyClusterCommandInput, "ClusterIdentifier"> & { ClusterIdentifier?: string }) =>
  c.redshift.send(new ModifyClusterCommand({ ClusterIdentifier: "wh", ...input })).then((out) => out.Cluster!);

describe("ModifyCluster", () => {
  describe("behaviour", () => {
    it("ModifyCluster: a resize is pending while `modifying` and takes effect when the modification completes", async () => {
      const { rs, clock } = await clockedServer({ delays: { "cluster-modify": 60_000 } });
      await using _rs = rs;
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "wh", { NodeType: "ra3.xlplus", NumberOfNodes: 2 });
      const out = await modify(c, { NodeType: "ra3.4xlarge", NumberOfNodes: 4 });
      assert.equal(out.ClusterStatus, "modifying");
      assert.equal(out.ClusterAvailabilityStatus, "Modifying");
      assert.equal(out.NodeType, "ra3.xlplus");
      assert.equal(out.NumberOfNodes, 2);
      assert.deepEqual(out.PendingModifiedValues, { NodeType: "ra3.4xlarge", NumberOfNodes: 4, ClusterType: "multi-node" });
      clock.advance(59_999);
      assert.equal((await describeCluster(c, "wh")).ClusterStatus, "modifying");
      clock.advance(1);
      const done = await describeCluster(c, "wh");
      assert.equal(done.ClusterStatus, "available");
      assert.equal(done.NodeType, "ra3.4xlarge");
      assert.equal(done.NumberOfNodes, 4);
      assert.equal(done.ClusterNodes!.length, 5);
      assert.equal(done.PendingModifiedValues, undefined);
      assert.equal(done.TotalStorageCapacityInMegaBytes, 4 * 128 * 1024 * 1024);
    });

    it("ModifyCluster: a new master password shows as **** until applied and is never echoed", async () => {
      const { rs, clock } = await clockedServer({ delays: { "cluster-modify": 1000 } });
      await using _rs = rs;
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "wh");
      const out = await modify(c, { MasterUserPassword: "N3wSecret" });
      assert.deepEqual(out.PendingModifiedValues, { MasterUserPassword: "****" });
      clock.advance(1000);
      assert.equal((await describeCluster(c, "wh")).PendingModifiedValues, undefined);
    });

    it("ModifyCluster: port, security groups, window, retention and engine settings apply at once", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      const net = await createNet(c, 20);
      await c.redshift.send(new CreateClusterSubnetGroupCommand({ ClusterSubnetGroupName: "g", Description: "g", SubnetIds: net.subnetIds }));
      await createCluster(c, "wh", { ClusterSubnetGroupName: "g" });
      await c.redshift.send(new CreateClusterParameterGroupCommand({ ParameterGroupName: "tuned", ParameterGroupFamily: "redshift-1.0", Description: "d" }));
      const out = await modify(c, {
        Port: 8200,
        VpcSecurityGroupIds: [net.sgId, net.defaultSgId],
        PreferredMaintenanceWindow: "wed:04:00-wed:05:00",
        AutomatedSnapshotRetentionPeriod: 10,
        ManualSnapshotRetentionPeriod: 365,
        AllowVersionUpgrade: false,
        ClusterParameterGroupName: "tuned",
        MaintenanceTrackName: "trailing",
      });
      assert.equal(out.ClusterStatus, "modifying");
      assert.equal(out.Endpoint!.Port, 8200);
      assert.deepEqual(out.VpcSecurityGroups!.map((g) => g.VpcSecurityGroupId), [net.sgId, net.defaultSgId]);
      assert.equal(out.PreferredMaintenanceWindow, "wed:04:00-wed:05:00");
      assert.equal(out.AutomatedSnapshotRetentionPeriod, 10);
      assert.equal(out.ManualSnapshotRetentionPeriod, 365);
      assert.equal(out.AllowVersionUpgrade, false);
      assert.equal(out.ClusterParameterGroups![0]!.ParameterGroupName, "tuned");
      assert.equal(out.MaintenanceTrackName, "trailing");
      assert.equal(out.PendingModifiedValues, undefined);
      const later = await describeCluster(c, "wh");
      assert.equal(later.ClusterStatus, "available");
      assert.equal(later.Endpoint!.Port, 8200);
      const reset = await modify(c, { VpcSecurityGroupIds: [] });
      assert.deepEqual(reset.VpcSecurityGroups!.map((g) => g.VpcSecurityGroupId), [net.defaultSgId], "an empty list means the VPC's default group");
    });

    it("ModifyCluster: relocation can be turned off and on for RA3, never together with public access; public access is pending", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "wh");
      await expectAwsError(modify(c, { PubliclyAccessible: true }), "InvalidParameterCombination", 400);
      assert.equal((await modify(c, { AvailabilityZoneRelocation: false })).AvailabilityZoneRelocationStatus, "disabled");
      const exposed = await modify(c, { PubliclyAccessible: true });
      assert.equal(exposed.PubliclyAccessible, false);
      assert.deepEqual(exposed.PendingModifiedValues, { PubliclyAccessible: true });
      const now = await describeCluster(c, "wh");
      assert.equal(now.PubliclyAccessible, true);
      assert.ok(now.ClusterNodes![0]!.PublicIPAddress);
      await expectAwsError(modify(c, { AvailabilityZoneRelocation: true }), "InvalidParameterCombination", 400);
      await modify(c, { PubliclyAccessible: false });
      assert.equal((await modify(c, { AvailabilityZoneRelocation: true })).AvailabilityZoneRelocationStatus, "enabled");
    });

    it("ModifyCluster: Multi-AZ can be turned on for a 2-node RA3 cluster with relocation off", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "wh", { NumberOfNodes: 2 });
      await expectAwsError(modify(c, { MultiAZ: true }), "InvalidParameterCombination", 400);
      const out = await modify(c, { MultiAZ: true, AvailabilityZoneRelocation: false });
      assert.equal(out.MultiAZ, "Enabled");
      assert.equal(out.MultiAZSecondary?.AvailabilityZone, "us-east-1b");
      assert.equal((await modify(c, { MultiAZ: false })).MultiAZ, "Disabled");
    });

    it("ModifyCluster: with relocation on, AvailabilityZone moves the cluster within its subnet group", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "wh");
      const moved = await modify(c, { AvailabilityZone: "us-east-1c" });
      assert.equal(moved.AvailabilityZone, "us-east-1c");
      assert.match(moved.ClusterNodes![0]!.PrivateIPAddress!, /^172\.31\.(3[2-9]|4[0-7])\./, "nodes in the zone-c default subnet 172.31.32.0/20");
      await createCluster(c, "fixed", { AvailabilityZoneRelocation: false });
      await expectAwsError(modify(c, { ClusterIdentifier: "fixed", AvailabilityZone: "us-east-1b" }), "InvalidParameterCombination", 400);
    });

    it("ModifyCluster: NewClusterIdentifier renames the cluster (lower-cased) and frees the old name", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "wh");
      const renamed = await modify(c, { NewClusterIdentifier: "Warehouse-2" });
      assert.equal(renamed.ClusterIdentifier, "warehouse-2");
      assert.match(renamed.Endpoint!.Address!, /^warehouse-2\./);
      await expectAwsError(describeCluster(c, "wh"), "ClusterNotFoundFault", 404);
      assert.equal((await describeCluster(c, "warehouse-2")).ClusterStatus, "available");
      await createCluster(c, "wh");
    });

    it("ModifyCluster: ManageMasterPassword switches to a Secrets Manager secret and back with a password", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "wh");
      const managed = await modify(c, { ManageMasterPassword: true });
      assert.match(managed.MasterPasswordSecretArn!, /^arn:aws:secretsmanager:us-east-1:111111111111:secret:redshift!wh-admin-/);
      await expectAwsError(modify(c, { ManageMasterPassword: false }), "InvalidParameterCombination", 400);
      await expectAwsError(modify(c, { ManageMasterPassword: true, MasterUserPassword: "Passw0rd2" }), "InvalidParameterCombination", 400);
      const manual = await modify(c, { ManageMasterPassword: false, MasterUserPassword: "Passw0rd2" });
      assert.equal(manual.MasterPasswordSecretArn, undefined);
    });

    it("ModifyCluster: a single-node cluster becomes multi-node with ClusterType and NumberOfNodes", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "wh", { NodeType: "dc2.large" });
      await expectAwsError(modify(c, { ClusterType: "multi-node" }), "InvalidParameterCombination", 400);
      const out = await modify(c, { ClusterType: "multi-node", NumberOfNodes: 3 });
      assert.equal(out.PendingModifiedValues?.NumberOfNodes, 3);
      assert.equal((await describeCluster(c, "wh")).NumberOfNodes, 3);
      await modify(c, { ClusterType: "single-node" });
      assert.deepEqual((await describeCluster(c, "wh")).ClusterNodes!.map((n) => n.NodeRole), ["SHARED"]);
    });
  });

  describe("errors", () => {
    it("ModifyCluster: an unknown cluster is ClusterNotFound (404), also another account's", async () => {
      await using rs = await startServer();
      await createCluster(clientsFor(rs.url, GRANTOR), "wh");
      await expectAwsError(modify(clientsFor(rs.url, GRANTOR), { ClusterIdentifier: "nope", Port: 5440 }), "ClusterNotFoundFault", 404);
      await expectAwsError(modify(clientsFor(rs.url, GRANTEE), { Port: 5440 }), "ClusterNotFoundFault", 404);
    });

    it("ModifyCluster: a cluster that is creating, modifying or paused is InvalidClusterState", async () => {
      const { rs, clock } = await clockedServer({ delays: { "cluster-create": 1000, "cluster-modify": 1000 } });
      await using _rs = rs;
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "wh");
      await expectAwsError(modify(c, { Port: 5440 }), "InvalidClusterStateFault", 400);
      clock.advance(1000);
      await modify(c, { Port: 5440 });
      await expectAwsError(modify(c, { Port: 5441 }), "InvalidClusterStateFault", 400);
      clock.advance(1000);
      await c.redshift.send(new PauseClusterCommand({ ClusterIdentifier: "wh" }));
      clock.advance(1000);
      assert.equal((await describeCluster(c, "wh")).ClusterStatus, "paused");
      await expectAwsError(modify(c, { Port: 5441 }), "InvalidClusterStateFault", 400);
    });

    it("ModifyCluster: invalid values are InvalidParameterValue and change nothing", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "wh");
      const bad: Omit<ModifyClusterCommandInput, "ClusterIdentifier">[] = [
        { Port: 5439 + 100 },
        { NodeType: "ds2.xlarge" },
        { NumberOfNodes: 0 },
        { MasterUserPassword: "weak" },
        { NewClusterIdentifier: "bad--name" },
        { PreferredMaintenanceWindow: "mon:01:00" },
        { AutomatedSnapshotRetentionPeriod: 0 },
        { Encrypted: false },
        { VpcSecurityGroupIds: ["sg-00000000000000000"] },
        { AvailabilityZone: "us-west-2a" },
      ];
      for (const input of bad) await expectAwsError(modify(c, input), "InvalidParameterValue", 400);
      const still = await describeCluster(c, "wh");
      assert.equal(still.ClusterStatus, "available");
      assert.equal(still.Endpoint!.Port, 5439);
    });

    it("ModifyCluster: renaming onto an existing cluster is ClusterAlreadyExists", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "wh");
      await createCluster(c, "other");
      await expectAwsError(modify(c, { NewClusterIdentifier: "OTHER" }), "ClusterAlreadyExistsFault", 400);
    });

    it("ModifyCluster: moving to dc2 with relocation on is UnsupportedOperation; too many nodes are limit errors", async () => {
      await using rs = await startServer({ quotas: { "nodes-per-account": 10 } });
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "wh", { NumberOfNodes: 2 });
      await expectAwsError(modify(c, { NodeType: "dc2.large" }), "UnsupportedOperationFault", 400);
      await expectAwsError(modify(c, { NumberOfNodes: 33 }), "NumberOfNodesPerClusterLimitExceededFault", 400);
      await expectAwsError(modify(c, { NumberOfNodes: 11 }), "NumberOfNodesQuotaExceededFault", 400);
      assert.equal((await modify(c, { NumberOfNodes: 10 })).PendingModifiedValues?.NumberOfNodes, 10);
      await expectAwsError(createCluster(c, "more"), "NumberOfNodesQuotaExceededFault", 400);
    });

    it("ModifyCluster: with an endpoint authorization, rename, port change and disabling relocation are InvalidClusterState", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "wh", { NumberOfNodes: 2 });
      await c.redshift.send(new AuthorizeEndpointAccessCommand({ ClusterIdentifier: "wh", Account: GRANTEE }));
      for (const input of [{ NewClusterIdentifier: "renamed" }, { Port: 5440 }, { AvailabilityZoneRelocation: false }]) {
        const err = await expectAwsError(modify(c, input), "InvalidClusterStateFault", 400);
        assert.match(err.message, /endpoint/);
      }
      assert.equal((await modify(c, { PreferredMaintenanceWindow: "sun:05:00-sun:06:00" })).ClusterStatus, "modifying", "other changes are allowed");
      assert.equal((await modify(c, { Port: 5439 })).ClusterStatus, "modifying", "the same port is no change");
      await c.redshift.send(new RevokeEndpointAccessCommand({ ClusterIdentifier: "wh", Account: GRANTEE }));
      assert.equal((await modify(c, { Port: 5440 })).Endpoint!.Port, 5440);
    });

    it("ModifyCluster: with a same-account Redshift-managed endpoint a rename is InvalidClusterState", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      await c.redshift.send(new CreateClusterSubnetGroupCommand({ ClusterSubnetGroupName: "ep", Description: "e", SubnetIds: (await defaultNet(c)).subnetIds }));
      await createCluster(c, "wh", { NumberOfNodes: 2 });
      await c.redshift.send(new CreateEndpointAccessCommand({ EndpointName: "local", ClusterIdentifier: "wh", SubnetGroupName: "ep" }));
      await expectAwsError(modify(c, { NewClusterIdentifier: "renamed" }), "InvalidClusterStateFault", 400);
    });
  });
});
