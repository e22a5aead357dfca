import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CreateSecurityGroupCommand, CreateSubnetCommand, CreateVpcCommand, DeleteSecurityGroupCommand, DescribeSecurityGroupsCommand, type EC2Client } from "@aws-sdk/client-ec2";
import { CreateClusterCommand, CreateClusterSubnetGroupCommand, CreateEndpointAccessCommand } from "@aws-sdk/client-redshift";
import { GRANTOR, clientsFor, expectAwsError, startServer } from "../helpers.js";

/** A VPC with two subnets and a group `extra`; returns ids. */
async function network(ec2: EC2Client): Promise<{ vpcId: string; subnetIds: string[]; groupId: string }> {
  const vpcId = (await ec2.send(new CreateVpcCommand({ CidrBlock: "10.0.0.0/16" }))).Vpc!.VpcId!;
  const subnetIds: string[] = [];
  for (const [i, zone] of ["us-east-1a", "us-east-1b"].entries()) {
    subnetIds.push((await ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: `10.0.${i}.0/24`, AvailabilityZone: zone }))).Subnet!.SubnetId!);
  }
  const groupId = (await ec2.send(new CreateSecurityGroupCommand({ VpcId: vpcId, GroupName: "extra", Description: "extra" }))).GroupId!;
  return { vpcId, subnetIds, groupId };
}

const CLUSTER = { NodeType: "ra3.xlplus", MasterUsername: "admin", MasterUserPassword: "Passw0rd1" };

describe("EC2 DeleteSecurityGroup", () => {
  it("DeleteSecurityGroup: by GroupId removes the group and returns its id", async () => {
    await using rs = await startServer();
    const { ec2 } = clientsFor(rs.url, GRANTOR);
    const { GroupId } = await ec2.send(new CreateSecurityGroupCommand({ GroupName: "web", Description: "web" }));
    const out = await ec2.send(new DeleteSecurityGroupCommand({ GroupId }));
    assert.equal(out.Return, true);
    assert.equal(out.GroupId, GroupId);
    await expectAwsError(ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [GroupId!] })), "InvalidGroup.NotFound", 400);
  });

  it("DeleteSecurityGroup: by GroupName removes the group of that name in the default VPC", async () => {
    await using rs = await startServer();
    const { ec2 } = clientsFor(rs.url, GRANTOR);
    const { GroupId } = await ec2.send(new CreateSecurityGroupCommand({ GroupName: "web", Description: "web" }));
    assert.equal((await ec2.send(new DeleteSecurityGroupCommand({ GroupName: "web" }))).GroupId, GroupId);
    const err = await expectAwsError(ec2.send(new DeleteSecurityGroupCommand({ GroupName: "web" })), "InvalidGroup.NotFound", 400);
    assert.match(err.message, /^The security group 'web' does not exist in default VPC 'vpc-[0-9a-f]{17}'$/);
  });

  it("DeleteSecurityGroup: a `default` group → CannotDelete", async () => {
    await using rs = await startServer();
    const { ec2 } = clientsFor(rs.url, GRANTOR);
    const [sg] = (await ec2.send(new DescribeSecurityGroupsCommand({}))).SecurityGroups!;
    const err = await expectAwsError(ec2.send(new DeleteSecurityGroupCommand({ GroupId: sg!.GroupId })), "CannotDelete", 400);
    assert.equal(err.message, `the specified group: "${sg!.GroupId}" name: "default" cannot be deleted by a user`);
    await expectAwsError(ec2.send(new DeleteSecurityGroupCommand({ GroupName: "default" })), "CannotDelete", 400);
    assert.equal((await ec2.send(new DescribeSecurityGroupsCommand({}))).SecurityGroups?.length, 1);
  });

  it("DeleteSecurityGroup: an unknown group → InvalidGroup.NotFound; neither id nor name → MissingParameter", async () => {
    await using rs = await startServer();
    const { ec2 } = clientsFor(rs.url, GRANTOR);
    const err = await expectAwsError(ec2.send(new DeleteSecurityGroupCommand({ GroupId: "sg-0123456789abcdef0" })), "InvalidGroup.NotFound", 400);
    assert.equal(err.message, "The security group 'sg-0123456789abcdef0' does not exist");
    await expectAwsError(ec2.send(new DeleteSecurityGroupCommand({})), "MissingParameter", 400);
  });

  it("DeleteSecurityGroup: a group used by a cluster → DependencyViolation", async () => {
    await using rs = await startServer();
    const { ec2, redshift } = clientsFor(rs.url, GRANTOR);
    const { subnetIds, groupId } = await network(ec2);
    await redshift.send(new CreateClusterSubnetGroupCommand({ ClusterSubnetGroupName: "net", Description: "net", SubnetIds: subnetIds }));
    await redshift.send(new CreateClusterCommand({ ClusterIdentifier: "warehouse", ClusterSubnetGroupName: "net", VpcSecurityGroupIds: [groupId], ...CLUSTER }));
    const err = await expectAwsError(ec2.send(new DeleteSecurityGroupCommand({ GroupId: groupId })), "DependencyViolation", 400);
    assert.equal(err.message, `resource ${groupId} has a dependent object`);
  });

  it("DeleteSecurityGroup: a group used by an endpoint → DependencyViolation", async () => {
    await using rs = await startServer();
    const { ec2, redshift } = clientsFor(rs.url, GRANTOR);
    const { subnetIds, groupId } = await network(ec2);
    await redshift.send(new CreateClusterSubnetGroupCommand({ ClusterSubnetGroupName: "net", Description: "net", SubnetIds: subnetIds }));
    await redshift.send(new CreateClusterCommand({ ClusterIdentifier: "warehouse", ClusterSubnetGroupName: "net", ...CLUSTER }));
    await redshift.send(
      new CreateEndpointAccessCommand({ EndpointName: "bi", ClusterIdentifier: "warehouse", SubnetGroupName: "net", VpcSecurityGroupIds: [groupId] }),
    );
    await expectAwsError(ec2.send(new DeleteSecurityGroupCommand({ GroupId: groupId })), "DependencyViolation", 400);
  });
});
