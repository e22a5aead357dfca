import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CreateClusterSubnetGroupCommand, DescribeClusterSubnetGroupsCommand } from "@aws-sdk/client-redshift";
import { GRANTEE, GRANTOR, clientsFor, expectAwsError, rawPost, startServer } from "../helpers.js";
import { createNet, defaultNet } from "../fixtures/clusters-world.js";

const create = (name: string, subnetIds: string[], extra: object = {}) =>
  new CreateClusterSubnetGroupCommand({ ClusterSubnetGroupName: name, Description: "analytics subnets", SubnetIds: subnetIds, ...extra });

describe("CreateClusterSubnetGroup", () => {
  describe("behaviour", () => {
    it("CreateClusterSubnetGroup: answers the group with its VPC, subnets, zones and Complete status", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      const net = await createNet(c, 5, ["a", "b"]);
      const out = await c.redshift.send(create("Analytics-SNG", net.subnetIds, { Tags: [{ Key: "team", Value: "bi" }] }));
      const g = out.ClusterSubnetGroup!;
      assert.equal(g.ClusterSubnetGroupName, "analytics-sng", "names are stored lowercase");
      assert.equal(g.Description, "analytics subnets");
      assert.equal(g.VpcId, net.vpcId);
      assert.equal(g.SubnetGroupStatus, "Complete");
      assert.deepEqual(
        g.Subnets!.map((s) => [s.SubnetIdentifier, s.SubnetAvailabilityZone?.Name, s.SubnetAvailabilityZone?.SupportedPlatforms?.[0]?.Name, s.SubnetStatus]),
        [
          [net.subnetIds[0], "us-east-1a", "VPC", "Active"],
          [net.subnetIds[1], "us-east-1b", "VPC", "Active"],
        ],
      );
      assert.deepEqual(g.Tags, [{ Key: "team", Value: "bi" }]);
      assert.deepEqual(g.SupportedClusterIpAddressTypes, ["ipv4"]);
      const described = await c.redshift.send(new DescribeClusterSubnetGroupsCommand({ ClusterSubnetGroupName: "ANALYTICS-sng" }));
      assert.deepEqual(described.ClusterSubnetGroups, [g]);
    });

    it("CreateClusterSubnetGroup: repeated subnet ids collapse into one", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      const { subnetIds } = await defaultNet(c);
      const out = await c.redshift.send(create("dup", [subnetIds[0]!, subnetIds[0]!, subnetIds[1]!]));
      assert.deepEqual(
        out.ClusterSubnetGroup!.Subnets!.map((s) => s.SubnetIdentifier),
        [subnetIds[0], subnetIds[1]],
      );
    });

    it("CreateClusterSubnetGroup: the wire request uses SubnetIds.SubnetIdentifier.N", async () => {
      await using rs = await startServer({ defaultAccount: GRANTOR });
      const { subnetIds } = await defaultNet(clientsFor(rs.url, GRANTOR));
      const res = await rawPost(
        rs.url,
        `Action=CreateClusterSubnetGroup&Version=2012-12-01&ClusterSubnetGroupName=raw&Description=raw+group&SubnetIds.SubnetIdentifier.1=${subnetIds[2]}`,
      );
      assert.equal(res.status, 200, res.text);
      assert.match(res.text, /<CreateClusterSubnetGroupResult><ClusterSubnetGroup>.*<Subnets><Subnet><SubnetIdentifier>subnet-/);
      assert.match(res.text, /<Description>raw group<\/Description>/);
    });
  });

  describe("validation", () => {
    it("CreateClusterSubnetGroup: a name with other characters than letters, digits and hyphens is InvalidParameterValue", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      const { subnetIds } = await defaultNet(c);
      for (const name of ["has space", "under_score", "x".repeat(256), ""]) {
        await expectAwsError(c.redshift.send(create(name, subnetIds)), "InvalidParameterValue", 400);
      }
      const ok = await c.redshift.send(create("x".repeat(255), subnetIds));
      assert.equal(ok.ClusterSubnetGroup!.ClusterSubnetGroupName!.length, 255);
    });

    it("CreateClusterSubnetGroup: the name default (any case) is reserved", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      const { subnetIds } = await defaultNet(c);
      const err = await expectAwsError(c.redshift.send(create("Default", subnetIds)), "InvalidParameterValue", 400);
      assert.match(err.message, /reserved/);
    });

    it("CreateClusterSubnetGroup: missing Description or SubnetIds is MissingParameter", async () => {
      await using rs = await startServer({ defaultAccount: GRANTOR });
      const noDescription = await rawPost(rs.url, "Action=CreateClusterSubnetGroup&Version=2012-12-01&ClusterSubnetGroupName=a&SubnetIds.SubnetIdentifier.1=subnet-1");
      assert.equal(noDescription.status, 400);
      assert.match(noDescription.text, /<Code>MissingParameter<\/Code>.*Description/);
      const noSubnets = await rawPost(rs.url, "Action=CreateClusterSubnetGroup&Version=2012-12-01&ClusterSubnetGroupName=a&Description=d");
      assert.match(noSubnets.text, /<Code>MissingParameter<\/Code>.*SubnetIds/);
    });

    it("CreateClusterSubnetGroup: an explicitly empty subnet list is InvalidParameterValue", async () => {
      await using rs = await startServer({ defaultAccount: GRANTOR });
      const res = await rawPost(rs.url, "Action=CreateClusterSubnetGroup&Version=2012-12-01&ClusterSubnetGroupName=a&Description=d&SubnetIds=");
      assert.equal(res.status, 400);
      assert.match(res.text, /<Code>InvalidParameterValue<\/Code>/);
    });

    it("CreateClusterSubnetGroup: more than 50 tags is TagLimitExceededFault; an aws: key is InvalidTagFault", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      const { subnetIds } = await defaultNet(c);
      const tags = Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: "v" }));
      await expectAwsError(c.redshift.send(create("tags", subnetIds, { Tags: tags })), "TagLimitExceededFault", 400);
      await expectAwsError(c.redshift.send(create("tags", subnetIds, { Tags: [{ Key: "aws:owner", Value: "x" }] })), "InvalidTagFault", 400);
    });
  });

  describe("errors", () => {
    it("CreateClusterSubnetGroup: an unknown subnet is InvalidSubnet", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      const { subnetIds } = await defaultNet(c);
      await expectAwsError(c.redshift.send(create("g", [subnetIds[0]!, "subnet-0123456789abcdef0"])), "InvalidSubnet", 400);
    });

    it("CreateClusterSubnetGroup: another account's subnet is InvalidSubnet", async () => {
      await using rs = await startServer();
      const other = await createNet(clientsFor(rs.url, GRANTEE), 7);
      await expectAwsError(clientsFor(rs.url, GRANTOR).redshift.send(create("g", other.subnetIds)), "InvalidSubnet", 400);
    });

    it("CreateClusterSubnetGroup: subnets of two VPCs are InvalidSubnet", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      const one = await createNet(c, 1);
      const two = await createNet(c, 2);
      const err = await expectAwsError(c.redshift.send(create("g", [one.subnetIds[0]!, two.subnetIds[0]!])), "InvalidSubnet", 400);
      assert.match(err.message, /same VPC/);
    });

    it("CreateClusterSubnetGroup: a name already taken (any case) is ClusterSubnetGroupAlreadyExists", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      const { subnetIds } = await defaultNet(c);
      await c.redshift.send(create("taken", subnetIds));
      await expectAwsError(c.redshift.send(create("TAKEN", subnetIds)), "ClusterSubnetGroupAlreadyExistsFault", 400);
    });

    it("CreateClusterSubnetGroup: the same name in another account or region is a different group", async () => {
      await using rs = await startServer();
      for (const c of [clientsFor(rs.url, GRANTOR), clientsFor(rs.url, GRANTEE), clientsFor(rs.url, GRANTOR, "eu-west-1")]) {
        const { subnetIds } = await defaultNet(c);
        const out = await c.redshift.send(create("shared-name", subnetIds));
        assert.equal(out.ClusterSubnetGroup!.Subnets!.length, 3);
      }
    });

    it("CreateClusterSubnetGroup: one group beyond subnet-groups-per-account is ClusterSubnetGroupQuotaExceeded", async () => {
      await using rs = await startServer({ quotas: { "subnet-groups-per-account": 2 } });
      const c = clientsFor(rs.url, GRANTOR);
      const { subnetIds } = await defaultNet(c);
      await c.redshift.send(create("one", subnetIds));
      await c.redshift.send(create("two", subnetIds));
      await expectAwsError(c.redshift.send(create("three", subnetIds)), "ClusterSubnetGroupQuotaExceededFault", 400);
      // Another account has its own quota.
      const other = clientsFor(rs.url, GRANTEE);
      await other.redshift.send(create("one", (await defaultNet(other)).subnetIds));
    });

    it("CreateClusterSubnetGroup: the default quota is 20 groups", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      const { subnetIds } = await defaultNet(c);
      for (let i = 0; i < 20; i++) await c.redshift.send(create(`g${i}`, subnetIds));
      await expectAwsError(c.redshift.send(create("g20", subnetIds)), "ClusterSubnetGroupQuotaExceededFault", 400);
    });

    it("CreateClusterSubnetGroup: more subnets than subnets-per-group is ClusterSubnetQuotaExceededFault", async () => {
      await using rs = await startServer({ quotas: { "subnets-per-group": 2 } });
      const c = clientsFor(rs.url, GRANTOR);
      const { subnetIds } = await defaultNet(c);
      await expectAwsError(c.redshift.send(create("big", subnetIds)), "ClusterSubnetQuotaExceededFault", 400);
      const ok = await c.redshift.send(create("small", subnetIds.slice(0, 2)));
      assert.equal(ok.ClusterSubnetGroup!.Subnets!.length, 2);
    });
  });
});
