import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CreateSecurityGroupCommand, CreateSubnetCommand, CreateVpcCommand, DeleteVpcCommand, DescribeSecurityGroupsCommand, DescribeSubnetsCommand, DescribeVpcsCommand } from "@aws-sdk/client-ec2";
import { GRANTEE, GRANTOR, clientsFor, expectAwsError, startServer } from "../helpers.js";

describe("EC2 account and region isolation", () => {
  it("DescribeVpcs: each account has its own default VPC; another account never sees mine", async () => {
    await using rs = await startServer();
    const mine = clientsFor(rs.url, GRANTOR).ec2;
    const theirs = clientsFor(rs.url, GRANTEE).ec2;
    const { Vpc } = await mine.send(new CreateVpcCommand({ CidrBlock: "10.0.0.0/16" }));
    const myVpcs = (await mine.send(new DescribeVpcsCommand({}))).Vpcs!;
    const theirVpcs = (await theirs.send(new DescribeVpcsCommand({}))).Vpcs!;
    assert.equal(myVpcs.length, 2);
    assert.equal(theirVpcs.length, 1);
    assert.equal(theirVpcs[0]!.OwnerId, GRANTEE);
    assert.ok(!myVpcs.some((v) => v.VpcId === theirVpcs[0]!.VpcId));
    await expectAwsError(theirs.send(new DescribeVpcsCommand({ VpcIds: [Vpc!.VpcId!] })), "InvalidVpcID.NotFound", 400);
    await expectAwsError(theirs.send(new DeleteVpcCommand({ VpcId: Vpc!.VpcId! })), "InvalidVpcID.NotFound", 400);
    await expectAwsError(theirs.send(new CreateSubnetCommand({ VpcId: Vpc!.VpcId!, CidrBlock: "10.0.0.0/24" })), "InvalidVpcID.NotFound", 400);
    await expectAwsError(theirs.send(new CreateSecurityGroupCommand({ VpcId: Vpc!.VpcId!, GroupName: "x", Description: "x" })), "InvalidVpcID.NotFound", 400);
  });

  it("DescribeSubnets / DescribeSecurityGroups: subnets and security groups of one account are invisible to another", async () => {
    await using rs = await startServer();
    const mine = clientsFor(rs.url, GRANTOR).ec2;
    const theirs = clientsFor(rs.url, GRANTEE).ec2;
    const mySubnet = (await mine.send(new DescribeSubnetsCommand({}))).Subnets![0]!.SubnetId!;
    const myGroup = (await mine.send(new DescribeSecurityGroupsCommand({}))).SecurityGroups![0]!.GroupId!;
    await expectAwsError(theirs.send(new DescribeSubnetsCommand({ SubnetIds: [mySubnet] })), "InvalidSubnetID.NotFound", 400);
    await expectAwsError(theirs.send(new DescribeSecurityGroupsCommand({ GroupIds: [myGroup] })), "InvalidGroup.NotFound", 400);
    const theirSubnets = (await theirs.send(new DescribeSubnetsCommand({}))).Subnets!;
    assert.ok(theirSubnets.every((s) => s.OwnerId === GRANTEE && s.SubnetId !== mySubnet));
    const filtered = await theirs.send(new DescribeSubnetsCommand({ Filters: [{ Name: "owner-id", Values: [GRANTOR] }] }));
    assert.deepEqual(filtered.Subnets, []);
  });

  it("DescribeVpcs: each region of one account has its own default VPC and resources", async () => {
    await using rs = await startServer();
    const east = clientsFor(rs.url, GRANTOR, "us-east-1").ec2;
    const west = clientsFor(rs.url, GRANTOR, "us-west-2").ec2;
    const { Vpc } = await east.send(new CreateVpcCommand({ CidrBlock: "10.0.0.0/16" }));
    const eastVpcs = (await east.send(new DescribeVpcsCommand({}))).Vpcs!;
    const westVpcs = (await west.send(new DescribeVpcsCommand({}))).Vpcs!;
    assert.equal(eastVpcs.length, 2);
    assert.equal(westVpcs.length, 1);
    assert.notEqual(westVpcs[0]!.VpcId, eastVpcs.find((v) => v.IsDefault)!.VpcId);
    await expectAwsError(west.send(new DescribeVpcsCommand({ VpcIds: [Vpc!.VpcId!] })), "InvalidVpcID.NotFound", 400);
    const westZones = (await west.send(new DescribeSubnetsCommand({}))).Subnets!.map((s) => s.AvailabilityZone).sort();
    assert.deepEqual(westZones, ["us-west-2a", "us-west-2b", "us-west-2c"]);
  });
});
