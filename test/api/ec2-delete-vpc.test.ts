import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  DeleteSecurityGroupCommand,
  DeleteSubnetCommand,
  DeleteVpcCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
} from "@aws-sdk/client-ec2";
import { GRANTOR, clientsFor, expectAwsError, startServer } from "../helpers.js";

describe("EC2 DeleteVpc", () => {
  it("DeleteVpc: removes an empty VPC together with its default security group", async () => {
    await using rs = await startServer();
    const { ec2 } = clientsFor(rs.url, GRANTOR);
    const vpcId = (await ec2.send(new CreateVpcCommand({ CidrBlock: "10.0.0.0/16" }))).Vpc!.VpcId!;
    await ec2.send(new DeleteVpcCommand({ VpcId: vpcId }));
    await expectAwsError(ec2.send(new DescribeVpcsCommand({ VpcIds: [vpcId] })), "InvalidVpcID.NotFound", 400);
    const groups = await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: "vpc-id", Values: [vpcId] }] }));
    assert.deepEqual(groups.SecurityGroups, []);
  });

  it("DeleteVpc: a VPC that still has subnets → DependencyViolation; deletable once they are gone", async () => {
    await using rs = await startServer();
    const { ec2 } = clientsFor(rs.url, GRANTOR);
    const vpcId = (await ec2.send(new CreateVpcCommand({ CidrBlock: "10.0.0.0/16" }))).Vpc!.VpcId!;
    const subnetId = (await ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: "10.0.1.0/24" }))).Subnet!.SubnetId!;
    const err = await expectAwsError(ec2.send(new DeleteVpcCommand({ VpcId: vpcId })), "DependencyViolation", 400);
    assert.equal(err.message, `The vpc '${vpcId}' has dependencies and cannot be deleted.`);
    assert.equal((await ec2.send(new DescribeVpcsCommand({ VpcIds: [vpcId] }))).Vpcs?.length, 1);
    await ec2.send(new DeleteSubnetCommand({ SubnetId: subnetId }));
    await ec2.send(new DeleteVpcCommand({ VpcId: vpcId }));
    await expectAwsError(ec2.send(new DescribeVpcsCommand({ VpcIds: [vpcId] })), "InvalidVpcID.NotFound", 400);
  });

  it("DeleteVpc: a VPC with a non-default security group → DependencyViolation", async () => {
    await using rs = await startServer();
    const { ec2 } = clientsFor(rs.url, GRANTOR);
    const vpcId = (await ec2.send(new CreateVpcCommand({ CidrBlock: "10.0.0.0/16" }))).Vpc!.VpcId!;
    const { GroupId } = await ec2.send(new CreateSecurityGroupCommand({ VpcId: vpcId, GroupName: "app", Description: "app" }));
    await expectAwsError(ec2.send(new DeleteVpcCommand({ VpcId: vpcId })), "DependencyViolation", 400);
    await ec2.send(new DeleteSecurityGroupCommand({ GroupId }));
    await ec2.send(new DeleteVpcCommand({ VpcId: vpcId }));
  });

  it("DeleteVpc: an unknown VPC → InvalidVpcID.NotFound naming it", async () => {
    await using rs = await startServer();
    const { ec2 } = clientsFor(rs.url, GRANTOR);
    const err = await expectAwsError(ec2.send(new DeleteVpcCommand({ VpcId: "vpc-0123456789abcdef0" })), "InvalidVpcID.NotFound", 400);
    assert.equal(err.message, "The vpc ID 'vpc-0123456789abcdef0' does not exist");
  });

  it("DeleteVpc: the default VPC with its default subnets → DependencyViolation; without them it is kept (OperationNotPermitted)", async () => {
    await using rs = await startServer();
    const { ec2 } = clientsFor(rs.url, GRANTOR);
    const vpcId = (await ec2.send(new DescribeVpcsCommand({}))).Vpcs![0]!.VpcId!;
    await expectAwsError(ec2.send(new DeleteVpcCommand({ VpcId: vpcId })), "DependencyViolation", 400);
    for (const s of (await ec2.send(new DescribeSubnetsCommand({}))).Subnets!) await ec2.send(new DeleteSubnetCommand({ SubnetId: s.SubnetId! }));
    await expectAwsError(ec2.send(new DeleteVpcCommand({ VpcId: vpcId })), "OperationNotPermitted", 400);
    const { Vpcs } = await ec2.send(new DescribeVpcsCommand({}));
    assert.deepEqual(Vpcs?.map((v) => v.VpcId), [vpcId]);
    assert.deepEqual((await ec2.send(new DescribeSubnetsCommand({}))).Subnets, [], "deleted default subnets stay deleted");
  });

  it("DeleteVpc: without VpcId is MissingParameter", async () => {
    await using rs = await startServer();
    const { ec2 } = clientsFor(rs.url, GRANTOR);
    await expectAwsError(ec2.send(new DeleteVpcCommand({} as never)), "MissingParameter", 400);
  });
});
