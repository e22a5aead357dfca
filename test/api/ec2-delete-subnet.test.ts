import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CreateSubnetCommand, CreateVpcCommand, DeleteSubnetCommand, DescribeSubnetsCommand, type EC2Client } from "@aws-sdk/client-ec2";
import {
  CreateClusterCommand,
  CreateClusterSubnetGroupCommand,
  CreateEndpointAccessCommand,
  DeleteClusterSubnetGroupCommand,
  DescribeEndpointAccessCommand,
} from "@aws-sdk/client-redshift";
import { GRANTOR, clientsFor, expectAwsError, startServer } from "../helpers.js";

async function subnets(ec2: EC2Client, count: number): Promise<{ vpcId: string; subnetIds: string[] }> {
  const vpcId = (await ec2.send(new CreateVpcCommand({ CidrBlock: "10.0.0.0/16" }))).Vpc!.VpcId!;
  const subnetIds: string[] = [];
  for (let i = 0; i < count; i++) {
    const zone = ["us-east-1a", "us-east-1b", "us-east-1c"][i % 3];
    subnetIds.push((await ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: `10.0.${i}.0/24`, AvailabilityZone: zone }))).Subnet!.SubnetId!);
  }
  return { vpcId, subnetIds };
}

describe("EC2 DeleteSubnet", () => {
  it("DeleteSubnet: removes the subnet; a second delete → InvalidSubnetID.NotFound", async () => {
    await using rs = await startServer();
    const { ec2 } = clientsFor(rs.url, GRANTOR);
    const { subnetIds } = await subnets(ec2, 1);
    await ec2.send(new DeleteSubnetCommand({ SubnetId: subnetIds[0] }));
    await expectAwsError(ec2.send(new DescribeSubnetsCommand({ SubnetIds: subnetIds })), "InvalidSubnetID.NotFound", 400);
    const err = await expectAwsError(ec2.send(new DeleteSubnetCommand({ SubnetId: subnetIds[0] })), "InvalidSubnetID.NotFound", 400);
    assert.equal(err.message, `The subnet ID '${subnetIds[0]}' does not exist`);
  });

  it("DeleteSubnet: a default subnet can be deleted like any other", async () => {
    await using rs = await startServer();
    const { ec2 } = clientsFor(rs.url, GRANTOR);
    const [first] = (await ec2.send(new DescribeSubnetsCommand({}))).Subnets!;
    await ec2.send(new DeleteSubnetCommand({ SubnetId: first!.SubnetId }));
    assert.equal((await ec2.send(new DescribeSubnetsCommand({}))).Subnets?.length, 2);
  });

  it("DeleteSubnet: a subnet of a cluster subnet group → DependencyViolation until the group is deleted", async () => {
    await using rs = await startServer();
    const { ec2, redshift } = clientsFor(rs.url, GRANTOR);
    const { subnetIds } = await subnets(ec2, 2);
    await redshift.send(new CreateClusterSubnetGroupCommand({ ClusterSubnetGroupName: "analytics", Description: "analytics", SubnetIds: subnetIds }));
    const err = await expectAwsError(ec2.send(new DeleteSubnetCommand({ SubnetId: subnetIds[1] })), "DependencyViolation", 400);
    assert.equal(err.message, `The subnet '${subnetIds[1]}' has dependencies and cannot be deleted.`);
    await redshift.send(new DeleteClusterSubnetGroupCommand({ ClusterSubnetGroupName: "analytics" }));
    await ec2.send(new DeleteSubnetCommand({ SubnetId: subnetIds[1] }));
  });

  it("DeleteSubnet: a subnet holding an endpoint's network interface → DependencyViolation, and the interface takes one address", async () => {
    await using rs = await startServer();
    const { ec2, redshift } = clientsFor(rs.url, GRANTOR);
    const { subnetIds } = await subnets(ec2, 2);
    await redshift.send(new CreateClusterSubnetGroupCommand({ ClusterSubnetGroupName: "warehouse", Description: "w", SubnetIds: subnetIds }));
    await redshift.send(
      new CreateClusterCommand({
        ClusterIdentifier: "warehouse",
        NodeType: "ra3.xlplus",
        MasterUsername: "admin",
        MasterUserPassword: "Passw0rd1",
        ClusterSubnetGroupName: "warehouse",
      }),
    );
    await redshift.send(new CreateEndpointAccessCommand({ EndpointName: "bi", ClusterIdentifier: "warehouse", SubnetGroupName: "warehouse" }));
    const described = await redshift.send(new DescribeEndpointAccessCommand({ EndpointName: "bi" }));
    const used = described.EndpointAccessList![0]!.VpcEndpoint!.NetworkInterfaces![0]!.SubnetId!;
    const err = await expectAwsError(ec2.send(new DeleteSubnetCommand({ SubnetId: used })), "DependencyViolation", 400);
    assert.equal(err.message, `The subnet '${used}' has dependencies and cannot be deleted.`);
    const counts = new Map((await ec2.send(new DescribeSubnetsCommand({ SubnetIds: subnetIds }))).Subnets!.map((s) => [s.SubnetId, s.AvailableIpAddressCount]));
    assert.equal(counts.get(used), 251 - 1);
    assert.equal(counts.get(subnetIds.find((id) => id !== used)), 251);
  });
});
