import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CreateClusterSubnetGroupCommand, DescribeClusterSubnetGroupsCommand, paginateDescribeClusterSubnetGroups } from "@aws-sdk/client-redshift";
import { GRANTEE, GRANTOR, clientsFor, expectAwsError, rawPost, startServer, type Clients } from "../helpers.js";
import { ManualClock } from "../../src/index.js";
import { START, createCluster, defaultNet } from "../fixtures/clusters-world.js";

async function groups(c: Clients, names: string[], tags: (i: number) => { Key: string; Value: string }[] = () => []): Promise<void> {
  const { subnetIds } = await defaultNet(c);
  for (const [i, name] of names.entries()) {
    await c.redshift.send(new CreateClusterSubnetGroupCommand({ ClusterSubnetGroupName: name, Description: `group ${i}`, SubnetIds: subnetIds, Tags: tags(i) }));
  }
}

const names = (out: { ClusterSubnetGroups?: { ClusterSubnetGroupName?: string }[] }) => (out.ClusterSubnetGroups ?? []).map((g) => g.ClusterSubnetGroupName);

describe("DescribeClusterSubnetGroups", () => {
  describe("behaviour", () => {
    it("DescribeClusterSubnetGroups: lists the caller's groups in creation order", async () => {
      const clock = new ManualClock(START);
      await using rs = await startServer({ clock });
      const c = clientsFor(rs.url, GRANTOR);
      for (const name of ["b-group", "a-group", "c-group"]) {
        await groups(c, [name]);
        clock.advance(1000);
      }
      const out = await c.redshift.send(new DescribeClusterSubnetGroupsCommand({}));
      assert.deepEqual(names(out), ["b-group", "a-group", "c-group"]);
      assert.equal(out.Marker, undefined);
    });

    it("DescribeClusterSubnetGroups: a name is matched case-insensitively", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      await groups(c, ["mixed"]);
      assert.deepEqual(names(await c.redshift.send(new DescribeClusterSubnetGroupsCommand({ ClusterSubnetGroupName: "MiXeD" }))), ["mixed"]);
    });

    it("DescribeClusterSubnetGroups: an empty ClusterSubnetGroupName lists every group, as an empty ClusterIdentifier does in DescribeClusters", async () => {
      await using rs = await startServer({ defaultAccount: GRANTOR });
      await groups(clientsFor(rs.url, GRANTOR), ["one", "two"]);
      const res = await rawPost(rs.url, "Action=DescribeClusterSubnetGroups&Version=2012-12-01&ClusterSubnetGroupName=");
      assert.equal(res.status, 200, res.text);
      assert.deepEqual([...res.text.matchAll(/<ClusterSubnetGroupName>([^<]+)</g)].map((m) => m[1]), ["one", "two"]);
    });

    it("DescribeClusterSubnetGroups: another account or region sees none of them", async () => {
      await using rs = await startServer();
      await groups(clientsFor(rs.url, GRANTOR), ["mine"]);
      for (const other of [clientsFor(rs.url, GRANTEE), clientsFor(rs.url, GRANTOR, "eu-west-1")]) {
        assert.deepEqual(names(await other.redshift.send(new DescribeClusterSubnetGroupsCommand({}))), []);
        await expectAwsError(other.redshift.send(new DescribeClusterSubnetGroupsCommand({ ClusterSubnetGroupName: "mine" })), "ClusterSubnetGroupNotFoundFault", 400);
      }
    });

    it("DescribeClusterSubnetGroups: a cluster placed without a group creates the `default` group of the default VPC, outside the quota", async () => {
      await using rs = await startServer({ quotas: { "subnet-groups-per-account": 1 } });
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "placed");
      const out = await c.redshift.send(new DescribeClusterSubnetGroupsCommand({ ClusterSubnetGroupName: "default" }));
      const group = out.ClusterSubnetGroups![0]!;
      const net = await defaultNet(c);
      assert.equal(group.VpcId, net.vpcId);
      assert.deepEqual(group.Subnets!.map((s) => s.SubnetIdentifier), net.subnetIds);
      await groups(c, ["still-allowed"]);
    });

    it("DescribeClusterSubnetGroups: TagKeys and TagValues keep groups with a matching tag", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      await groups(c, ["dev", "prod", "plain"], (i) => (i === 0 ? [{ Key: "env", Value: "dev" }] : i === 1 ? [{ Key: "env", Value: "prod" }] : []));
      assert.deepEqual(names(await c.redshift.send(new DescribeClusterSubnetGroupsCommand({ TagKeys: ["env"] }))), ["dev", "prod"]);
      assert.deepEqual(names(await c.redshift.send(new DescribeClusterSubnetGroupsCommand({ TagValues: ["prod"] }))), ["prod"]);
      assert.deepEqual(names(await c.redshift.send(new DescribeClusterSubnetGroupsCommand({ TagKeys: ["env"], TagValues: ["nope"] }))), []);
      assert.deepEqual(names(await c.redshift.send(new DescribeClusterSubnetGroupsCommand({ ClusterSubnetGroupName: "plain", TagKeys: ["env"] }))), []);
    });
  });

  describe("pagination", () => {
    it("DescribeClusterSubnetGroups: pages of MaxRecords with a Marker while more remain; the SDK paginator walks them all", async () => {
      await using rs = await startServer({ quotas: { "subnet-groups-per-account": 50 } });
      const c = clientsFor(rs.url, GRANTOR);
      const all = Array.from({ length: 45 }, (_, i) => `g-${String(i).padStart(2, "0")}`);
      await groups(c, all);
      const first = await c.redshift.send(new DescribeClusterSubnetGroupsCommand({ MaxRecords: 20 }));
      assert.deepEqual(names(first), all.slice(0, 20));
      assert.ok(first.Marker);
      const second = await c.redshift.send(new DescribeClusterSubnetGroupsCommand({ MaxRecords: 20, Marker: first.Marker }));
      assert.deepEqual(names(second), all.slice(20, 40));
      const third = await c.redshift.send(new DescribeClusterSubnetGroupsCommand({ MaxRecords: 20, Marker: second.Marker }));
      assert.deepEqual(names(third), all.slice(40));
      assert.equal(third.Marker, undefined);
      const walked: string[] = [];
      for await (const page of paginateDescribeClusterSubnetGroups({ client: c.redshift, pageSize: 20 }, {})) walked.push(...(names(page) as string[]));
      assert.deepEqual(walked, all);
    });

    it("DescribeClusterSubnetGroups: MaxRecords outside 20–100 or a foreign Marker is InvalidParameterValue", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      for (const MaxRecords of [19, 101, 0]) {
        await expectAwsError(c.redshift.send(new DescribeClusterSubnetGroupsCommand({ MaxRecords })), "InvalidParameterValue", 400);
      }
      await expectAwsError(c.redshift.send(new DescribeClusterSubnetGroupsCommand({ Marker: "not-ours" })), "InvalidParameterValue", 400);
    });

    it("DescribeClusterSubnetGroups: MaxRecords outside 20–100 is InvalidParameterValue also with a ClusterSubnetGroupName", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      await groups(c, ["one"]);
      for (const MaxRecords of [19, 101]) {
        await expectAwsError(c.redshift.send(new DescribeClusterSubnetGroupsCommand({ ClusterSubnetGroupName: "one", MaxRecords })), "InvalidParameterValue", 400);
      }
      assert.deepEqual(names(await c.redshift.send(new DescribeClusterSubnetGroupsCommand({ ClusterSubnetGroupName: "one", MaxRecords: 100 }))), ["one"]);
    });

    it("DescribeClusterSubnetGroups: a name together with a Marker is InvalidParameterCombination", async () => {
      await using rs = await startServer({ quotas: { "subnet-groups-per-account": 30 } });
      const c = clientsFor(rs.url, GRANTOR);
      await groups(c, Array.from({ length: 21 }, (_, i) => `g${i}`));
      const { Marker } = await c.redshift.send(new DescribeClusterSubnetGroupsCommand({ MaxRecords: 20 }));
      assert.ok(Marker);
      await expectAwsError(c.redshift.send(new DescribeClusterSubnetGroupsCommand({ ClusterSubnetGroupName: "g0", Marker })), "InvalidParameterCombination", 400);
    });
  });

  describe("errors", () => {
    it("DescribeClusterSubnetGroups: an unknown name is ClusterSubnetGroupNotFoundFault (400)", async () => {
      await using rs = await startServer();
      const err = await expectAwsError(
        clientsFor(rs.url, GRANTOR).redshift.send(new DescribeClusterSubnetGroupsCommand({ ClusterSubnetGroupName: "nope" })),
        "ClusterSubnetGroupNotFoundFault",
        400,
      );
      assert.match(err.message, /nope/);
    });
  });
});
