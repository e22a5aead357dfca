import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  CreateClusterSubnetGroupCommand,
  CreateEndpointAccessCommand,
  DeleteClusterCommand,
  DeleteClusterSubnetGroupCommand,
  DeleteEndpointAccessCommand,
  DescribeClusterSubnetGroupsCommand,
} from "@aws-sdk/client-redshift";
import { GRANTEE, GRANTOR, clientsFor, expectAwsError, rawPost, startServer } from "../helpers.js";
import { clockedServer, createCluster, defaultNet } from "../fixtures/clusters-world.js";

const createGroup = (name: string, subnetIds: string[]) =>
  new CreateClusterSubnetGroupCommand({ ClusterSubnetGroupName: name, Description: "d", SubnetIds: subnetIds });
const del = (name: string) => new DeleteClusterSubnetGroupCommand({ ClusterSubnetGroupName: name });

describe("DeleteClusterSubnetGroup", () => {
  describe("behaviour", () => {
    it("DeleteClusterSubnetGroup: removes the group (any case of its name); the answer has no result members", async () => {
      await using rs = await startServer({ defaultAccount: GRANTOR });
      const c = clientsFor(rs.url, GRANTOR);
      const { subnetIds } = await defaultNet(c);
      await c.redshift.send(createGroup("gone", subnetIds));
      const out = await c.redshift.send(del("GONE"));
      assert.ok(out.$metadata.requestId);
      await expectAwsError(c.redshift.send(new DescribeClusterSubnetGroupsCommand({ ClusterSubnetGroupName: "gone" })), "ClusterSubnetGroupNotFoundFault", 400);
      await c.redshift.send(createGroup("raw", subnetIds));
      const res = await rawPost(rs.url, "Action=DeleteClusterSubnetGroup&Version=2012-12-01&ClusterSubnetGroupName=raw");
      assert.equal(res.status, 200);
      assert.match(res.text, /^<DeleteClusterSubnetGroupResponse[^>]*><ResponseMetadata><RequestId>[^<]+<\/RequestId><\/ResponseMetadata><\/DeleteClusterSubnetGroupResponse>$/);
    });

    it("DeleteClusterSubnetGroup: the group of a deleted cluster can go once the cluster is gone", async () => {
      const { rs, clock } = await clockedServer({ delays: { "cluster-delete": 60_000 } });
      await using _rs = rs;
      const c = clientsFor(rs.url, GRANTOR);
      const { subnetIds } = await defaultNet(c);
      await c.redshift.send(createGroup("grp", subnetIds));
      await createCluster(c, "user", { ClusterSubnetGroupName: "grp" });
      await c.redshift.send(new DeleteClusterCommand({ ClusterIdentifier: "user", SkipFinalClusterSnapshot: true }));
      await expectAwsError(c.redshift.send(del("grp")), "InvalidClusterSubnetGroupStateFault", 400);
      clock.advance(60_000);
      await c.redshift.send(del("grp"));
    });
  });

  describe("errors", () => {
    it("DeleteClusterSubnetGroup: an unknown group is ClusterSubnetGroupNotFoundFault, also another account's", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      await expectAwsError(c.redshift.send(del("nope")), "ClusterSubnetGroupNotFoundFault", 400);
      await c.redshift.send(createGroup("mine", (await defaultNet(c)).subnetIds));
      await expectAwsError(clientsFor(rs.url, GRANTEE).redshift.send(del("mine")), "ClusterSubnetGroupNotFoundFault", 400);
      await expectAwsError(clientsFor(rs.url, GRANTOR, "eu-west-1").redshift.send(del("mine")), "ClusterSubnetGroupNotFoundFault", 400);
    });

    it("DeleteClusterSubnetGroup: a group a cluster uses is InvalidClusterSubnetGroupStateFault", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      await c.redshift.send(createGroup("grp", (await defaultNet(c)).subnetIds));
      await createCluster(c, "user", { ClusterSubnetGroupName: "grp" });
      const err = await expectAwsError(c.redshift.send(del("grp")), "InvalidClusterSubnetGroupStateFault", 400);
      assert.match(err.message, /in use/);
    });

    it("DeleteClusterSubnetGroup: the `default` group is in use while a cluster placed there exists", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "placed");
      await expectAwsError(c.redshift.send(del("default")), "InvalidClusterSubnetGroupStateFault", 400);
    });

    it("DeleteClusterSubnetGroup: a group a Redshift-managed endpoint uses is InvalidClusterSubnetGroupStateFault until the endpoint is gone", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      await c.redshift.send(createGroup("ep-grp", (await defaultNet(c)).subnetIds));
      await createCluster(c, "target", { NumberOfNodes: 2 });
      await c.redshift.send(new CreateEndpointAccessCommand({ EndpointName: "ep", ClusterIdentifier: "target", SubnetGroupName: "ep-grp" }));
      await expectAwsError(c.redshift.send(del("ep-grp")), "InvalidClusterSubnetGroupStateFault", 400);
      await c.redshift.send(new DeleteEndpointAccessCommand({ EndpointName: "ep" }));
      // Zero delays: the endpoint finished deleting by the next request.
      await c.redshift.send(del("ep-grp"));
    });
  });
});
