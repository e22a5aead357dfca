import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CreateSubnetCommand, CreateVpcCommand, DescribeSubnetsCommand, type EC2Client } from "@aws-sdk/client-ec2";
import { GRANTOR, clientsFor, expectAwsError, startServer } from "../helpers.js";

async function vpc(ec2: EC2Client, cidr = "10.0.0.0/16"): Promise<string> {
  return (await ec2.send(new CreateVpcCommand({ CidrBlock: cidr }))).Vpc!.VpcId!;
}

describe("EC2 CreateSubnet", () => {
  describe("behaviour", () => {
    it("CreateSubnet: returns an available subnet with its ARN, zone id and usable address count (size − 5)", async () => {
      await using rs = await startServer();
      const { ec2 } = clientsFor(rs.url, GRANTOR);
      const vpcId = await vpc(ec2);
      const { Subnet } = await ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: "10.0.1.0/24", AvailabilityZone: "us-east-1b" }));
      assert.match(Subnet!.SubnetId!, /^subnet-[0-9a-f]{17}$/);
      assert.equal(Subnet!.VpcId, vpcId);
      assert.equal(Subnet!.CidrBlock, "10.0.1.0/24");
      assert.equal(Subnet!.State, "available");
      assert.equal(Subnet!.AvailabilityZone, "us-east-1b");
      assert.equal(Subnet!.AvailabilityZoneId, "use1-az2");
      assert.equal(Subnet!.AvailableIpAddressCount, 251);
      assert.equal(Subnet!.DefaultForAz, false);
      assert.equal(Subnet!.MapPublicIpOnLaunch, false);
      assert.equal(Subnet!.OwnerId, GRANTOR);
      assert.equal(Subnet!.SubnetArn, `arn:aws:ec2:us-east-1:${GRANTOR}:subnet/${Subnet!.SubnetId}`);
      assert.deepEqual(Subnet!.Ipv6CidrBlockAssociationSet, []);
      const described = await ec2.send(new DescribeSubnetsCommand({ SubnetIds: [Subnet!.SubnetId!] }));
      assert.deepEqual(described.Subnets, [Subnet]);
    });

    it("CreateSubnet: accepts the VPC's whole block and a /28, and an AvailabilityZoneId instead of a name", async () => {
      await using rs = await startServer();
      const { ec2 } = clientsFor(rs.url, GRANTOR);
      const small = await vpc(ec2, "192.168.0.0/28");
      const whole = await ec2.send(new CreateSubnetCommand({ VpcId: small, CidrBlock: "192.168.0.0/28", AvailabilityZoneId: "use1-az3" }));
      assert.equal(whole.Subnet!.AvailabilityZone, "us-east-1c");
      assert.equal(whole.Subnet!.AvailableIpAddressCount, 11);
    });

    it("CreateSubnet: without a zone, spreads the VPC's subnets over the region's zones", async () => {
      await using rs = await startServer();
      const { ec2 } = clientsFor(rs.url, GRANTOR, "ap-southeast-2");
      const vpcId = await vpc(ec2);
      const zones: string[] = [];
      for (let i = 0; i < 3; i++) {
        zones.push((await ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: `10.0.${i}.0/24` }))).Subnet!.AvailabilityZone!);
      }
      assert.deepEqual(zones.sort(), ["ap-southeast-2a", "ap-southeast-2b", "ap-southeast-2c"]);
    });

    it("CreateSubnet: keeps TagSpecifications tags", async () => {
      await using rs = await startServer();
      const { ec2 } = clientsFor(rs.url, GRANTOR);
      const vpcId = await vpc(ec2);
      const Tags = [{ Key: "Name", Value: "private a" }];
      const { Subnet } = await ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: "10.0.0.0/24", TagSpecifications: [{ ResourceType: "subnet", Tags }] }));
      assert.deepEqual(Subnet!.Tags, Tags);
      await expectAwsError(
        ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: "10.0.1.0/24", TagSpecifications: [{ ResourceType: "vpc", Tags }] })),
        "InvalidParameterValue",
        400,
      );
    });
  });

  describe("errors", () => {
    it("CreateSubnet: a block outside its VPC → InvalidSubnet.Range", async () => {
      await using rs = await startServer();
      const { ec2 } = clientsFor(rs.url, GRANTOR);
      const vpcId = await vpc(ec2);
      for (const cidr of ["10.1.0.0/24", "172.31.0.0/20", "10.0.0.0/15", "0.0.0.0/0"]) {
        const err = await expectAwsError(ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: cidr })), "InvalidSubnet.Range", 400);
        assert.equal(err.message, `The CIDR '${cidr}' is invalid.`);
      }
    });

    it("CreateSubnet: a block smaller than /28 → InvalidSubnet.Range", async () => {
      await using rs = await startServer();
      const { ec2 } = clientsFor(rs.url, GRANTOR);
      const vpcId = await vpc(ec2);
      await expectAwsError(ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: "10.0.0.0/29" })), "InvalidSubnet.Range", 400);
      await expectAwsError(ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: "10.0.0.0/32" })), "InvalidSubnet.Range", 400);
    });

    it("CreateSubnet: a block overlapping another subnet of the VPC → InvalidSubnet.Conflict; other VPCs do not conflict", async () => {
      await using rs = await startServer();
      const { ec2 } = clientsFor(rs.url, GRANTOR);
      const vpcId = await vpc(ec2);
      await ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: "10.0.1.0/24" }));
      for (const cidr of ["10.0.1.0/24", "10.0.1.128/25", "10.0.0.0/23", "10.0.0.0/16"]) {
        const err = await expectAwsError(ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: cidr })), "InvalidSubnet.Conflict", 400);
        assert.equal(err.message, `The CIDR '${cidr}' conflicts with another subnet`);
      }
      await ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: "10.0.2.0/24" }));
      const other = await vpc(ec2);
      await ec2.send(new CreateSubnetCommand({ VpcId: other, CidrBlock: "10.0.1.0/24" }));
      const { Subnets } = await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: "vpc-id", Values: [vpcId, other] }] }));
      assert.equal(Subnets?.length, 3);
    });

    it("CreateSubnet: a malformed block → InvalidParameterValue; none at all → MissingParameter", async () => {
      await using rs = await startServer();
      const { ec2 } = clientsFor(rs.url, GRANTOR);
      const vpcId = await vpc(ec2);
      const err = await expectAwsError(ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: "10.0.0.300/24" })), "InvalidParameterValue", 400);
      assert.equal(err.message, "Value (10.0.0.300/24) for parameter cidrBlock is invalid. This is not a valid CIDR block.");
      await expectAwsError(ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: "10.0.0.1/24" })), "InvalidParameterValue", 400);
      await expectAwsError(ec2.send(new CreateSubnetCommand({ VpcId: vpcId })), "MissingParameter", 400);
    });

    it("CreateSubnet: an unknown VPC → InvalidVpcID.NotFound; no VpcId → MissingParameter", async () => {
      await using rs = await startServer();
      const { ec2 } = clientsFor(rs.url, GRANTOR);
      const err = await expectAwsError(ec2.send(new CreateSubnetCommand({ VpcId: "vpc-0000000000000000a", CidrBlock: "10.0.0.0/24" })), "InvalidVpcID.NotFound", 400);
      assert.equal(err.message, "The vpc ID 'vpc-0000000000000000a' does not exist");
      await expectAwsError(ec2.send(new CreateSubnetCommand({ CidrBlock: "10.0.0.0/24" } as never)), "MissingParameter", 400);
    });

    it("CreateSubnet: a zone outside the region → InvalidParameterValue listing the valid zones", async () => {
      await using rs = await startServer();
      const { ec2 } = clientsFor(rs.url, GRANTOR);
      const vpcId = await vpc(ec2);
      const err = await expectAwsError(
        ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: "10.0.0.0/24", AvailabilityZone: "us-east-1d" })),
        "InvalidParameterValue",
        400,
      );
      assert.match(err.message, /us-east-1a, us-east-1b, us-east-1c/);
      await expectAwsError(
        ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: "10.0.0.0/24", AvailabilityZone: "eu-west-1a" })),
        "InvalidParameterValue",
        400,
      );
      await expectAwsError(
        ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: "10.0.0.0/24", AvailabilityZoneId: "use1-az9" })),
        "InvalidParameterValue",
        400,
      );
      await expectAwsError(
        ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: "10.0.0.0/24", AvailabilityZone: "us-east-1a", AvailabilityZoneId: "use1-az2" })),
        "InvalidParameterCombination",
        400,
      );
      const { Subnets } = await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: "vpc-id", Values: [vpcId] }] }));
      assert.deepEqual(Subnets, [], "nothing was created");
    });
  });
});
