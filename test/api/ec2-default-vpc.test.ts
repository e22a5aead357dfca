import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DescribeSecurityGroupsCommand, DescribeSubnetsCommand, DescribeVpcsCommand, DescribeAvailabilityZonesCommand } from "@aws-sdk/client-ec2";
import { GRANTOR, clientsFor, startServer } from "../helpers.js";

describe("EC2 default VPC", () => {
  it("DescribeVpcs: a fresh account already has a default VPC 172.31.0.0/16 with IsDefault=true", async () => {
    await using rs = await startServer();
    const { ec2 } = clientsFor(rs.url, GRANTOR);
    const { Vpcs } = await ec2.send(new DescribeVpcsCommand({}));
    assert.equal(Vpcs?.length, 1);
    const vpc = Vpcs[0]!;
    assert.match(vpc.VpcId!, /^vpc-[0-9a-f]{17}$/);
    assert.equal(vpc.CidrBlock, "172.31.0.0/16");
    assert.equal(vpc.IsDefault, true);
    assert.equal(vpc.State, "available");
    assert.equal(vpc.OwnerId, GRANTOR);
    assert.equal(vpc.InstanceTenancy, "default");
    assert.match(vpc.DhcpOptionsId!, /^dopt-[0-9a-f]{17}$/);
    assert.deepEqual(
      vpc.CidrBlockAssociationSet?.map((a) => [a.CidrBlock, a.CidrBlockState?.State]),
      [["172.31.0.0/16", "associated"]],
    );
    assert.match(vpc.CidrBlockAssociationSet[0]!.AssociationId!, /^vpc-cidr-assoc-[0-9a-f]{17}$/);
  });

  it("DescribeSubnets: the default VPC has one default /20 subnet in each of <region>a, b and c", async () => {
    await using rs = await startServer();
    const { ec2 } = clientsFor(rs.url, GRANTOR, "eu-west-1");
    const [{ Vpcs }, { Subnets }] = [await ec2.send(new DescribeVpcsCommand({})), await ec2.send(new DescribeSubnetsCommand({}))];
    const vpcId = Vpcs![0]!.VpcId;
    assert.deepEqual(
      Subnets!.map((s) => [s.AvailabilityZone, s.CidrBlock, s.DefaultForAz, s.MapPublicIpOnLaunch, s.VpcId]).sort(),
      [
        ["eu-west-1a", "172.31.0.0/20", true, true, vpcId],
        ["eu-west-1b", "172.31.16.0/20", true, true, vpcId],
        ["eu-west-1c", "172.31.32.0/20", true, true, vpcId],
      ],
    );
    for (const s of Subnets!) {
      assert.match(s.SubnetId!, /^subnet-[0-9a-f]{17}$/);
      assert.equal(s.AvailableIpAddressCount, 4096 - 5);
      assert.equal(s.State, "available");
      assert.equal(s.OwnerId, GRANTOR);
      assert.equal(s.SubnetArn, `arn:aws:ec2:eu-west-1:${GRANTOR}:subnet/${s.SubnetId}`);
      assert.match(s.AvailabilityZoneId!, /^euw1-az[123]$/);
      assert.deepEqual(s.Ipv6CidrBlockAssociationSet, []);
    }
  });

  it("DescribeSecurityGroups: the default VPC has a `default` security group that admits its own members and allows all egress", async () => {
    await using rs = await startServer();
    const { ec2 } = clientsFor(rs.url, GRANTOR);
    const { SecurityGroups } = await ec2.send(new DescribeSecurityGroupsCommand({}));
    const { Vpcs } = await ec2.send(new DescribeVpcsCommand({}));
    assert.equal(SecurityGroups?.length, 1);
    const sg = SecurityGroups[0]!;
    assert.match(sg.GroupId!, /^sg-[0-9a-f]{17}$/);
    assert.equal(sg.GroupName, "default");
    assert.equal(sg.VpcId, Vpcs![0]!.VpcId);
    assert.equal(sg.OwnerId, GRANTOR);
    assert.equal(sg.Description, "default VPC security group");
    assert.deepEqual(sg.IpPermissionsEgress, [{ IpProtocol: "-1", IpRanges: [{ CidrIp: "0.0.0.0/0" }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] }]);
    assert.deepEqual(sg.IpPermissions, [
      { IpProtocol: "-1", IpRanges: [], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [{ GroupId: sg.GroupId, UserId: GRANTOR }] },
    ]);
  });

  it("DescribeVpcs: the default VPC is created once; every EC2 call of the account and region sees the same default VPC", async () => {
    await using rs = await startServer();
    const { ec2 } = clientsFor(rs.url, GRANTOR);
    await ec2.send(new DescribeAvailabilityZonesCommand({}));
    const first = await ec2.send(new DescribeVpcsCommand({}));
    const second = await ec2.send(new DescribeVpcsCommand({}));
    assert.equal(first.Vpcs?.length, 1);
    assert.deepEqual(second.Vpcs, first.Vpcs);
    assert.equal((await ec2.send(new DescribeSubnetsCommand({}))).Subnets?.length, 3);
  });

  it("DescribeVpcs: untagged resources have no Tags member, as on EC2", async () => {
    await using rs = await startServer();
    const { ec2 } = clientsFor(rs.url, GRANTOR);
    const { Vpcs } = await ec2.send(new DescribeVpcsCommand({}));
    assert.equal(Vpcs![0]!.Tags, undefined);
  });
});
