import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { AuthorizeEndpointAccessCommand, DescribeEndpointAuthorizationCommand, PauseClusterCommand, RebootClusterCommand, ResumeClusterCommand } from "@aws-sdk/client-redshift";
import { GRANTEE, GRANTOR, clientsFor, expectAwsError, startServer, type Clients } from "../helpers.js";
import { clockedServer, createCluster, describeCluster } from "../fixtures/clusters-world.js";

const pause = (c: Clients, id = "wh") => c.redshift.send(new PauseClusterCommand({ ClusterIdentifier: id })).then((o) => o.Cluster!);
const resume = (c: Clients, id = "wh") => c.redshift.send(new ResumeClusterCommand({ ClusterIdentifier: id })).then((o) => o.Cluster!);
const reboot = (c: Clients, id = "wh") => c.redshift.send(new RebootClusterCommand({ ClusterIdentifier: id })).then((o) => o.Cluster!);

describe("PauseCluster, ResumeCluster, RebootCluster", () => {
  describe("behaviour", () => {
    it("PauseCluster / ResumeCluster: pausing → paused (Paused) → resuming → available, each after its delay", async () => {
      const { rs, clock } = await clockedServer({ delays: { "cluster-pause": 30_000, "cluster-resume": 45_000 } });
      await using _rs = rs;
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "wh");
      const pausing = await pause(c, "WH");
      assert.equal(pausing.ClusterStatus, "pausing");
      assert.equal(pausing.ClusterAvailabilityStatus, "Modifying");
      clock.advance(29_999);
      assert.equal((await describeCluster(c, "wh")).ClusterStatus, "pausing");
      clock.advance(1);
      const paused = await describeCluster(c, "wh");
      assert.equal(paused.ClusterStatus, "paused");
      assert.equal(paused.ClusterAvailabilityStatus, "Paused");
      const resuming = await resume(c);
      assert.equal(resuming.ClusterStatus, "resuming");
      assert.equal(resuming.ClusterAvailabilityStatus, "Modifying");
      clock.advance(45_000);
      assert.equal((await describeCluster(c, "wh")).ClusterStatus, "available");
    });

    it("RebootCluster: rebooting (Modifying) → available", async () => {
      const { rs, clock } = await clockedServer({ delays: { "cluster-reboot": 10_000 } });
      await using _rs = rs;
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "wh");
      const out = await reboot(c);
      assert.equal(out.ClusterStatus, "rebooting");
      assert.equal(out.ClusterAvailabilityStatus, "Modifying");
      clock.advance(10_000);
      assert.equal((await describeCluster(c, "wh")).ClusterStatus, "available");
    });

    it("PauseCluster: grants persist and show the cluster's live status", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "wh", { NumberOfNodes: 2 });
      await c.redshift.send(new AuthorizeEndpointAccessCommand({ ClusterIdentifier: "wh", Account: GRANTEE }));
      await pause(c);
      const grants = await clientsFor(rs.url, GRANTEE).redshift.send(new DescribeEndpointAuthorizationCommand({ Grantee: true }));
      assert.deepEqual(grants.EndpointAuthorizationList!.map((g) => [g.ClusterIdentifier, g.ClusterStatus]), [["wh", "paused"]]);
    });
  });

  describe("errors", () => {
    it("PauseCluster / ResumeCluster / RebootCluster: an unknown cluster is ClusterNotFound (404), also another account's", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      for (const op of [pause, resume, reboot]) await expectAwsError(op(c, "nope"), "ClusterNotFoundFault", 404);
      await createCluster(c, "wh");
      const other = clientsFor(rs.url, GRANTEE);
      for (const op of [pause, resume, reboot]) await expectAwsError(op(other), "ClusterNotFoundFault", 404);
    });

    it("PauseCluster / RebootCluster: a cluster that is not available is InvalidClusterState", async () => {
      const { rs, clock } = await clockedServer({ delays: { "cluster-create": 1000, "cluster-pause": 1000 } });
      await using _rs = rs;
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "wh");
      await expectAwsError(pause(c), "InvalidClusterStateFault", 400);
      await expectAwsError(reboot(c), "InvalidClusterStateFault", 400);
      clock.advance(1000);
      await pause(c);
      await expectAwsError(pause(c), "InvalidClusterStateFault", 400);
      clock.advance(1000);
      await expectAwsError(pause(c), "InvalidClusterStateFault", 400);
      await expectAwsError(reboot(c), "InvalidClusterStateFault", 400);
    });

    it("ResumeCluster: a cluster that is not paused is InvalidClusterState", async () => {
      const { rs, clock } = await clockedServer({ delays: { "cluster-pause": 1000 } });
      await using _rs = rs;
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "wh");
      await expectAwsError(resume(c), "InvalidClusterStateFault", 400);
      await pause(c);
      await expectAwsError(resume(c), "InvalidClusterStateFault", 400);
      clock.advance(1000);
      assert.equal((await resume(c)).ClusterStatus, "resuming");
    });

    it("PauseCluster: a Multi-AZ cluster or one with automated snapshots off is UnsupportedOperation", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "maz", { NumberOfNodes: 2, MultiAZ: true });
      await expectAwsError(pause(c, "maz"), "UnsupportedOperationFault", 400);
      await createCluster(c, "nosnap", { NodeType: "dc2.large", AutomatedSnapshotRetentionPeriod: 0 });
      await expectAwsError(pause(c, "nosnap"), "UnsupportedOperationFault", 400);
    });
  });
});
