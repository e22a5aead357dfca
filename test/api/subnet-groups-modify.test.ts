import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CreateClusterSubnetGroupCommand, CreateEndpointAccessCommand, ModifyClusterSubnetGroupCommand } from "@aws-sdk/client-redshift";
import { GRANTEE, GRANTOR, clientsFor, expectAwsError, startServer } from "../helpers.js";
import { createCluster, createNet, defaultNet } from "../fixtures/clusters-world.js";

const createGroup = (name: string, subnetIds: string[]) =>
  new CreateClusterSubnetGroupCommand({ ClusterSubnetGroupName: name, Description: "before", SubnetIds: subnetIds });
const modify = (name: string, subnetIds: string[], description?: string) =>
  new ModifyClusterSubnetGroupCommand({ ClusterSubnetGroupName: name, SubnetIds: subnetIds, ...(description !== undefined ? { Description: description } : {}) });

describe("ModifyClusterSubnetGroup", () => {
  describe("behaviour", () => {
    it("ModifyClusterSubnetGroup: replaces the subnets and the description", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      const net = await createNet(c, 3, ["a", "b", "c"]);
      await c.redshift.send(createGroup("grp", net.subnetIds.slice(0, 2)));
      const out = await c.redshift.send(modify("GRP", [net.subnetIds[2]!], "after"));
      const g = out.ClusterSubnetGroup!;
      assert.equal(g.ClusterSubnetGroupName, "grp");
      assert.equal(g.Description, "after");
      assert.deepEqual(g.Subnets!.map((s) => [s.SubnetIdentifier, s.SubnetAvailabilityZone?.Name]), [[net.subnetIds[2], "us-east-1c"]]);
    });

    it("ModifyClusterSubnetGroup: without Description the description stays", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      const { subnetIds } = await defaultNet(c);
      await c.redshift.send(createGroup("grp", subnetIds));
      const out = await c.redshift.send(modify("grp", subnetIds.slice(1)));
      assert.equal(out.ClusterSubnetGroup!.Description, "before");
      assert.equal(out.ClusterSubnetGroup!.Subnets!.length, 2);
    });

    it("ModifyClusterSubnetGroup: an unused group may move to another VPC", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      const one = await createNet(c, 1);
      const two = await createNet(c, 2);
      await c.redshift.send(createGroup("grp", one.subnetIds));
      const out = await c.redshift.send(modify("grp", two.subnetIds));
      assert.equal(out.ClusterSubnetGroup!.VpcId, two.vpcId);
    });
  });

  describe("errors", () => {
    it("ModifyClusterSubnetGroup: an unknown group is ClusterSubnetGroupNotFoundFault, also from another account", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      const { subnetIds } = await defaultNet(c);
      await expectAwsError(c.redshift.send(modify("nope", subnetIds)), "ClusterSubnetGroupNotFoundFault", 400);
      await c.redshift.send(createGroup("mine", subnetIds));
      const other = clientsFor(rs.url, GRANTEE);
      await expectAwsError(other.redshift.send(modify("mine", (await defaultNet(other)).subnetIds)), "ClusterSubnetGroupNotFoundFault", 400);
    });

    it("ModifyClusterSubnetGroup: unknown subnets or subnets of two VPCs are InvalidSubnet and change nothing", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      const one = await createNet(c, 1);
      const two = await createNet(c, 2);
      await c.redshift.send(createGroup("grp", one.subnetIds));
      await expectAwsError(c.redshift.send(modify("grp", ["subnet-00000000000000000"])), "InvalidSubnet", 400);
      await expectAwsError(c.redshift.send(modify("grp", [one.subnetIds[0]!, two.subnetIds[0]!])), "InvalidSubnet", 400);
      const same = await c.redshift.send(modify("grp", one.subnetIds));
      assert.equal(same.ClusterSubnetGroup!.VpcId, one.vpcId);
    });

    it("ModifyClusterSubnetGroup: more subnets than subnets-per-group is ClusterSubnetQuotaExceededFault", async () => {
      await using rs = await startServer({ quotas: { "subnets-per-group": 2 } });
      const c = clientsFor(rs.url, GRANTOR);
      const { subnetIds } = await defaultNet(c);
      await c.redshift.send(createGroup("grp", subnetIds.slice(0, 1)));
      await expectAwsError(c.redshift.send(modify("grp", subnetIds)), "ClusterSubnetQuotaExceededFault", 400);
    });

    it("ModifyClusterSubnetGroup: removing the subnet a cluster lives in is SubnetAlreadyInUse", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      const net = await createNet(c, 4, ["a", "b"]);
      await c.redshift.send(createGroup("grp", net.subnetIds));
      const cluster = await createCluster(c, "user", { ClusterSubnetGroupName: "grp", AvailabilityZone: "us-east-1b" });
      assert.equal(cluster.AvailabilityZone, "us-east-1b");
      await expectAwsError(c.redshift.send(modify("grp", [net.subnetIds[0]!])), "SubnetAlreadyInUse", 400);
      const kept = await c.redshift.send(modify("grp", [net.subnetIds[1]!]));
      assert.equal(kept.ClusterSubnetGroup!.Subnets!.length, 1);
    });

    it("ModifyClusterSubnetGroup: moving a group in use to another VPC is InvalidSubnet", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      const one = await createNet(c, 1);
      const two = await createNet(c, 2);
      await c.redshift.send(createGroup("grp", one.subnetIds));
      await createCluster(c, "user", { ClusterSubnetGroupName: "grp" });
      await expectAwsError(c.redshift.send(modify("grp", two.subnetIds)), "InvalidSubnet", 400);
    });

    it("ModifyClusterSubnetGroup: removing the subnet of an endpoint's network interface is SubnetAlreadyInUse", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      const net = await createNet(c, 6, ["a", "b"]);
      await c.redshift.send(createGroup("grp", net.subnetIds));
      await createCluster(c, "target", { NumberOfNodes: 2, AvailabilityZoneRelocation: true });
      const endpoint = await c.redshift.send(new CreateEndpointAccessCommand({ EndpointName: "ep", ClusterIdentifier: "target", SubnetGroupName: "grp" }));
      assert.ok(endpoint.EndpointName);
      // Wherever the interface went, removing both subnets removes it.
      const err = await expectAwsError(c.redshift.send(modify("grp", [(await defaultNet(c)).subnetIds[0]!])), "InvalidSubnet", 400);
      assert.match(err.message, /in use/);
      let refused = 0;
      for (const keep of net.subnetIds) {
        try {
          await c.redshift.send(modify("grp", [keep]));
        } catch (e) {
          assert.equal((e as Error).name, "SubnetAlreadyInUse");
          refused++;
        }
      }
      assert.equal(refused, 1, "exactly one of the two single-subnet sets drops the endpoint's subnet");
    });
  });
});
