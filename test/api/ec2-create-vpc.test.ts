import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CreateVpcCommand, DescribeSecurityGroupsCommand, DescribeVpcsCommand, type Tag } from "@aws-sdk/client-ec2";
import { GRANTOR, clientsFor, expectAwsError, rawPost, startServer } from "../helpers.js";

describe("EC2 CreateVpc", () => {
  describe("behaviour", () => {
    it("CreateVpc: returns an available, non-default VPC owned by the caller, and Describe shows the same", async () => {
      await using rs = await startServer();
      const { ec2 } = clientsFor(rs.url, GRANTOR);
      const { Vpc } = await ec2.send(new CreateVpcCommand({ CidrBlock: "10.0.0.0/16" }));
      assert.match(Vpc!.VpcId!, /^vpc-[0-9a-f]{17}$/);
      assert.equal(Vpc!.CidrBlock, "10.0.0.0/16");
      assert.equal(Vpc!.IsDefault, false);
      assert.equal(Vpc!.State, "available");
      assert.equal(Vpc!.OwnerId, GRANTOR);
      assert.equal(Vpc!.InstanceTenancy, "default");
      assert.equal(Vpc!.CidrBlockAssociationSet?.[0]?.CidrBlock, "10.0.0.0/16");
      const { Vpcs } = await ec2.send(new DescribeVpcsCommand({ VpcIds: [Vpc!.VpcId!] }));
      assert.deepEqual(Vpcs, [Vpc]);
    });

    it("CreateVpc: accepts the limits /16 and /28 and overlapping blocks (VPCs may overlap)", async () => {
      await using rs = await startServer();
      const { ec2 } = clientsFor(rs.url, GRANTOR);
      const a = await ec2.send(new CreateVpcCommand({ CidrBlock: "10.0.0.0/16" }));
      const b = await ec2.send(new CreateVpcCommand({ CidrBlock: "10.0.0.0/28" }));
      const c = await ec2.send(new CreateVpcCommand({ CidrBlock: "172.31.0.0/16" }));
      assert.equal(new Set([a.Vpc!.VpcId, b.Vpc!.VpcId, c.Vpc!.VpcId]).size, 3);
      assert.equal((await ec2.send(new DescribeVpcsCommand({}))).Vpcs?.length, 4);
    });

    it("CreateVpc: gives the new VPC its own `default` security group", async () => {
      await using rs = await startServer();
      const { ec2 } = clientsFor(rs.url, GRANTOR);
      const { Vpc } = await ec2.send(new CreateVpcCommand({ CidrBlock: "10.1.0.0/16" }));
      const { SecurityGroups } = await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: "vpc-id", Values: [Vpc!.VpcId!] }] }));
      assert.deepEqual(SecurityGroups?.map((g) => [g.GroupName, g.VpcId]), [["default", Vpc!.VpcId]]);
    });

    it("CreateVpc: keeps TagSpecifications tags and a dedicated tenancy", async () => {
      await using rs = await startServer();
      const { ec2 } = clientsFor(rs.url, GRANTOR);
      const tags: Tag[] = [
        { Key: "Name", Value: "analytics" },
        { Key: "empty", Value: "" },
      ];
      const { Vpc } = await ec2.send(
        new CreateVpcCommand({ CidrBlock: "10.2.0.0/16", InstanceTenancy: "dedicated", TagSpecifications: [{ ResourceType: "vpc", Tags: tags }] }),
      );
      assert.deepEqual(Vpc!.Tags, tags);
      assert.equal(Vpc!.InstanceTenancy, "dedicated");
      const described = (await ec2.send(new DescribeVpcsCommand({ VpcIds: [Vpc!.VpcId!] }))).Vpcs![0]!;
      assert.deepEqual(described.Tags, tags);
      assert.equal(described.InstanceTenancy, "dedicated");
    });

    it("CreateVpc: a --seed call in the SDK's input shape creates the VPC before the first request (an empty VpcIds list means all)", async () => {
      await using rs = await startServer({
        seed: [
          {
            account: GRANTOR,
            region: "eu-west-1",
            service: "ec2",
            action: "CreateVpc",
            params: { CidrBlock: "10.9.0.0/16", TagSpecifications: [{ ResourceType: "vpc", Tags: [{ Key: "Name", Value: "seeded" }] }] },
          },
          { account: GRANTOR, region: "eu-west-1", service: "ec2", action: "DescribeVpcs", params: { VpcIds: [] } },
        ],
      });
      const { ec2 } = clientsFor(rs.url, GRANTOR, "eu-west-1");
      const { Vpcs } = await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: "tag:Name", Values: ["seeded"] }] }));
      assert.deepEqual(Vpcs?.map((v) => v.CidrBlock), ["10.9.0.0/16"]);
    });
  });

  describe("errors", () => {
    it("CreateVpc: refuses a CIDR block outside /16–/28 with InvalidVpc.Range", async () => {
      await using rs = await startServer();
      const { ec2 } = clientsFor(rs.url, GRANTOR);
      for (const cidr of ["10.0.0.0/15", "10.0.0.0/8", "10.0.0.0/29", "10.0.0.0/32"]) {
        const err = await expectAwsError(ec2.send(new CreateVpcCommand({ CidrBlock: cidr })), "InvalidVpc.Range", 400);
        assert.equal(err.message, `The CIDR '${cidr}' is invalid.`);
      }
      assert.equal((await ec2.send(new DescribeVpcsCommand({}))).Vpcs?.length, 1, "nothing was created");
    });

    it("CreateVpc: refuses a malformed block or one with host bits set with InvalidParameterValue", async () => {
      await using rs = await startServer();
      const { ec2 } = clientsFor(rs.url, GRANTOR);
      for (const cidr of ["10.0.0.0", "1000.0.0.0/16", "10.0.0.1/16", "ten/16", ""]) {
        const err = await expectAwsError(ec2.send(new CreateVpcCommand({ CidrBlock: cidr })), "InvalidParameterValue", 400);
        assert.equal(err.message, `Value (${cidr}) for parameter cidrBlock is invalid. This is not a valid CIDR block.`);
      }
    });

    it("CreateVpc: without a CidrBlock is MissingParameter", async () => {
      await using rs = await startServer();
      const { ec2 } = clientsFor(rs.url, GRANTOR);
      await expectAwsError(ec2.send(new CreateVpcCommand({})), "MissingParameter", 400);
    });

    it("CreateVpc: refuses an unknown or host tenancy", async () => {
      await using rs = await startServer();
      const { ec2 } = clientsFor(rs.url, GRANTOR);
      await expectAwsError(ec2.send(new CreateVpcCommand({ CidrBlock: "10.0.0.0/16", InstanceTenancy: "host" })), "InvalidParameterValue", 400);
      await expectAwsError(ec2.send(new CreateVpcCommand({ CidrBlock: "10.0.0.0/16", InstanceTenancy: "shared" as never })), "InvalidParameterValue", 400);
    });

    it("CreateVpc: refuses tag specifications for another resource type, without tags, or with reserved, duplicate or too many keys", async () => {
      await using rs = await startServer();
      const { ec2 } = clientsFor(rs.url, GRANTOR);
      const create = (TagSpecifications: { ResourceType?: string; Tags?: Tag[] }[]) =>
        ec2.send(new CreateVpcCommand({ CidrBlock: "10.0.0.0/16", TagSpecifications: TagSpecifications as never }));
      const wrongType = await expectAwsError(create([{ ResourceType: "subnet", Tags: [{ Key: "a", Value: "b" }] }]), "InvalidParameterValue", 400);
      assert.match(wrongType.message, /'subnet' is not a valid taggable resource type/);
      await expectAwsError(create([{ ResourceType: "vpc", Tags: [] }]), "InvalidParameterValue", 400);
      await expectAwsError(create([{ ResourceType: "vpc", Tags: [{ Key: "aws:cloudformation:stack", Value: "x" }] }]), "InvalidParameterValue", 400);
      await expectAwsError(create([{ ResourceType: "vpc", Tags: [{ Key: "k", Value: "1" }, { Key: "k", Value: "2" }] }]), "InvalidParameterValue", 400);
      await expectAwsError(create([{ ResourceType: "vpc", Tags: [{ Key: "k".repeat(129), Value: "1" }] }]), "InvalidParameterValue", 400);
      const many = Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: "v" }));
      await expectAwsError(create([{ ResourceType: "vpc", Tags: many }]), "TagLimitExceeded", 400);
      assert.equal((await ec2.send(new DescribeVpcsCommand({}))).Vpcs?.length, 1, "nothing was created");
    });

    it("CreateVpc: a raw request with a malformed DryRun boolean is InvalidParameterValue, not a crash", async () => {
      await using rs = await startServer();
      const res = await rawPost(rs.url, "Action=CreateVpc&Version=2016-11-15&CidrBlock=10.0.0.0%2F16&DryRun=maybe");
      assert.equal(res.status, 400);
      assert.match(res.text, /<Code>InvalidParameterValue<\/Code>/);
    });
  });
});
