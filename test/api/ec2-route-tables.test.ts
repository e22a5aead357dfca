import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CreateSubnetCommand, CreateVpcCommand, DeleteVpcCommand, DescribeRouteTablesCommand, DescribeVpcsCommand, type EC2Client } from "@aws-sdk/client-ec2";
import { GRANTEE, GRANTOR, clientsFor, expectAwsError, rawPost, startServer } from "../helpers.js";

async function defaultVpcId(ec2: EC2Client): Promise<string> {
  return (await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: "is-default", Values: ["true"] }] }))).Vpcs![0]!.VpcId!;
}

async function tablesOf(ec2: EC2Client, vpcId: string) {
  return (await ec2.send(new DescribeRouteTablesCommand({ Filters: [{ Name: "vpc-id", Values: [vpcId] }] }))).RouteTables!;
}

describe("EC2 DescribeRouteTables", () => {
  describe("behaviour", () => {
    it("DescribeRouteTables: a new VPC has its main route table with the local route and the main association", async () => {
      await using rs = await startServer();
      const { ec2 } = clientsFor(rs.url, GRANTOR);
      const vpcId = (await ec2.send(new CreateVpcCommand({ CidrBlock: "10.5.0.0/16" }))).Vpc!.VpcId!;
      const tables = await tablesOf(ec2, vpcId);
      assert.equal(tables.length, 1);
      const t = tables[0]!;
      assert.match(t.RouteTableId!, /^rtb-[0-9a-f]{17}$/);
      assert.equal(t.VpcId, vpcId);
      assert.equal(t.OwnerId, GRANTOR);
      assert.deepEqual(t.Routes, [{ DestinationCidrBlock: "10.5.0.0/16", GatewayId: "local", Origin: "CreateRouteTable", State: "active" }]);
      assert.equal(t.Associations!.length, 1);
      const a = t.Associations![0]!;
      assert.equal(a.Main, true);
      assert.match(a.RouteTableAssociationId!, /^rtbassoc-[0-9a-f]{17}$/);
      assert.equal(a.RouteTableId, t.RouteTableId);
      assert.equal(a.SubnetId, undefined, "an implicit association names no subnet");
      assert.deepEqual(a.AssociationState, { State: "associated" });
      assert.deepEqual(t.PropagatingVgws, []);
    });

    it("DescribeRouteTables: the default VPC has one too; ids are stable and differ between VPCs", async () => {
      await using rs = await startServer();
      const { ec2 } = clientsFor(rs.url, GRANTOR);
      const def = await defaultVpcId(ec2);
      const vpcId = (await ec2.send(new CreateVpcCommand({ CidrBlock: "10.6.0.0/16" }))).Vpc!.VpcId!;
      const [a] = await tablesOf(ec2, def);
      const [b] = await tablesOf(ec2, vpcId);
      assert.deepEqual(a!.Routes!.map((r) => r.DestinationCidrBlock), ["172.31.0.0/16"]);
      assert.notEqual(a!.RouteTableId, b!.RouteTableId);
      assert.equal((await tablesOf(ec2, def))[0]!.RouteTableId, a!.RouteTableId);
      const all = (await ec2.send(new DescribeRouteTablesCommand({}))).RouteTables!;
      assert.deepEqual(all.map((t) => t.VpcId).sort(), [def, vpcId].sort());
    });

    it("DescribeRouteTables: by id; filters association.main, route-table-id, route.gateway-id, association.subnet-id", async () => {
      await using rs = await startServer();
      const { ec2 } = clientsFor(rs.url, GRANTOR);
      const vpcId = (await ec2.send(new CreateVpcCommand({ CidrBlock: "10.7.0.0/16" }))).Vpc!.VpcId!;
      const subnetId = (await ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: "10.7.1.0/24" }))).Subnet!.SubnetId!;
      const [t] = await tablesOf(ec2, vpcId);
      const byId = await ec2.send(new DescribeRouteTablesCommand({ RouteTableIds: [t!.RouteTableId!] }));
      assert.deepEqual(byId.RouteTables, [t]);
      const main = await ec2.send(new DescribeRouteTablesCommand({ Filters: [{ Name: "vpc-id", Values: [vpcId] }, { Name: "association.main", Values: ["true"] }] }));
      assert.equal(main.RouteTables!.length, 1);
      const notMain = await ec2.send(new DescribeRouteTablesCommand({ Filters: [{ Name: "association.main", Values: ["false"] }] }));
      assert.deepEqual(notMain.RouteTables, []);
      const byFilterId = await ec2.send(new DescribeRouteTablesCommand({ Filters: [{ Name: "route-table-id", Values: [t!.RouteTableId!] }] }));
      assert.equal(byFilterId.RouteTables!.length, 1);
      const local = await ec2.send(new DescribeRouteTablesCommand({ Filters: [{ Name: "route.gateway-id", Values: ["local"] }, { Name: "route.destination-cidr-block", Values: ["10.7.*"] }] }));
      assert.deepEqual(local.RouteTables!.map((x) => x.VpcId), [vpcId]);
      const bySubnet = await ec2.send(new DescribeRouteTablesCommand({ Filters: [{ Name: "association.subnet-id", Values: [subnetId] }] }));
      assert.deepEqual(bySubnet.RouteTables, [], "the subnet uses the main table implicitly, which names no subnet");
    });

    it("DescribeRouteTables: MaxResults pages through every VPC's table with NextToken", async () => {
      await using rs = await startServer();
      const { ec2 } = clientsFor(rs.url, GRANTOR);
      for (let i = 0; i < 6; i++) await ec2.send(new CreateVpcCommand({ CidrBlock: `10.${10 + i}.0.0/16` }));
      const first = await ec2.send(new DescribeRouteTablesCommand({ MaxResults: 5 }));
      assert.equal(first.RouteTables!.length, 5);
      assert.ok(first.NextToken);
      const second = await ec2.send(new DescribeRouteTablesCommand({ MaxResults: 5, NextToken: first.NextToken }));
      assert.equal(second.RouteTables!.length, 2);
      assert.equal(second.NextToken, undefined);
      const ids = [...first.RouteTables!, ...second.RouteTables!].map((t) => t.RouteTableId);
      assert.equal(new Set(ids).size, 7);
    });

    it("DescribeRouteTables: the table goes with its VPC", async () => {
      await using rs = await startServer();
      const { ec2 } = clientsFor(rs.url, GRANTOR);
      const vpcId = (await ec2.send(new CreateVpcCommand({ CidrBlock: "10.8.0.0/16" }))).Vpc!.VpcId!;
      const [t] = await tablesOf(ec2, vpcId);
      await ec2.send(new DeleteVpcCommand({ VpcId: vpcId }));
      await expectAwsError(ec2.send(new DescribeRouteTablesCommand({ RouteTableIds: [t!.RouteTableId!] })), "InvalidRouteTableID.NotFound", 400);
    });

    it("DescribeRouteTables: the XML carries routeTableSet items with routeSet and associationSet", async () => {
      await using rs = await startServer({ defaultAccount: GRANTOR });
      const vpcId = await defaultVpcId(clientsFor(rs.url, GRANTOR).ec2);
      const res = await rawPost(rs.url, `Action=DescribeRouteTables&Version=2016-11-15&Filter.1.Name=vpc-id&Filter.1.Value.1=${vpcId}`);
      assert.equal(res.status, 200);
      assert.match(res.text, /<routeTableSet><item><associationSet><item><main>true<\/main>/);
      assert.match(res.text, /<routeTableId>rtb-[0-9a-f]{17}<\/routeTableId><routeSet><item>/);
      assert.match(res.text, /<gatewayId>local<\/gatewayId>/);
      assert.match(res.text, /<main>true<\/main>/);
    });
  });

  describe("errors", () => {
    it("DescribeRouteTables: an unknown id, or another account's → InvalidRouteTableID.NotFound naming it", async () => {
      await using rs = await startServer();
      const { ec2 } = clientsFor(rs.url, GRANTOR);
      const err = await expectAwsError(ec2.send(new DescribeRouteTablesCommand({ RouteTableIds: ["rtb-0000000000000000f"] })), "InvalidRouteTableID.NotFound", 400);
      assert.equal(err.message, "The routeTable ID 'rtb-0000000000000000f' does not exist");
      const other = clientsFor(rs.url, GRANTEE).ec2;
      const [theirs] = await tablesOf(other, await defaultVpcId(other));
      await expectAwsError(ec2.send(new DescribeRouteTablesCommand({ RouteTableIds: [theirs!.RouteTableId!] })), "InvalidRouteTableID.NotFound", 400);
      const mine = (await ec2.send(new DescribeRouteTablesCommand({}))).RouteTables!;
      assert.ok(mine.every((t) => t.OwnerId === GRANTOR));
    });

    it("DescribeRouteTables: an unknown filter → InvalidParameterValue; MaxResults outside 5–100 → InvalidParameterValue", async () => {
      await using rs = await startServer();
      const { ec2 } = clientsFor(rs.url, GRANTOR);
      const err = await expectAwsError(ec2.send(new DescribeRouteTablesCommand({ Filters: [{ Name: "colour", Values: ["x"] }] })), "InvalidParameterValue", 400);
      assert.equal(err.message, "The filter 'colour' is invalid");
      await expectAwsError(ec2.send(new DescribeRouteTablesCommand({ MaxResults: 101 })), "InvalidParameterValue", 400);
      await expectAwsError(ec2.send(new DescribeRouteTablesCommand({ MaxResults: 4 })), "InvalidParameterValue", 400);
    });

    it("DescribeRouteTables: a token of another Describe → InvalidPaginationToken; DryRun → 412", async () => {
      await using rs = await startServer();
      const { ec2 } = clientsFor(rs.url, GRANTOR);
      for (let i = 0; i < 6; i++) await ec2.send(new CreateVpcCommand({ CidrBlock: `10.${20 + i}.0.0/16` }));
      const vpcs = await ec2.send(new DescribeVpcsCommand({ MaxResults: 5 }));
      await expectAwsError(ec2.send(new DescribeRouteTablesCommand({ NextToken: vpcs.NextToken })), "InvalidPaginationToken", 400);
      await expectAwsError(ec2.send(new DescribeRouteTablesCommand({ DryRun: true })), "DryRunOperation", 412);
    });
  });
});
