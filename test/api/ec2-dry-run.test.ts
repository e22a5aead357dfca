import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  AuthorizeSecurityGroupEgressCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  DeleteSecurityGroupCommand,
  DeleteSubnetCommand,
  DeleteVpcCommand,
  DescribeAvailabilityZonesCommand,
  DescribeNetworkInterfacesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcAttributeCommand,
  DescribeVpcsCommand,
  RevokeSecurityGroupEgressCommand,
  RevokeSecurityGroupIngressCommand,
} from "@aws-sdk/client-ec2";
import { GRANTOR, clientsFor, expectAwsError, startServer } from "../helpers.js";

describe("EC2 DryRun", () => {
  it("DryRun=true: every EC2 operation answers 412 DryRunOperation and changes nothing", async () => {
    await using rs = await startServer();
    const { ec2 } = clientsFor(rs.url, GRANTOR);
    const vpcId = (await ec2.send(new CreateVpcCommand({ CidrBlock: "10.0.0.0/16" }))).Vpc!.VpcId!;
    const subnetId = (await ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: "10.0.0.0/24" }))).Subnet!.SubnetId!;
    const groupId = (await ec2.send(new CreateSecurityGroupCommand({ VpcId: vpcId, GroupName: "g", Description: "g" }))).GroupId!;
    const snapshot = async () => [
      (await ec2.send(new DescribeVpcsCommand({}))).Vpcs,
      (await ec2.send(new DescribeSubnetsCommand({}))).Subnets,
      (await ec2.send(new DescribeSecurityGroupsCommand({}))).SecurityGroups,
    ];
    const rule = { IpProtocol: "tcp", FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: "10.0.0.0/8" }] };
    const before = await snapshot();
    const calls = [
      new CreateVpcCommand({ CidrBlock: "10.1.0.0/16", DryRun: true }),
      new DescribeVpcsCommand({ DryRun: true }),
      new DeleteVpcCommand({ VpcId: vpcId, DryRun: true }),
      new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: "10.0.1.0/24", DryRun: true }),
      new DescribeSubnetsCommand({ DryRun: true }),
      new DeleteSubnetCommand({ SubnetId: subnetId, DryRun: true }),
      new CreateSecurityGroupCommand({ VpcId: vpcId, GroupName: "h", Description: "h", DryRun: true }),
      new DescribeSecurityGroupsCommand({ DryRun: true }),
      new DeleteSecurityGroupCommand({ GroupId: groupId, DryRun: true }),
      new DescribeAvailabilityZonesCommand({ DryRun: true }),
      new DescribeVpcAttributeCommand({ VpcId: vpcId, Attribute: "enableDnsSupport", DryRun: true }),
      new DescribeNetworkInterfacesCommand({ DryRun: true }),
      new AuthorizeSecurityGroupIngressCommand({ GroupId: groupId, IpPermissions: [rule], DryRun: true }),
      new AuthorizeSecurityGroupEgressCommand({ GroupId: groupId, IpPermissions: [rule], DryRun: true }),
      new RevokeSecurityGroupIngressCommand({ GroupId: groupId, IpPermissions: [rule], DryRun: true }),
      new RevokeSecurityGroupEgressCommand({ GroupId: groupId, IpPermissions: [{ IpProtocol: "-1", IpRanges: [{ CidrIp: "0.0.0.0/0" }] }], DryRun: true }),
    ];
    for (const command of calls) {
      const err = await expectAwsError(ec2.send(command as never), "DryRunOperation", 412);
      assert.equal(err.message, "Request would have succeeded, but DryRun flag is set.");
    }
    assert.deepEqual(await snapshot(), before);
  });

  it("DryRun=false runs the operation", async () => {
    await using rs = await startServer();
    const { ec2 } = clientsFor(rs.url, GRANTOR);
    const out = await ec2.send(new CreateVpcCommand({ CidrBlock: "10.1.0.0/16", DryRun: false }));
    assert.match(out.Vpc!.VpcId!, /^vpc-/);
  });
});
