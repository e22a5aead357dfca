import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  AuthorizeEndpointAccessCommand,
  CreateClusterSubnetGroupCommand,
  CreateEndpointAccessCommand,
  DeleteClusterCommand,
  DescribeEndpointAccessCommand,
  DescribeEndpointAuthorizationCommand,
  PauseClusterCommand,
  RebootClusterCommand,
  type DeleteClusterCommandInput,
} from "@aws-sdk/client-redshift";
import { GRANTEE, GRANTOR, clientsFor, expectAwsError, startServer, type Clients } from "../helpers.js";
import { clockedServer, createCluster, defaultNet, describeCluster } from "../fixtures/clusters-world.js";

const del = (c: Clients, input: Partial<DeleteClusterCommandInput> = {}) =>
  c.redshift.send(new DeleteClusterCommand({ ClusterIdentifier: "wh", SkipFinalClusterSnapshot: true, ...input })).then((o) => o.Cluster!);

describe("DeleteCluster", () => {
  describe("behaviour", () => {
    it("DeleteCluster: answers `deleting` (Modifying, as the Terraform provider waits on), lists the cluster while deleting, then it is gone", async () => {
      const { rs, clock } = await clockedServer({ delays: { "cluster-delete": 60_000 } });
      await using _rs = rs;
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "wh");
      const out = await del(c, { ClusterIdentifier: "WH" });
      assert.equal(out.ClusterIdentifier, "wh");
      assert.equal(out.ClusterStatus, "deleting");
      assert.equal(out.ClusterAvailabilityStatus, "Modifying");
      clock.advance(59_999);
      assert.equal((await describeCluster(c, "wh")).ClusterStatus, "deleting");
      clock.advance(1);
      const err = await expectAwsError(describeCluster(c, "wh"), "ClusterNotFoundFault", 404);
      assert.equal(err.message, "Cluster wh not found.");
    });

    it("DeleteCluster: a FinalClusterSnapshotIdentifier is accepted instead of SkipFinalClusterSnapshot; the cluster answers final-snapshot", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "wh");
      const out = await del(c, { SkipFinalClusterSnapshot: undefined, FinalClusterSnapshotIdentifier: "wh-final-1", FinalClusterSnapshotRetentionPeriod: 7 });
      assert.equal(out.ClusterStatus, "final-snapshot");
      assert.equal(out.ClusterAvailabilityStatus, "Modifying");
    });

    it("DeleteCluster: a paused cluster can be deleted", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "wh");
      await c.redshift.send(new PauseClusterCommand({ ClusterIdentifier: "wh" }));
      assert.equal((await describeCluster(c, "wh")).ClusterStatus, "paused");
      assert.equal((await del(c)).ClusterStatus, "deleting");
    });

    it("DeleteCluster: frees its nodes from the nodes-per-account quota once gone", async () => {
      await using rs = await startServer({ quotas: { "nodes-per-account": 2 } });
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "wh", { NumberOfNodes: 2 });
      await del(c);
      await createCluster(c, "next", { NumberOfNodes: 2 });
    });

    it("DeleteCluster: removes the cluster's grants and drives every endpoint to it through deleting to gone", async () => {
      const { rs, clock } = await clockedServer({ delays: { "cluster-delete": 1000, "endpoint-delete": 5000 } });
      await using _rs = rs;
      const owner = clientsFor(rs.url, GRANTOR);
      const grantee = clientsFor(rs.url, GRANTEE);
      await createCluster(owner, "wh", { NumberOfNodes: 2 });
      await owner.redshift.send(new AuthorizeEndpointAccessCommand({ ClusterIdentifier: "wh", Account: GRANTEE }));
      await grantee.redshift.send(new CreateClusterSubnetGroupCommand({ ClusterSubnetGroupName: "sng", Description: "s", SubnetIds: (await defaultNet(grantee)).subnetIds }));
      await grantee.redshift.send(new CreateEndpointAccessCommand({ EndpointName: "ep", ClusterIdentifier: "wh", ResourceOwner: GRANTOR, SubnetGroupName: "sng" }));
      clock.advance(1);
      await del(owner);
      clock.advance(1000);
      await expectAwsError(describeCluster(owner, "wh"), "ClusterNotFoundFault", 404);
      const grants = await grantee.redshift.send(new DescribeEndpointAuthorizationCommand({ Grantee: true }));
      assert.deepEqual(grants.EndpointAuthorizationList, []);
      const endpoints = await grantee.redshift.send(new DescribeEndpointAccessCommand({}));
      assert.deepEqual(endpoints.EndpointAccessList!.map((e) => e.EndpointStatus), ["deleting"]);
      clock.advance(5000);
      assert.deepEqual((await grantee.redshift.send(new DescribeEndpointAccessCommand({}))).EndpointAccessList, []);
    });
  });

  describe("errors", () => {
    it("DeleteCluster: neither SkipFinalClusterSnapshot nor a snapshot identifier is InvalidParameterCombination", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "wh");
      const err = await expectAwsError(del(c, { SkipFinalClusterSnapshot: undefined }), "InvalidParameterCombination", 400);
      assert.match(err.message, /FinalClusterSnapshotIdentifier is required/);
      await expectAwsError(del(c, { SkipFinalClusterSnapshot: false }), "InvalidParameterCombination", 400);
      await expectAwsError(del(c, { FinalClusterSnapshotIdentifier: "both" }), "InvalidParameterCombination", 400);
      assert.equal((await describeCluster(c, "wh")).ClusterStatus, "available");
    });

    it("DeleteCluster: a bad snapshot identifier is InvalidParameterValue, a bad retention period InvalidRetentionPeriodFault", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "wh");
      for (const FinalClusterSnapshotIdentifier of ["1snap", "snap--x", "snap-", "under_score"]) {
        await expectAwsError(del(c, { SkipFinalClusterSnapshot: undefined, FinalClusterSnapshotIdentifier }), "InvalidParameterValue", 400);
      }
      await expectAwsError(
        del(c, { SkipFinalClusterSnapshot: undefined, FinalClusterSnapshotIdentifier: "ok", FinalClusterSnapshotRetentionPeriod: 0 }),
        "InvalidRetentionPeriodFault",
        400,
      );
    });

    it("DeleteCluster: an unknown cluster is ClusterNotFound (404) 'Cluster <id> not found.'", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      const err = await expectAwsError(del(c, { ClusterIdentifier: "nope" }), "ClusterNotFoundFault", 404);
      assert.equal(err.message, "Cluster nope not found.");
      await createCluster(c, "wh");
      await expectAwsError(del(clientsFor(rs.url, GRANTEE)), "ClusterNotFoundFault", 404);
    });

    it("DeleteCluster: a cluster that is creating, rebooting or already deleting is InvalidClusterState", async () => {
      const { rs, clock } = await clockedServer({ delays: { "cluster-create": 1000, "cluster-reboot": 1000, "cluster-delete": 1000 } });
      await using _rs = rs;
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "wh");
      await expectAwsError(del(c), "InvalidClusterStateFault", 400);
      clock.advance(1000);
      await c.redshift.send(new RebootClusterCommand({ ClusterIdentifier: "wh" }));
      await expectAwsError(del(c), "InvalidClusterStateFault", 400);
      clock.advance(1000);
      await del(c);
      await expectAwsError(del(c), "InvalidClusterStateFault", 400);
    });
  });
});
